// The runs table's query: filters, a whitelisted sort column, pagination and the total, all read
// from the runs row's summary columns (kept up to date as task results arrive), never from task rows.
import type { SqliteDatabase } from './database'
import type { InputChecks } from './input-checks'
import {
  RUN_ORDER_COLUMNS,
  RUN_STATUSES,
  type RunList,
  type RunListQuery,
  type RunOrderColumn,
  type RunStatus,
  type RunSummary
} from './types'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 1000

/** SQL of each sortable column, the only text that reaches ORDER BY, and whether it may be null. */
const ORDER_SQL: Readonly<Record<RunOrderColumn, { readonly sql: string; readonly nullable: boolean }>> = {
  createdAt: { sql: 'r.created_at', nullable: false },
  endedAt: { sql: 'r.ended_at', nullable: true },
  name: { sql: 'r.name COLLATE NOCASE', nullable: false },
  status: { sql: 'r.status', nullable: false },
  preset: { sql: 'r.preset', nullable: false },
  modelId: { sql: 'r.model_id', nullable: false },
  providerUsed: { sql: 'r.provider_used', nullable: true },
  tasksDone: { sql: 'r.tasks_done', nullable: false },
  accuracyOfficial: { sql: 'r.accuracy_official', nullable: true },
  accuracyAllOrNothing: { sql: 'r.accuracy_all_or_nothing', nullable: true },
  secondsPerTask: { sql: 'r.seconds_per_task', nullable: true }
}

/** The columns of a RunSummary, selected from `runs r`. */
export const RUN_SUMMARY_COLUMNS = `
  r.id, r.name, r.preset, r.status, r.status_message, r.created_at, r.ended_at, r.model_id,
  r.provider_requested, r.provider_used, r.seed, r.config_hash, r.dataset_fingerprint, r.notes,
  r.tasks_done, r.tasks_skipped, r.tasks_scored, r.official_score_sum, r.all_or_nothing_sum,
  r.accuracy_official, r.accuracy_all_or_nothing, r.seconds_per_task,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM run_tags t WHERE t.run_number = r.run_number ORDER BY t.position)) AS tags_json`

export interface RunSummaryRow {
  id: string
  name: string
  preset: string
  status: RunStatus
  status_message: string | null
  created_at: string
  ended_at: string | null
  model_id: string
  provider_requested: string
  provider_used: string | null
  seed: number
  config_hash: string
  dataset_fingerprint: string
  notes: string
  tasks_done: number
  tasks_skipped: number
  tasks_scored: number
  official_score_sum: number
  all_or_nothing_sum: number
  accuracy_official: number | null
  accuracy_all_or_nothing: number | null
  seconds_per_task: number | null
  tags_json: string
}

export function runSummaryFromRow(row: RunSummaryRow): RunSummary {
  return {
    id: row.id,
    name: row.name,
    preset: row.preset,
    status: row.status,
    statusMessage: row.status_message,
    createdAt: row.created_at,
    endedAt: row.ended_at,
    modelId: row.model_id,
    providerRequested: row.provider_requested,
    providerUsed: row.provider_used,
    seed: row.seed,
    configHash: row.config_hash,
    datasetFingerprint: row.dataset_fingerprint,
    tags: JSON.parse(row.tags_json) as string[],
    notes: row.notes,
    tasksDone: row.tasks_done,
    tasksSkipped: row.tasks_skipped,
    tasksScored: row.tasks_scored,
    officialScoreSum: row.official_score_sum,
    allOrNothingSum: row.all_or_nothing_sum,
    accuracyOfficial: row.accuracy_official,
    accuracyAllOrNothing: row.accuracy_all_or_nothing,
    secondsPerTask: row.seconds_per_task
  }
}

/** `%text%` for LIKE, with LIKE's wildcards in the text taken literally (ESCAPE '\'). */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function whereClause(query: RunListQuery, checks: InputChecks): { sql: string; parameters: unknown[] } {
  const conditions: string[] = []
  const parameters: unknown[] = []
  const filter = query.filter ?? {}
  if (filter.text !== undefined && checks.string('filter.text', filter.text, { allowEmpty: true }).trim() !== '') {
    const pattern = likePattern(filter.text.trim())
    const columns = ['r.id', 'r.name', 'r.notes', 'r.preset', 'r.model_id'].map((c) => `${c} LIKE ? ESCAPE '\\'`)
    conditions.push(
      `(${columns.join(' OR ')} OR EXISTS (SELECT 1 FROM run_tags t WHERE t.run_number = r.run_number AND t.tag LIKE ? ESCAPE '\\'))`
    )
    parameters.push(...columns.map(() => pattern), pattern)
  }
  if (filter.status !== undefined) {
    conditions.push('r.status = ?')
    parameters.push(checks.oneOf('filter.status', filter.status, RUN_STATUSES))
  }
  if (filter.preset !== undefined) {
    conditions.push('r.preset = ?')
    parameters.push(checks.string('filter.preset', filter.preset))
  }
  if (filter.tag !== undefined) {
    conditions.push('EXISTS (SELECT 1 FROM run_tags t WHERE t.run_number = r.run_number AND t.tag = ?)')
    parameters.push(checks.string('filter.tag', filter.tag))
  }
  for (const [key, value] of Object.entries(filter.params ?? {})) {
    const param = 'EXISTS (SELECT 1 FROM run_params p WHERE p.run_number = r.run_number AND p.key = ?'
    if (typeof value === 'number') {
      conditions.push(`${param} AND p.value_number = ?)`)
      parameters.push(key, checks.finite(`filter.params[${key}]`, value))
    } else if (typeof value === 'string') {
      conditions.push(`${param} AND p.value_text = ?)`)
      parameters.push(key, value)
    } else if (typeof value === 'boolean') {
      conditions.push(`${param} AND p.value_type = 'boolean' AND p.value_text = ?)`)
      parameters.push(key, String(value))
    } else if (value === null) {
      conditions.push(`${param} AND p.value_type = 'null')`)
      parameters.push(key)
    } else {
      checks.fail(`filter.params[${key}]`, 'a string, number, boolean or null', value)
    }
  }
  return { sql: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, parameters }
}

/** One page of runs matching the filter, and how many match in all. */
export function listRuns(db: SqliteDatabase, checks: InputChecks, query: RunListQuery): RunList {
  const limit = checks.integer('limit', query.limit ?? DEFAULT_PAGE_SIZE, 1)
  if (limit > MAX_PAGE_SIZE) checks.fail('limit', `at most ${MAX_PAGE_SIZE}`, limit)
  const offset = checks.integer('offset', query.offset ?? 0, 0)
  const orderBy = checks.oneOf('orderBy', query.orderBy ?? 'createdAt', RUN_ORDER_COLUMNS)
  const direction = (query.descending ?? true) ? 'DESC' : 'ASC'
  const where = whereClause(query, checks)
  const total = db
    .prepare(`SELECT count(*) FROM runs r ${where.sql}`)
    .pluck()
    .get(...where.parameters) as number
  const column = ORDER_SQL[orderBy]
  // Nulls last in both directions; the run number breaks ties so pages never overlap or skip, and
  // (being the rowid every index ends with) lets the column's index serve the whole ORDER BY.
  const order = `${column.sql} ${direction}${column.nullable ? ' NULLS LAST' : ''}, r.run_number ${direction}`
  const rows = db
    .prepare(`SELECT ${RUN_SUMMARY_COLUMNS} FROM runs r ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...where.parameters, limit, offset) as RunSummaryRow[]
  return { total, runs: rows.map(runSummaryFromRow) }
}
