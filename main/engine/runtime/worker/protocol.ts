// Messages between the engine's caller thread and the runtime worker thread. Plain data only
// (typed arrays are structured-cloned), so the same protocol can serve a child process later.
import type { HostTensor } from '../host-tensor'
import type { RuntimeOptions } from '../session'

export type WorkerRequest =
  | { readonly id: number; readonly kind: 'create'; readonly key: string; readonly model: Uint8Array; readonly options: RuntimeOptions }
  | { readonly id: number; readonly kind: 'run'; readonly key: string; readonly feeds: Record<string, HostTensor>; readonly outputs?: readonly string[] }
  | { readonly id: number; readonly kind: 'release'; readonly key: string }

export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string }
