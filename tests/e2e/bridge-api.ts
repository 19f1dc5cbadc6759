// The wire API from Node, through the same `POST /api/call` the page uses: the end-to-end tests
// check what the page shows against what the engine recorded, and the screenshot script picks its
// runs with it. Typed by the one contract (main/api/contract.ts).
import type { ApiArgs, ApiMethod, ApiResult, ApiResultValue } from '../../main/api/contract'

export interface BridgeApi {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResultValue<M>>
}

/** A client for the bridge behind `pageUrl` (the URL `arc-ttt serve` prints, with its `?token=`). */
export function bridgeApi(pageUrl: string): BridgeApi {
  const url = new URL(pageUrl)
  const token = url.searchParams.get('token')
  if (!token) throw new Error(`the page URL has no ?token=: ${pageUrl}`)
  const endpoint = new URL('/api/call', url.origin)
  return {
    async call(method, args) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ method, args })
      })
      const result = (await response.json()) as ApiResult<never>
      if (!result.ok) throw new Error(`API ${method} failed (HTTP ${response.status}): ${result.error.code}: ${result.error.message}`)
      return result.value
    }
  }
}
