// `arc-ttt run`: an experiment (a preset plus overrides) on a selection of tasks, logged to the
// experiment database; `--resume RUN_ID` finishes a run that was interrupted.
import { loadDataset } from '../../engine/arc'
import { ConfigError, parseOverrides, resolveConfig, validateConfig } from '../../engine/experiment/config'
import { PRESETS } from '../../engine/experiment/presets'
import { checkResumable, continueRun, RunSetupError, startRun, type RunRequest } from '../../engine/experiment/runner'
import { ModelFileError } from '../../engine/model/model-files'
import { EXECUTION_PROVIDERS } from '../../engine/runtime/providers'
import { ExperimentLog, StoreError } from '../../engine/store'
import { parseCommandArgs, type Command } from '../command'
import { defaultDatabasePath } from '../default-db'
import { choiceFlag, integerFlag } from '../integer-flag'
import { chooseModel } from '../model-choice'
import { progressPrinter } from '../run-progress'
import { formatRunSummary, summarizeRun } from '../run-summary'
import { selectTasks } from '../task-selection'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

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
    const { values, positionals } = parseCommandArgs(argv, {
      data: { type: 'string' },
      tasks: { type: 'string' },
      'task-list': { type: 'string' },
      preset: { type: 'string' },
      set: { type: 'string', multiple: true },
      model: { type: 'string' },
      db: { type: 'string' },
      name: { type: 'string' },
      tag: { type: 'string', multiple: true },
      seed: { type: 'string' },
      ep: { type: 'string' },
      threads: { type: 'string' },
      limit: { type: 'string' },
      resume: { type: 'string' },
      json: { type: 'boolean' }
    })
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`)
    const provider = choiceFlag('--ep', values.ep, EXECUTION_PROVIDERS, 'cpu')
    const threads = integerFlag('--threads', values.threads, 0, 0)
    const limit = values.limit === undefined ? undefined : integerFlag('--limit', values.limit, 0, 1)
    let log: ExperimentLog | undefined
    const controller = new AbortController()
    const cancel = () => controller.abort()
    process.once('SIGINT', cancel)
    try {
      log = ExperimentLog.open(values.db ?? defaultDatabasePath())
      const { model, notice } = await chooseModel(values.model)
      if (notice) process.stderr.write(`arc-ttt run: ${notice}\n`)
      const common = { model, runtime: { provider, intraOpThreads: threads }, log, onEvent: progressPrinter(), signal: controller.signal }
      let runId: string
      if (values.resume !== undefined) {
        if (values.set || values.preset || values.tasks || values['task-list'] || values.seed) throw new UsageError('--resume continues a run with its own config and tasks: drop --preset, --set, --seed, --tasks and --task-list')
        const run = log.getRun(values.resume)
        const dataset = await loadDataset(values.data ?? run.datasetPath)
        checkResumable(log, values.resume, model, dataset)
        runId = values.resume
        await continueRun(runId, { ...common, dataset, taskIds: log.runTasks(runId), preset: run.preset, config: validateConfig(run.config) } satisfies RunRequest)
      } else {
        if (values.data === undefined) throw new UsageError('run needs --data PATH (or --resume RUN_ID)')
        const overrides: Record<string, unknown> = parseOverrides(values.set ?? [])
        if (values.seed !== undefined) overrides.seed = values.seed
        const preset = values.preset ?? 'ttt'
        const config = resolveConfig(preset, overrides)
        const dataset = await loadDataset(values.data)
        if (dataset.entries.length === 0) throw new RunSetupError(`no task found in ${values.data}${dataset.problems[0] ? `: ${dataset.problems[0].reason}` : ''}`)
        const taskIds = await selectTasks(dataset, { ...(values.tasks !== undefined ? { tasks: values.tasks } : {}), ...(values['task-list'] !== undefined ? { taskList: values['task-list'] } : {}), ...(limit !== undefined ? { limit } : {}) })
        runId = await startRun({ ...common, dataset, taskIds, preset, config, ...(values.name ? { name: values.name } : {}), tags: values.tag ?? [] })
      }
      const summary = summarizeRun(log, runId)
      process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatRunSummary(summary)}\n`)
      return summary.status === 'completed' ? EXIT_OK : EXIT_FAILURE
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message)
      if (error instanceof StoreError || error instanceof ModelFileError || error instanceof RunSetupError) {
        process.stderr.write(`arc-ttt run: ${error.message}\n`)
        return EXIT_FAILURE
      }
      throw error
    } finally {
      process.off('SIGINT', cancel)
      log?.close()
    }
  }
}
