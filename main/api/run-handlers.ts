// The run methods of the wire API (RunApiMethods): launching, cancelling and resuming runs through
// the engine host (main/host, a separate process), and reading the experiment log for the runs
// table, comparisons and task views. Reads never recompute: they come from the log's summaries.
import { join } from 'node:path'
import { datasetTruth } from '../engine/analysis/near-misses'
import type { Dataset } from '../engine/arc'
import { DEFAULT_MODEL_CONFIG } from '../engine/model/config'
import { DEFAULT_MODEL_NAME, readModelConfig } from '../engine/model/model-choice'
import { ApiFailure } from './api-failure'
import { defaultDatabasePath } from '../services/default-db'
import { LogAccess } from './log-access'
import { formatCsv, submissionText } from '../engine/scoring/run-export'
import type { RunHost } from './run-host'
import { runOptions } from './run-options'
import { TTT_LOSS_KEY, TTT_PHASE, compareLevels, compareNearMisses, compareView, taskAcrossRuns, tttPreview } from './run-views'
import type { RunApiMethods } from './runs-contract'

export interface RunHandlerOptions {
  /** The experiment log; default: the same file as the CLI's (see default-db.ts). */
  readonly databasePath?: string
  /** Folder of the bundled models (each a sub-folder with config.json and model.safetensors). */
  readonly modelsDir?: string
  /** The engine host that executes runs; without it, starting runs is unsupported. */
  readonly host?: RunHost
}

export interface RunHandlerContext {
  /** Where the bundled models are when the options name no folder. */
  readonly defaultModelsDir: string
  readonly datasets: {
    /** A loaded dataset (cached while the app runs). */
    get(path: string): Promise<Dataset>
    /** Dataset paths the user opened, the bundled samples first. */
    recent(): Promise<string[]>
  }
}

export type RunHandlers = { [M in keyof RunApiMethods]: (args: RunApiMethods[M]['args']) => Promise<RunApiMethods[M]['result']> }

const EXPORT_FILES = {
  submission: { suffix: 'submission.json', mimeType: 'application/json' },
  csv: { suffix: 'tasks.csv', mimeType: 'text/csv' }
} as const

export function createRunHandlers(options: RunHandlerOptions, context: RunHandlerContext): RunHandlers {
  const logs = new LogAccess(options.databasePath ?? defaultDatabasePath())
  const modelsDir = options.modelsDir ?? context.defaultModelsDir
  const host = (): RunHost => {
    const noHost = 'this workbench runs no engine host, so it cannot start runs; start it with `arc-ttt serve` or the desktop app'
    if (!options.host) throw new ApiFailure('unsupported', noHost)
    return options.host
  }
  const isActive = (runId: string): boolean => options.host?.activeRuns().some((r) => r.runId === runId) ?? false

  return {
    runOptions: () => runOptions({ modelsDir, ...(options.host ? { host: options.host } : {}), datasetPaths: context.datasets.recent }),
    startRun: (args) => host().startRun(args),
    cancelRun: ({ runId }) => host().cancelRun(runId),
    resumeRun: async ({ runId, provider }) => {
      const run = logs.use((log) => log.getRun(runId))
      if (isActive(runId)) throw new ApiFailure('bad-request', `run ${runId} is running now`)
      if (run.status === 'completed') {
        throw new ApiFailure('bad-request', `run ${runId} is already completed: there is nothing left to resume`)
      }
      if (run.status === 'running') {
        throw new ApiFailure(
          'bad-request',
          `run ${runId} is marked running but this workbench is not executing it: another process (\`arc-ttt run\`) may be; ` +
            `if that process died, finish the run with \`arc-ttt run --resume ${runId}\``
        )
      }
      return host().resumeRun(runId, provider)
    },
    activeRuns: async () => ({ runs: options.host?.activeRuns() ?? [] }),
    listRuns: async (query) => logs.use((log) => log.listRuns(query)),
    getRun: async ({ runId }) => logs.use((log) => log.getRun(runId)),
    updateRun: async ({ runId, ...changes }) =>
      logs.use((log) => {
        log.updateRun(runId, changes)
        return log.getRun(runId)
      }),
    deleteRun: async ({ runId }) => {
      if (isActive(runId)) throw new ApiFailure('bad-request', `run ${runId} is running now: cancel it first, then delete it`)
      logs.use((log) => {
        // 'running' without this workbench executing it: `arc-ttt run` may be writing it right now.
        if (log.getRun(runId).status === 'running') {
          throw new ApiFailure(
            'bad-request',
            `run ${runId} is marked running but this workbench is not executing it: \`arc-ttt run\` may be, in another process. ` +
              `Stop that process first; if it is already gone, finish the run with \`arc-ttt run --resume ${runId}\`, then delete it`
          )
        }
        log.deleteRun(runId)
      })
      return { deleted: true }
    },
    exportRun: async ({ runId, format }) =>
      logs.use((log) => {
        log.getRun(runId)
        const results = { taskSelection: log.runTasks(runId), taskResults: log.taskResults(runId) }
        const content = format === 'submission' ? submissionText(results).text : formatCsv(results)
        const file = EXPORT_FILES[format]
        return { filename: `${runId}-${file.suffix}`, mimeType: file.mimeType, content }
      }),
    compareRuns: async ({ runIds }) => {
      const { view, datasetPaths, runDatasetPaths } = logs.use((log) => compareView(log, runIds))
      // A dataset that is gone or unreadable leaves its runs without near misses, not the comparison without data.
      const truthOf = async (path: string) => [path, await context.datasets.get(path).then(datasetTruth, () => null)] as const
      const truths = new Map(await Promise.all(datasetPaths.map(truthOf)))
      const nearMisses = logs.use((log) => compareNearMisses(log, runIds, runDatasetPaths, truths))
      return { ...view, levels: await compareLevels(datasetPaths), nearMisses }
    },
    runTaskResults: async ({ runId }) => logs.use((log) => ({ results: log.taskResults(runId) })),
    lossCurves: async ({ runId, taskId }) =>
      logs.use((log) => ({
        points: log.metricSeries(runId, TTT_LOSS_KEY, taskId === undefined ? { phase: TTT_PHASE } : { taskId, phase: TTT_PHASE }),
        mean: log.metricStepStatistics(runId, TTT_LOSS_KEY, { phase: TTT_PHASE })
      })),
    taskAcrossRuns: async ({ datasetPath, taskId, runIds }) => {
      const dataset = await context.datasets.get(datasetPath)
      return logs.use((log) => taskAcrossRuns(log, dataset, taskId, runIds))
    },
    tttPreview: async ({ datasetPath, taskId, preset, count }) => {
      const dataset = await context.datasets.get(datasetPath)
      const model = (await readModelConfig(join(modelsDir, DEFAULT_MODEL_NAME))) ?? DEFAULT_MODEL_CONFIG
      return tttPreview(dataset, taskId, preset, count, model)
    }
  }
}
