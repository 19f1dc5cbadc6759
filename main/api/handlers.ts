// The engine side of the wire API: one function per method of `ApiMethods`, over the plain-Node
// engine. Both transports (Electron IPC in main/app, the HTTP bridge in main/server) call these
// through `dispatch`, so they behave identically.
import { basename, dirname, join, resolve } from 'node:path'
import { loadDataset, summarizeTask, type Dataset, type TaskEntry } from '../engine/arc'
import type { ApiArgs, ApiMethod, ApiMethods, ApiResultValue, DatasetRef, DatasetView, TaskListItem } from './contract'
import { ApiFailure } from './api-failure'
import { readRecentDatasets, rememberDataset } from '../services/recent-datasets'
import { createRunHandlers, type RunHandlerOptions } from './run-handlers'

export { ApiFailure } from './api-failure'

export interface HandlerOptions extends RunHandlerOptions {
  readonly version: string
  readonly mode: 'electron' | 'browser'
  /** Folder of the bundled sample tasks. */
  readonly samplesPath: string
  /** JSON file that keeps the recent-folders list. */
  readonly recentFile: string
  /** A native folder picker (Electron only). */
  readonly pickFolder?: () => Promise<string | null>
  /** The dataset the views open first instead of the samples (`arc-ttt serve --data DIR`). */
  readonly startDataset?: string
}

export type Handlers = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResultValue<M>> }

function toListItem(entry: TaskEntry): TaskListItem {
  const base = { id: entry.id, file: entry.file, valid: entry.task !== undefined, problems: entry.problems }
  if (!entry.task) return base
  const { demonstrations, testInputs, testOutputs, largestGrid, maxSide, tokens } = summarizeTask(entry.task)
  return { ...base, demonstrations, testInputs, testOutputs, largestGrid, maxSide, tokens }
}

export function createHandlers(options: HandlerOptions): Handlers {
  const samplesPath = resolve(options.samplesPath)
  const samplesRef: DatasetRef = { path: samplesPath, label: 'Bundled sample tasks', kind: 'samples' }
  const refFor = (path: string): DatasetRef => (path === samplesPath ? samplesRef : { path, label: basename(path) || path, kind: 'folder' })
  /** Datasets stay loaded while the app runs; opening one again reloads it from disk. */
  const loaded = new Map<string, Dataset>()

  const open = async (rawPath: string): Promise<Dataset> => {
    const path = resolve(rawPath)
    const dataset = await loadDataset(path)
    const unreadable = dataset.entries.length === 0 && dataset.problems.some((p) => p.file === path)
    if (unreadable) throw new ApiFailure('not-found', dataset.problems[0]!.reason.replace(/^cannot open: /, ''))
    loaded.set(path, dataset)
    if (path !== samplesPath) await rememberDataset(options.recentFile, path)
    return dataset
  }

  const handlers: { [M in ApiMethod]: (args: ApiMethods[M]['args']) => Promise<ApiMethods[M]['result']> } = {
    appInfo: async () => ({
      version: options.version,
      mode: options.mode,
      canPickFolder: options.pickFolder !== undefined,
      ...(options.startDataset === undefined ? {} : { startDataset: resolve(options.startDataset) })
    }),
    listDatasets: async () => ({
      samples: samplesRef,
      recent: (await readRecentDatasets(options.recentFile)).filter((p) => p !== samplesPath).map(refFor)
    }),
    openDataset: async ({ path }): Promise<DatasetView> => {
      const dataset = await open(path)
      const tasks = dataset.entries.map(toListItem)
      return { ref: refFor(dataset.path), fingerprint: dataset.fingerprint, tasks, problems: dataset.problems }
    },
    getTask: async ({ path, taskId }) => {
      const dataset = loaded.get(resolve(path)) ?? (await open(path))
      const entry = dataset.entries.find((e) => e.id === taskId)
      if (!entry) throw new ApiFailure('not-found', `task "${taskId}" is not in ${dataset.path}`)
      return entry.task ? { item: toListItem(entry), task: entry.task } : { item: toListItem(entry) }
    },
    pickFolder: async () => {
      if (!options.pickFolder) throw new ApiFailure('unsupported', 'no folder picker in browser mode: type the folder path instead')
      return { path: await options.pickFolder() }
    },
    ...createRunHandlers(options, {
      // resources/models beside resources/sample-tasks, unless the caller names the folder.
      defaultModelsDir: join(dirname(samplesPath), 'models'),
      datasets: {
        get: async (path) => loaded.get(resolve(path)) ?? (await open(path)),
        recent: async () => [samplesPath, ...(await readRecentDatasets(options.recentFile))]
      }
    })
  }
  return handlers
}
