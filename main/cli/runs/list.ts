// `arc-ttt runs list`: the runs table of the experiment log, filtered, sorted and paged.
import { MAX_PAGE_SIZE, RUN_ORDER_COLUMNS, RUN_STATUSES, type RunListQuery, type RunOrderColumn, type RunSummary } from '../../engine/store'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatTable } from '../format-table'
import { choiceFlag, integerFlag } from '../integer-flag'
import { UsageError, EXIT_OK } from '../usage-error'
import { formatAccuracy, formatProvider, formatSeconds, formatTime, wrapList } from './format-values'
import { databasePath, withLog } from './open-log'

export const LIST_HEADER = ['id', 'name', 'preset', 'status', 'done', 'skipped', 'official %', 'all-or-nothing %', 's/task', 'model', 'provider', 'created'] as const

/** `--sort COLUMN[:asc|:desc]`; descending (newest, largest first) unless `:asc`. */
export function sortFlag(raw: string | undefined): Pick<RunListQuery, 'orderBy' | 'descending'> {
  if (raw === undefined) return {}
  const [column, direction, ...rest] = raw.split(':')
  const columns: readonly string[] = RUN_ORDER_COLUMNS
  if (column === undefined || !columns.includes(column) || rest.length > 0 || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
    throw new UsageError(`--sort must be COLUMN or COLUMN:asc or COLUMN:desc with COLUMN one of ${RUN_ORDER_COLUMNS.join(', ')}; got "${raw}"`)
  }
  return { orderBy: column as RunOrderColumn, descending: direction !== 'asc' }
}

function row(run: RunSummary): (string | number)[] {
  return [
    run.id,
    run.name,
    run.preset,
    run.status,
    run.tasksDone,
    run.tasksSkipped,
    formatAccuracy(run.accuracyOfficial),
    formatAccuracy(run.accuracyAllOrNothing),
    formatSeconds(run.secondsPerTask),
    run.modelId,
    formatProvider(run),
    formatTime(run.createdAt)
  ]
}

export const listRunsCommand: Command = {
  name: 'list',
  summary: 'the runs table, newest first',
  usage: `arc-ttt runs list [--db FILE] [--limit N] [--offset N] [--sort COLUMN[:asc|:desc]] [--status S]
                   [--preset P] [--tag T] [--filter TEXT] [--json]

  --limit N        runs per page, 1..${MAX_PAGE_SIZE} (default 50); --offset N skips the first N
  --sort COLUMN    descending unless :asc (default createdAt, newest first); COLUMN one of
                   ${wrapList(RUN_ORDER_COLUMNS, 80).join('\n                   ')}
  --status S       only runs with this status: ${RUN_STATUSES.join(', ')}
  --preset P       only runs of this preset; --tag T only runs carrying this tag
  --filter TEXT    only runs whose id, name, notes, preset, model id or a tag contains TEXT (any case)
  --json           print {"total": N, "runs": [...]} (the whole page of run summaries) on stdout

Columns: id, name, preset, status, tasks done and skipped, accuracy over the scored tasks in both
conventions (official %: per-task fractions of test outputs solved; all-or-nothing %: tasks with
every test output solved), seconds per done task, model, provider used, created (UTC).`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable(
      'db', 'limit', 'offset', 'sort', 'status', 'preset', 'tag', 'filter', 'json?'
    ))
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
    const limit = integerFlag('--limit', values.limit, 50, 1)
    if (limit > MAX_PAGE_SIZE) throw new UsageError(`--limit must be at most ${MAX_PAGE_SIZE}, got "${values.limit}"`)
    const query: RunListQuery = {
      limit,
      offset: integerFlag('--offset', values.offset, 0, 0),
      ...sortFlag(values.sort),
      filter: {
        ...(values.status === undefined ? {} : { status: choiceFlag('--status', values.status, RUN_STATUSES, 'running') }),
        ...(values.preset === undefined ? {} : { preset: values.preset }),
        ...(values.tag === undefined ? {} : { tag: values.tag }),
        ...(values.filter === undefined ? {} : { text: values.filter })
      }
    }
    const file = databasePath(values.db)
    const list = await withLog(file, {}, (log) => log.listRuns(query))
    if (values.json) {
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`)
      return EXIT_OK
    }
    const filtered = Object.keys(query.filter ?? {}).length > 0
    if (list.runs.length === 0) {
      const why = list.total > 0 ? ` past --offset ${query.offset} (${list.total} in all)` : filtered ? ' matching the filters' : ''
      process.stdout.write(`no runs${why} in ${file}\n`)
      return EXIT_OK
    }
    process.stdout.write(`${formatTable(LIST_HEADER, list.runs.map(row))}\n`)
    const first = (query.offset ?? 0) + 1
    const last = first + list.runs.length - 1
    const more = last < list.total ? `; --offset ${last} for the next page` : ''
    process.stdout.write(`\nruns ${first}-${last} of ${list.total}${filtered ? ' matching the filters' : ''} in ${file}${more}\n`)
    return EXIT_OK
  }
}
