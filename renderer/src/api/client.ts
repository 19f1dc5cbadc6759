// Picks the transport of the wire API: the Electron preload's object when the page runs in the
// app, otherwise the HTTP bridge of `arc-ttt serve`, authorised by the `?token=` of the page URL.
import type { ApiClient } from '../../../main/api/contract'
import { createHttpClient } from './http-client'

/** True inside the Electron app (the preload exposed its API object). */
export function inElectron(): boolean {
  return window.arcTtt !== undefined
}

export function createApiClient(): ApiClient {
  if (window.arcTtt) return window.arcTtt
  return createHttpClient(new URLSearchParams(window.location.search).get('token'))
}
