// The browser-mode transport: every call is `POST /api/call` to the bridge that served this page
// (main/server/bridge.ts), with the page's token as a bearer token. Transport failures become
// typed error values, like every other API error. Live events come over `GET /api/events`
// (event-stream.ts).
import type { ApiArgs, ApiClient, ApiMethod, ApiResult, ApiResultValue } from '../../../main/api/contract'
import { API_METHODS } from '../../../main/api/contract'
import type { HostEventSource } from '../../../main/api/runs-contract'
import { createEventStream, type EventStreamOptions } from './event-stream'

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  return value.ok === true ? 'value' in value : 'error' in value
}

export function createHttpClient(
  token: string | null,
  fetchImpl: typeof fetch = fetch.bind(globalThis),
  streamOptions: Omit<EventStreamOptions, 'fetchImpl'> = {}
): ApiClient & HostEventSource {
  const call = async <M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<ApiResultValue<M>>> => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (token) headers.Authorization = `Bearer ${token}`
    let response: Response
    try {
      response = await fetchImpl('/api/call', { method: 'POST', headers, body: JSON.stringify({ method, args }) })
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return { ok: false, error: { code: 'internal', message: `cannot reach the arc-ttt server (is \`arc-ttt serve\` still running?): ${reason}` } }
    }
    const body: unknown = await response.json().catch(() => undefined)
    if (isApiResult(body)) return body as ApiResult<ApiResultValue<M>>
    return { ok: false, error: { code: 'internal', message: `unexpected answer from the server (HTTP ${response.status}) to ${method}` } }
  }
  const methods = Object.fromEntries(API_METHODS.map((method) => [method, (args: ApiArgs<typeof method>) => call(method, args)])) as ApiClient
  const events = createEventStream(token, { ...streamOptions, fetchImpl })
  return { ...methods, subscribe: (listener) => events.subscribe(listener) }
}
