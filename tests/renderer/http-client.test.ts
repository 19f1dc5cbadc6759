// The browser-mode transport against a fake fetch: what it sends, and how it turns answers and
// transport failures into typed results.
import { describe, expect, it } from 'vitest'
import { createHttpClient } from '../../renderer/src/api/http-client'

type Sent = { url: string; init: RequestInit }

function fakeFetch(answer: () => Promise<Response>): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = []
  const fetchImpl = (async (url: string, init: RequestInit) => {
    sent.push({ url, init })
    return answer()
  }) as unknown as typeof fetch
  return { fetch: fetchImpl, sent }
}

describe('http client', () => {
  it('POSTs {method, args} to /api/call with the bearer token and returns the result', async () => {
    const { fetch, sent } = fakeFetch(async () => Response.json({ ok: true, value: { path: null } }))
    const client = createHttpClient('abc123', fetch)
    expect(await client.pickFolder({})).toEqual({ ok: true, value: { path: null } })
    expect(sent).toHaveLength(1)
    expect(sent[0]!.url).toBe('/api/call')
    expect(sent[0]!.init.method).toBe('POST')
    expect(sent[0]!.init.headers).toMatchObject({ Authorization: 'Bearer abc123', 'Content-Type': 'application/json' })
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual({ method: 'pickFolder', args: {} })
  })

  it('sends no Authorization header without a token, and passes the refusal through', async () => {
    const refusal = { ok: false, error: { code: 'unauthorized', message: 'missing token' } }
    const { fetch, sent } = fakeFetch(async () => Response.json(refusal, { status: 401 }))
    const result = await createHttpClient(null, fetch).appInfo({})
    expect(result).toEqual(refusal)
    expect(sent[0]!.init.headers).not.toHaveProperty('Authorization')
  })

  it('turns a network failure or a non-API answer into an internal error value', async () => {
    const down = await createHttpClient('t', fakeFetch(async () => Promise.reject(new TypeError('fetch failed'))).fetch).appInfo({})
    expect(down).toMatchObject({ ok: false, error: { code: 'internal' } })
    if (!down.ok) expect(down.error.message).toContain('arc-ttt serve')
    const html = await createHttpClient('t', fakeFetch(async () => new Response('<html>', { status: 502 })).fetch).appInfo({})
    expect(html).toMatchObject({ ok: false, error: { code: 'internal', message: 'unexpected answer from the server (HTTP 502) to appInfo' } })
  })
})
