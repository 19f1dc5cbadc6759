// The one wire API between the renderer and the engine, used by both the Electron preload (IPC)
// and the browser-mode bridge (HTTP). Payloads are plain JSON. This file is imported by the
// renderer too, so it holds types and pure validators only: no Node imports.
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

// ---- runtime validation of incoming arguments -------------------------------------------------

type ArgsValidator<M extends ApiMethod> = (raw: unknown) => ApiArgs<M> | string

const MAX_PATH_LENGTH = 4096

function objectWith(raw: unknown, keys: readonly string[]): Record<string, unknown> | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'arguments must be an object'
  const extra = Object.keys(raw).filter((k) => !keys.includes(k))
  if (extra.length > 0) return `unknown argument(s): ${extra.join(', ')}`
  return raw as Record<string, unknown>
}

function nonEmptyString(obj: Record<string, unknown>, key: string, maxLength: number): string | undefined {
  const value = obj[key]
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength ? value : undefined
}

type NoArgs = Record<string, never>
const noArgs = (raw: unknown): NoArgs | string => {
  const obj = objectWith(raw ?? {}, [])
  return typeof obj === 'string' ? obj : {}
}

export const argsValidators: { [M in ApiMethod]: ArgsValidator<M> } = {
  appInfo: noArgs,
  listDatasets: noArgs,
  pickFolder: noArgs,
  openDataset: (raw) => {
    const obj = objectWith(raw, ['path'])
    if (typeof obj === 'string') return obj
    const path = nonEmptyString(obj, 'path', MAX_PATH_LENGTH)
    return path === undefined ? `"path" must be a non-empty string of at most ${MAX_PATH_LENGTH} characters` : { path }
  },
  getTask: (raw) => {
    const obj = objectWith(raw, ['path', 'taskId'])
    if (typeof obj === 'string') return obj
    const path = nonEmptyString(obj, 'path', MAX_PATH_LENGTH)
    const taskId = nonEmptyString(obj, 'taskId', 256)
    if (path === undefined) return `"path" must be a non-empty string of at most ${MAX_PATH_LENGTH} characters`
    if (taskId === undefined) return '"taskId" must be a non-empty string of at most 256 characters'
    return { path, taskId }
  }
}

export const API_METHODS = Object.keys(argsValidators) as ApiMethod[]

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && (API_METHODS as string[]).includes(value)
}
