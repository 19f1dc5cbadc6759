// `arc-ttt run`: an experiment (a preset plus overrides) on a selection of tasks, logged to the
// experiment database; `--resume RUN_ID` finishes a run that was interrupted. The run is prepared
// by the engine's run setup (the same as for runs started from the UI), so a bad flag, an unknown
// task id or a provider this machine lacks is one line on stderr and nothing is logged.
import { parseOverrides } from '../../engine/experiment/config'
import { ConfigError } from '../../engine/experiment/config-values'
import { PRESETS } from '../../engine/experiment/presets'
import { probeProvider } from '../../engine/experiment/provider-check'
import { continueRun, RunSetupError, startRun, type RunRequest } from '../../engine/experiment/runner'
import { prepareResume, prepareRun, type PreparedRun, type RunSetupContext } from '../../engine/experiment/run-setup'
import type { TaskSelection } from '../../engine/experiment/task-selection'
import { ModelFileError } from '../../engine/model/model-files'
import { EXECUTION_PROVIDERS } from '../../engine/runtime/providers'
import { ExperimentLog, RUN_BUSY_TIMEOUT_MS, StoreError } from '../../engine/store'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { CommandFailure } from '../command-failure'
import { defaultDatabasePath } from '../../services/default-db'
import { choiceFlag, integerFlag } from '../integer-flag'
import { BUNDLED_MODELS_DIR } from '../project-paths'
import { progressPrinter } from '../run-progress'
import { formatRunSummary, summarizeRun } from '../run-summary'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

const SETUP: RunSetupContext = { modelsDir: BUNDLED_MODELS_DIR, probeProvider }

/** --tasks ID,ID or --task-list FILE (one id per line, or a CSV whose first column is the id), else every task. */
function selectionFromFlags(tasks: string | undefined, taskList: string | undefined): TaskSelection {
  if (tasks !== undefined && taskList !== undefined) throw new UsageError('give --tasks or --task-list, not both')
  if (taskList !== undefined) return { kind: 'list', path: taskList }
  if (tasks === undefined) return { kind: 'all' }
  const ids = tasks.split(',').map((id) => id.trim()).filter(Boolean)
  if (ids.length === 0) throw new UsageError('--tasks needs at least one task id')
  return { kind: 'ids', ids }
}

const RUN_OPTIONS = flagTable(
  'data', 'tasks', 'task-list', 'preset', 'set[]', 'model', 'db', 'name', 'tag[]', 'seed', 'ep', 'threads', 'limit', 'resume', 'json?'
)

type RunValues = ReturnType<typeof parseCommandArgs<typeof RUN_OPTIONS>>['values']

/** The flags checked: what a new run or a resume asks for. */
interface RunFlags {
  readonly values: RunValues
  readonly provider: string | undefined
  readonly threads: number
  readonly limit: number | undefined
  readonly resumeId: string | undefined
}

function readFlags(values: RunValues): RunFlags {
  const provider = values.ep === undefined ? undefined : choiceFlag('--ep', values.ep, EXECUTION_PROVIDERS, 'cpu')
  const threads = integerFlag('--threads', values.threads, 0, 0)
  const limit = values.limit === undefined ? undefined : integerFlag('--limit', values.limit, 0, 1)
  const resumeId = values.resume
  const runFlags = values.set || values.preset || values.tasks || values['task-list'] || values.seed || limit !== undefined
  if (resumeId !== undefined && runFlags) {
    const drop = '--preset, --set, --seed, --tasks, --task-list and --limit'
    throw new UsageError(`--resume continues a run with its own config and tasks: drop ${drop}`)
  }
  if (resumeId === undefined && values.data === undefined) throw new UsageError('run needs --data PATH (or --resume RUN_ID)')
  return { values, provider, threads, limit, resumeId }
}

/** Where a run writes and reports: the log, the progress printer, Ctrl-C. */
type RunPlace = Pick<RunRequest, 'log' | 'onEvent' | 'signal'>

