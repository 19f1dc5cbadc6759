// Picks the transport of the wire API: the Electron preload's object when the page runs in the
// app, otherwise the HTTP bridge of `arc-ttt serve`, authorised by the `?token=` of the page URL.
// Both carry the calls and the engine host's live events (`subscribe`).
import type { ApiClient } from '../../../main/api/contract'
import type { HostEventSource } from '../../../main/api/runs-contract'
import { createHttpClient } from './http-client'

/** What the renderer talks to: every API method, plus the live events of the engine host. */
export type ArcTttClient = ApiClient & HostEventSource

/** True inside the Electron app (the preload exposed its API object). */
export function inElectron(): boolean {
  return window.arcTtt !== undefined
}

export function createApiClient(): ArcTttClient {
  if (window.arcTtt) return window.arcTtt
  return createHttpClient(new URLSearchParams(window.location.search).get('token'))
}
