// The one message protocol between the API side (`arc-ttt serve` or the desktop app's API host) and
// the engine host process, over child_process.fork's IPC channel. Requests go in with an id; each
// gets exactly one reply with that id. Events and run announcements flow out as they happen. Every
// message is plain JSON.
import type { ApiFailureCode } from '../api/api-failure'
import type { HostEvent, ProviderView, StartRunArgs } from '../api/runs-contract'

/** The environment variable that carries the HostConfig (JSON) to the host process. */
export const HOST_CONFIG_VARIABLE = 'ARC_TTT_HOST_CONFIG'

/** How the host is set up: passed in HOST_CONFIG_VARIABLE. */
export interface HostConfig {
  /** The experiment log the host writes runs to. */
  readonly databasePath: string
  /** Folder of the bundled models; a run without a model uses its `arc-base`. */
  readonly modelsDir: string
  /** onnxruntime intra-op threads per session; 0 lets it choose. */
  readonly threads: number
}

export type HostRequest =
  | { readonly kind: 'start'; readonly id: number; readonly args: StartRunArgs }
  | {
      readonly kind: 'resume'
      readonly id: number
      readonly runId: string
      readonly provider?: string
      /** The model folder the run started with, when the API side knows it ('' = initial weights). */
      readonly modelDir?: string
    }
  | { readonly kind: 'cancel'; readonly id: number; readonly runId: string }
  | { readonly kind: 'providers'; readonly id: number }
  /** Stop every run (marked interrupted, resumable), then exit. */
  | { readonly kind: 'shutdown'; readonly id: number; readonly reason: string }

export type ReplyErrorCode = ApiFailureCode | 'internal'

export interface ReplyValues {
  start: { runId: string }
  resume: { runId: string }
  cancel: { cancelled: boolean }
  providers: { providers: readonly ProviderView[] }
  shutdown: { interruptedRunIds: readonly string[] }
}

export type HostMessage =
  /** The host is set up and takes requests. */
  | { readonly kind: 'ready'; readonly pid: number }
  /** The host could not set up (e.g. the log cannot be opened) and exits. */
  | { readonly kind: 'fatal'; readonly message: string }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: false; readonly code: ReplyErrorCode; readonly message: string }
  /** Sent just before a run's `run-started` event: what the event does not say. */
  | { readonly kind: 'run-info'; readonly runId: string; readonly name: string; readonly startedAt: string }
  | { readonly kind: 'event'; readonly event: HostEvent }

export function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false
  const kind = (value as { kind?: unknown }).kind
  return kind === 'ready' || kind === 'fatal' || kind === 'reply' || kind === 'run-info' || kind === 'event'
}

export function isHostRequest(value: unknown): value is HostRequest {
  if (typeof value !== 'object' || value === null) return false
  const { kind, id } = value as { kind?: unknown; id?: unknown }
  return typeof id === 'number' && (kind === 'start' || kind === 'resume' || kind === 'cancel' || kind === 'providers' || kind === 'shutdown')
}

/** The host's config from its command line; throws naming what is wrong. */
export function parseHostConfig(argument: string | undefined): HostConfig {
  if (argument === undefined) throw new Error(`the engine host needs its config (JSON) in ${HOST_CONFIG_VARIABLE}`)
  const value = JSON.parse(argument) as Partial<HostConfig>
  if (typeof value.databasePath !== 'string' || value.databasePath === '') throw new Error('host config: "databasePath" must be a non-empty string')
  if (typeof value.modelsDir !== 'string') throw new Error('host config: "modelsDir" must be a string')
  if (typeof value.threads !== 'number' || !Number.isInteger(value.threads) || value.threads < 0) throw new Error('host config: "threads" must be an integer >= 0')
  return { databasePath: value.databasePath, modelsDir: value.modelsDir, threads: value.threads }
}
