// The bridge's live event stream, GET /api/events: the same guards as the API calls (token, Host,
// Origin), the server-sent event format, and unsubscribing when the page goes away.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request, type IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../main/api/handlers'
import type { HostEvent, HostEventSource } from '../../main/api/runs-contract'
import { startBridge, type Bridge } from '../../main/server/bridge'

/** A HostEventSource the test drives by hand, counting its subscribers. */
function fakeSource(): HostEventSource & { emit(event: HostEvent): void; readonly count: number } {
  const listeners = new Set<(event: HostEvent) => void>()
  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    emit: (event) => listeners.forEach((l) => l(event)),
    get count() {
      return listeners.size
    }
  }
}

let temp: string
let bridge: Bridge
let bare: Bridge
const source = fakeSource()

function open(port: number, headers: Record<string, string>, method = 'GET'): Promise<IncomingMessage> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method, path: '/api/events', headers }, done)
    req.on('error', fail)
    req.end()
  })
}

async function bodyOf(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of response) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'arc-ttt-events-'))
  await writeFile(join(temp, 'index.html'), '<!doctype html>')
  const handlers = createHandlers({ version: '1', mode: 'browser', samplesPath: temp, recentFile: join(temp, 'recent.json'), databasePath: join(temp, 'log.sqlite') })
  bridge = await startBridge({ port: 0, staticDir: temp, handlers, events: source })
  bare = await startBridge({ port: 0, staticDir: temp, handlers })
})

afterAll(async () => {
  await bridge?.close()
  await bare?.close()
  await rm(temp, { recursive: true, force: true })
})

describe('GET /api/events', () => {
  it('is refused without the token, with a wrong one, from a foreign page or host, and for POST', async () => {
    const missing = await open(bridge.port, {})
    expect(missing.statusCode).toBe(401)
    expect(JSON.parse(await bodyOf(missing))).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringContaining('missing token') } })
    const wrong = await open(bridge.port, { Authorization: `Bearer ${'0'.repeat(64)}` })
    expect(wrong.statusCode).toBe(401)
    await bodyOf(wrong)
    const auth = { Authorization: `Bearer ${bridge.token}` }
    const foreignOrigin = await open(bridge.port, { ...auth, Origin: 'http://evil.example' })
    expect(foreignOrigin.statusCode).toBe(403)
    await bodyOf(foreignOrigin)
    const foreignHost = await open(bridge.port, { ...auth, Host: `attacker.example:${bridge.port}` })
    expect(foreignHost.statusCode).toBe(403)
    await bodyOf(foreignHost)
    const post = await open(bridge.port, auth, 'POST')
    expect(post.statusCode).toBe(405)
    await bodyOf(post)
    expect(source.count).toBe(0)
  })

  it('streams each host event as one server-sent event, and unsubscribes when the page goes away', async () => {
    const response = await open(bridge.port, { Authorization: `Bearer ${bridge.token}`, Origin: `http://127.0.0.1:${bridge.port}` })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-store')
    let text = ''
    const received = new Promise<void>((done) => {
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8')
        if (text.includes('run-finished')) done()
      })
    })
    await new Promise((done) => setTimeout(done, 50))
    expect(source.count).toBe(1)
    source.emit({ kind: 'run-started', runId: 'r1', total: 2, alreadyDone: 0 })
    source.emit({ kind: 'host-crashed', message: 'gone', interruptedRunIds: ['r1'] })
    source.emit({ kind: 'run-finished', runId: 'r1', status: 'completed' })
    await received
    expect(text).toBe(
      ': connected\n\n' +
        'data: {"kind":"run-started","runId":"r1","total":2,"alreadyDone":0}\n\n' +
        'data: {"kind":"host-crashed","message":"gone","interruptedRunIds":["r1"]}\n\n' +
        'data: {"kind":"run-finished","runId":"r1","status":"completed"}\n\n'
    )
    response.destroy()
    await new Promise((done) => setTimeout(done, 100))
    expect(source.count).toBe(0)
  })

  it('answers 404 where the bridge has no engine host', async () => {
    const response = await open(bare.port, { Authorization: `Bearer ${bare.token}` })
    expect(response.statusCode).toBe(404)
    expect(JSON.parse(await bodyOf(response))).toMatchObject({ error: { code: 'not-found', message: expect.stringContaining('no engine host') } })
  })
})
