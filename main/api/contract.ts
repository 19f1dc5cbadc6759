// The one wire API between the renderer and the engine, used by both the Electron preload (IPC)
// and the browser-mode bridge (HTTP). Payloads are plain JSON. This file is imported by the
// renderer too, so it holds types and the method names only: no Node imports.
import type { Task, ValidationProblem } from '../engine/arc/types'
import type { RunApiMethods } from './runs-contract'

export interface DatasetRef {
  /** Absolute path (folder or file) the dataset is loaded from. */
  readonly path: string
  readonly label: string
  readonly kind: 'samples' | 'folder'
}

export interface TaskListItem {
  readonly id: string
  readonly file: string
  readonly valid: boolean
  readonly problems: readonly ValidationProblem[]
  /** Present for valid tasks. */
  readonly demonstrations?: number
  readonly testInputs?: number
  readonly testOutputs?: number
  readonly largestGrid?: { readonly height: number; readonly width: number }
  /** The longest side of any grid of the task. */
  readonly maxSide?: number
  readonly tokens?: number
}

export interface DatasetView {
  readonly ref: DatasetRef
  readonly fingerprint: string
  readonly tasks: readonly TaskListItem[]
  /** Problems that belong to no task (unreadable folder, orphan solutions file). */
  readonly problems: readonly ValidationProblem[]
}

export interface TaskDetail {
  readonly item: TaskListItem
  /** Present when the task is valid. */
  readonly task?: Task
}

export interface AppInfo {
  readonly version: string
  readonly mode: 'electron' | 'browser'
  /** True where a native folder picker exists (Electron); the browser mode types a path instead. */
  readonly canPickFolder: boolean
  /** The dataset the workbench was started on (`arc-ttt serve --data DIR`); the views open it first. */
  readonly startDataset?: string
}

/** Every API method: its argument type and its result type. */
export interface ApiMethods extends RunApiMethods {
  appInfo: { args: Record<string, never>; result: AppInfo }
  listDatasets: { args: Record<string, never>; result: { samples: DatasetRef; recent: DatasetRef[] } }
  openDataset: { args: { path: string }; result: DatasetView }
  getTask: { args: { path: string; taskId: string }; result: TaskDetail }
  pickFolder: { args: Record<string, never>; result: { path: string | null } }
}

export type ApiMethod = keyof ApiMethods
export type ApiArgs<M extends ApiMethod> = ApiMethods[M]['args']
export type ApiResultValue<M extends ApiMethod> = ApiMethods[M]['result']

/** Errors cross the wire as values: a code the UI can branch on and a message a user can act on. */
export type ApiErrorCode = 'bad-request' | 'not-found' | 'unsupported' | 'unauthorized' | 'internal'
export interface ApiError {
  readonly code: ApiErrorCode
  readonly message: string
}
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError }

/** The typed client both transports implement for the renderer. */
export type ApiClient = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResult<ApiResultValue<M>>> }

// ---- the method names ------------------------------------------------------------------------
// Runtime validators of every method's arguments live on the Node side (main/api/validators.ts):
// some check values against the experiment config schema, which this renderer-safe file cannot import.

/** Every method name once; the mapped type makes a missing or misspelled method a type error. */
const METHOD_NAMES: { readonly [M in ApiMethod]: true } = {
  appInfo: true,
  listDatasets: true,
  openDataset: true,
  getTask: true,
  pickFolder: true,
  runOptions: true,
  startRun: true,
  cancelRun: true,
  resumeRun: true,
  activeRuns: true,
  listRuns: true,
  getRun: true,
  updateRun: true,
  deleteRun: true,
  exportRun: true,
  compareRuns: true,
  runTaskResults: true,
  lossCurves: true,
  taskAcrossRuns: true,
  tttPreview: true
}

export const API_METHODS = Object.keys(METHOD_NAMES) as ApiMethod[]

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && Object.hasOwn(METHOD_NAMES, value)
}
