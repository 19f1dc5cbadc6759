// The renderer's reader of GET /api/events (renderer/src/api/event-stream.ts) against a fake fetch:
// parsing of server-sent events split across chunks, one shared stream for all listeners,
// reconnecting after a drop, no retries after a refusal, and closing when the last listener leaves.
import { describe, expect, it } from 'vitest'
import type { HostEvent } from '../../main/api/runs-contract'
import { createEventStream, parseServerSentEvents } from '../../renderer/src/api/event-stream'

const started: HostEvent = { kind: 'run-started', runId: 'r1', total: 3, alreadyDone: 0 }
const finished: HostEvent = { kind: 'run-finished', runId: 'r1', status: 'completed' }

/** A response whose body yields the given text chunks, then ends (or stays open). */
function streamed(chunks: readonly string[], stayOpen = false, signal?: AbortSignal): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk))
      if (!stayOpen) controller.close()
      signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')))
    }
  })
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } })
}

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((done) => setTimeout(done, 5))
  expect(condition()).toBe(true)
}

describe('server-sent event parsing', () => {
  it('returns complete events and keeps the unfinished rest', () => {
    expect(parseServerSentEvents(': connected\n\ndata: {"a":1}\n\ndata: {"b"')).toEqual({ events: ['{"a":1}'], rest: 'data: {"b"' })
    expect(parseServerSentEvents('data: x\r\n\r\n: ping\n\n')).toEqual({ events: ['x'], rest: '' })
  })
})

describe('event stream', () => {
  it('shares one connection, sends the token, and reconnects after the server drops it', async () => {
    const calls: RequestInit[] = []
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      calls.push(init)
      // First connection: one event split over two chunks, then the server goes away.
      if (calls.length === 1) return streamed([`: connected\n\ndata: ${JSON.stringify(started).slice(0, 10)}`, `${JSON.stringify(started).slice(10)}\n\n`])
      return streamed([`data: ${JSON.stringify(finished)}\n\n`], true, init.signal ?? undefined)
    }) as unknown as typeof fetch
    const stream = createEventStream('tok', { fetchImpl, retryMs: 10 })
    const first: HostEvent[] = []
    const second: HostEvent[] = []
    const stopFirst = stream.subscribe((e) => first.push(e))
    const stopSecond = stream.subscribe((e) => second.push(e))
    await until(() => first.length === 2)
    expect(first).toEqual([started, finished])
    expect(second).toEqual([started, finished])
    expect(calls).toHaveLength(2)
    expect(calls[0]!.headers).toMatchObject({ Authorization: 'Bearer tok', Accept: 'text/event-stream' })
    stopFirst()
    stopSecond()
    await until(() => calls[1]!.signal?.aborted === true)
  })

  it('stops retrying when the server refuses the token, and says why', async () => {
    let calls = 0
    const fetchImpl = (async () => {
      calls++
      return Response.json({ ok: false, error: { code: 'unauthorized', message: 'wrong token' } }, { status: 401 })
    }) as unknown as typeof fetch
    const refusals: string[] = []
    const stop = createEventStream('bad', { fetchImpl, retryMs: 5, onRefused: (m) => refusals.push(m) }).subscribe(() => undefined)
    await until(() => refusals.length === 1)
    await new Promise((done) => setTimeout(done, 50))
    expect(refusals).toEqual(['wrong token'])
    expect(calls).toBe(1)
    stop()
  })
})
