// The message protocol between the Electron main process and the desktop app's API host: a plain
// Node child process (main/host/api-host-main.ts) that owns the experiment log, answers every wire
// API call and starts the engine host. The Electron side only relays, so no native module (built
// for Node's ABI, not Electron's) is ever loaded by an Electron process. Every message is plain JSON.
// This file holds types and guards only: the Electron main process imports it.
import type { ApiResult } from '../api/contract'
import type { HostEvent } from '../api/runs-contract'

/** The environment variable that carries the ApiHostConfig (JSON) to the API host. */
export const API_HOST_CONFIG_VARIABLE = 'ARC_TTT_API_HOST_CONFIG'

/** What the Electron side knows and the API host needs (Electron's paths, the app version). */
export interface ApiHostConfig {
  readonly version: string
  /** Folder of the bundled sample tasks (resources/sample-tasks). */
  readonly samplesPath: string
  /** Folder of the bundled models (resources/models). */
  readonly modelsDir: string
  /** JSON file that keeps the recent-folders list (in Electron's userData folder). */
  readonly recentFile: string
  /** The experiment log; null: the default log (ARC_TTT_DB or the user's data folder). */
  readonly databasePath: string | null
}

/** Electron main -> API host. */
export type ApiHostRequest =
  | { readonly kind: 'call'; readonly id: number; readonly method: unknown; readonly args: unknown }
  /** The answer to a `pick-folder` question: the chosen folder, or null when cancelled. */
  | { readonly kind: 'picked'; readonly id: number; readonly path: string | null }
  /** Stop the runs (marked interrupted, resumable) and the engine host, then exit. */
  | { readonly kind: 'shutdown' }

/** API host -> Electron main. */
export type ApiHostMessage =
  | { readonly kind: 'ready'; readonly pid: number; readonly databasePath: string }
  | { readonly kind: 'fatal'; readonly message: string }
  | { readonly kind: 'result'; readonly id: number; readonly result: ApiResult<unknown> }
  /** The page asked for a folder: only Electron can show the native dialog. */
  | { readonly kind: 'pick-folder'; readonly id: number }
  | { readonly kind: 'event'; readonly event: HostEvent }

const MESSAGE_KINDS: ReadonlySet<unknown> = new Set(['ready', 'fatal', 'result', 'pick-folder', 'event'])
const REQUEST_KINDS: ReadonlySet<unknown> = new Set(['call', 'picked', 'shutdown'])

export function isApiHostMessage(value: unknown): value is ApiHostMessage {
  return typeof value === 'object' && value !== null && MESSAGE_KINDS.has((value as { kind?: unknown }).kind)
}

export function isApiHostRequest(value: unknown): value is ApiHostRequest {
  if (typeof value !== 'object' || value === null) return false
  const { kind, id } = value as { kind?: unknown; id?: unknown }
  return REQUEST_KINDS.has(kind) && (kind === 'shutdown' || typeof id === 'number')
}

/** The API host's config from its environment; throws naming the field that is wrong. */
export function parseApiHostConfig(text: string | undefined): ApiHostConfig {
  if (text === undefined) throw new Error(`the API host needs its config (JSON) in ${API_HOST_CONFIG_VARIABLE}`)
  const value = JSON.parse(text) as Partial<Record<keyof ApiHostConfig, unknown>>
  for (const key of ['version', 'samplesPath', 'modelsDir', 'recentFile'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '') throw new Error(`API host config: "${key}" must be a non-empty string`)
  }
  if (value.databasePath !== null && (typeof value.databasePath !== 'string' || value.databasePath === '')) {
    throw new Error('API host config: "databasePath" must be a non-empty string or null')
  }
  return value as ApiHostConfig
}