/** The fields of a RunRequest that say what runs and where, from a prepared run. */
function runRequest(prepared: PreparedRun, threads: number, place: RunPlace): RunRequest {
  const { dataset, taskIds, preset, config, model, provider } = prepared
  return { dataset, taskIds, preset, config, model, runtime: { provider, intraOpThreads: threads }, ...place }
}

async function newRun(flags: RunFlags, place: RunPlace): Promise<string> {
  const { values, limit, provider } = flags
  const overrides: Record<string, unknown> = parseOverrides(values.set ?? [])
  if (values.seed !== undefined) overrides.seed = values.seed
  const plan = {
    datasetPath: values.data!,
    selection: selectionFromFlags(values.tasks, values['task-list']),
    ...(limit !== undefined ? { limit } : {}),
    preset: values.preset ?? 'ttt',
    overrides,
    ...(values.model !== undefined ? { modelDir: values.model } : {}),
    provider: provider ?? 'cpu'
  }
  const prepared = await prepareRun(plan, SETUP)
  if (prepared.notice) process.stderr.write(`arc-ttt run: ${prepared.notice}\n`)
  return startRun({ ...runRequest(prepared, flags.threads, place), ...(values.name ? { name: values.name } : {}), tags: values.tag ?? [] })
}

async function resumeRun(flags: RunFlags, runId: string, place: RunPlace): Promise<string> {
  const { values, provider } = flags
  const plan = {
    runId,
    ...(provider ? { provider } : {}),
    ...(values.data ? { datasetPath: values.data } : {}),
    ...(values.model ? { modelDir: values.model } : {})
  }
  const prepared = await prepareResume(place.log, plan, SETUP)
  await continueRun(runId, runRequest(prepared, flags.threads, place))
  return runId
}

export const runCommand: Command = {
  name: 'run',
  summary: 'run an experiment (TTT, ablations) on a set of tasks and log it',
  usage: `arc-ttt run --data PATH [--tasks ID,ID | --task-list FILE] [--preset NAME] [--set key=value]...
            [--model DIR] [--db FILE] [--name NAME] [--tag TAG]... [--seed N] [--ep cpu|webgpu|cuda]
            [--threads N] [--limit N] [--resume RUN_ID] [--json]

  --data PATH        tasks to run on (a folder, a task file or a Kaggle challenges file)
  --tasks, --task-list  which tasks (default: all); a task list is one id per line or a CSV
                     whose first column is the id, like dev80-task-levels.csv
  --preset NAME      ${Object.keys(PRESETS).join(', ')} (default ttt)
  --set key=value    override a config key (see docs/experiments.md for every key)
  --model DIR        model folder (default: the bundled model)
  --db FILE          experiment log (default ${defaultDatabasePath()})
  --resume RUN_ID    finish an interrupted run: finished tasks are kept, the rest run with the
                     run's own config; --data defaults to the run's dataset
  --json             print the summary as JSON on stdout

Progress goes to stderr; Ctrl-C cancels between steps and the run can be resumed.`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, RUN_OPTIONS)
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`)
    const flags = readFlags(values)
    const controller = new AbortController()
    const cancel = () => controller.abort()
    process.once('SIGINT', cancel)
    let log: ExperimentLog | undefined
    try {
      log = ExperimentLog.open(values.db ?? defaultDatabasePath(), { busyTimeoutMs: RUN_BUSY_TIMEOUT_MS })
      const where = { log, onEvent: progressPrinter(), signal: controller.signal }
      const runId = flags.resumeId !== undefined ? await resumeRun(flags, flags.resumeId, where) : await newRun(flags, where)
      const summary = summarizeRun(log, runId)
      process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatRunSummary(summary)}\n`)
      return summary.status === 'completed' ? EXIT_OK : EXIT_FAILURE
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message)
      const userCanFix = error instanceof StoreError || error instanceof ModelFileError || error instanceof RunSetupError
      throw userCanFix ? new CommandFailure(error.message) : error
    } finally {
      process.off('SIGINT', cancel)
      log?.close()
    }
  }
}
