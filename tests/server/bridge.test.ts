// The browser-mode bridge over a temporary dataset and a fake renderer build: the token, Host and
// Origin checks, typed API errors, body limits and static files that never leave their folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandlers } from '../../main/api/handlers'
import { startBridge, type Bridge } from '../../main/server/bridge'
import { MAX_BODY_BYTES } from '../../main/server/request-guards'

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request with full control of the headers (fetch would not let us forge Host). */
function rawRequest(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', fail)
    req.end(options.body)
  })
}

const SECRET = 'secret-outside-the-static-folder'
let temp: string
let dataDir: string
let bridge: Bridge

function call(method: string, args: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(bridge.port, {
    method: 'POST',
    path: '/api/call',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}`, ...headers },
    body: JSON.stringify({ method, args })
  })
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'arc-ttt-bridge-'))
  dataDir = join(temp, 'tasks')
  const staticDir = join(temp, 'renderer')
  await mkdir(dataDir)
  await mkdir(join(staticDir, 'assets'), { recursive: true })
  await writeFile(join(dataDir, 'a.json'), JSON.stringify({ train: [{ input: [[1, 2]], output: [[2, 1]] }], test: [{ input: [[3, 4]], output: [[4, 3]] }] }))
  await writeFile(join(dataDir, 'b.json'), JSON.stringify({ train: [{ input: [[0]], output: [[5]] }], test: [{ input: [[0]] }] }))
  await writeFile(join(dataDir, 'broken.json'), '{"train": [')
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>test page</title>')
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(staticDir, '.hidden'), SECRET)
  await writeFile(join(temp, 'secret.txt'), SECRET)
  const handlers = createHandlers({ version: '9.9.9', mode: 'browser', samplesPath: dataDir, recentFile: join(temp, 'recent.json') })
  bridge = await startBridge({ port: 0, staticDir, handlers })
})

afterAll(async () => {
  await bridge?.close()
  await rm(temp, { recursive: true, force: true })
})

describe('bridge: the API', () => {
  it('listens on loopback with a fresh 64-hex-digit token', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/`)
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/)
  })

  it('answers calls that carry the token', async () => {
    const info = await call('appInfo', {})
    expect(info.status).toBe(200)
    expect(JSON.parse(info.body)).toEqual({ ok: true, value: { version: '9.9.9', mode: 'browser', canPickFolder: false } })
    const opened = JSON.parse((await call('openDataset', { path: dataDir })).body)
    expect(opened.ok).toBe(true)
    expect(opened.value.tasks.map((t: { id: string; valid: boolean }) => [t.id, t.valid])).toEqual([
      ['a', true],
      ['b', true],
      ['broken', false]
    ])
    const task = JSON.parse((await call('getTask', { path: dataDir, taskId: 'a' })).body)
    expect(task.value.task.train[0]).toEqual({ input: [[1, 2]], output: [[2, 1]] })
  })

  it('refuses a missing, wrong or malformed token with 401', async () => {
    const wrongSameLength = bridge.token.replace(/^./, (c) => (c === '0' ? '1' : '0'))
    for (const authorization of [undefined, `Bearer ${wrongSameLength}`, 'Bearer abc', `Basic ${bridge.token}`, bridge.token]) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' }
      if (authorization !== undefined) headers.Authorization = authorization
      const response = await rawRequest(bridge.port, { method: 'POST', path: '/api/call', headers, body: '{"method":"appInfo","args":{}}' })
      expect(response.status, String(authorization)).toBe(401)
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    }
  })

  it('refuses a foreign Host header with 403 (DNS rebinding), on the API and the static files', async () => {
    for (const host of ['evil.example', `evil.example:${bridge.port}`, `127.0.0.1:${bridge.port + 1}`]) {
      expect((await call('appInfo', {}, { Host: host })).status, host).toBe(403)
      expect((await rawRequest(bridge.port, { path: '/', headers: { Host: host } })).status, host).toBe(403)
    }
    for (const host of [`localhost:${bridge.port}`, `[::1]:${bridge.port}`, `127.0.0.1:${bridge.port}`]) {
      expect((await call('appInfo', {}, { Host: host })).status, host).toBe(200)
    }
  })

  it('refuses a foreign Origin with 403 and accepts its own', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${bridge.port + 1}`, `https://127.0.0.1:${bridge.port}`, 'null']) {
      const response = await call('appInfo', {}, { Origin: origin })
      expect(response.status, origin).toBe(403)
      expect(JSON.parse(response.body).error.code).toBe('unauthorized')
    }
    expect((await call('appInfo', {}, { Origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200)
  })

  it('returns typed bad-request errors for an unknown method and bad arguments', async () => {
    expect(JSON.parse((await call('deleteEverything', {})).body)).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'unknown API method "deleteEverything"' }
    })
    const badArgs = JSON.parse((await call('getTask', { path: dataDir })).body)
    expect(badArgs).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(badArgs.error.message).toContain('taskId')
    const extra = JSON.parse((await call('appInfo', { evil: true })).body)
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad-request', message: 'appInfo: unknown argument(s): evil' } })
    const missing = JSON.parse((await call('getTask', { path: dataDir, taskId: 'nope' })).body)
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('refuses bad JSON (400), non-POST (405) and unknown endpoints (404)', async () => {
    const auth = { Authorization: `Bearer ${bridge.token}` }
    const badJson = await rawRequest(bridge.port, { method: 'POST', path: '/api/call', headers: auth, body: '{"method": ' })
    expect(badJson.status).toBe(400)
    expect(JSON.parse(badJson.body).error.code).toBe('bad-request')
    const notObject = await rawRequest(bridge.port, { method: 'POST', path: '/api/call', headers: auth, body: '[1]' })
    expect(notObject.status).toBe(400)
    const get = await rawRequest(bridge.port, { method: 'GET', path: '/api/call', headers: auth })
    expect(get.status).toBe(405)
    expect(get.headers.allow).toBe('POST')
    expect((await rawRequest(bridge.port, { method: 'POST', path: '/api/other', headers: auth, body: '{}' })).status).toBe(404)
  })

  it('refuses a body over 1 MB with 413, declared or streamed', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)
    const declared = await rawRequest(bridge.port, {
      method: 'POST',
      path: '/api/call',
      headers: { Authorization: `Bearer ${bridge.token}`, 'Content-Length': String(big.length) },
      body: big
    })
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body).error.code).toBe('bad-request')
    const streamed = await rawRequest(bridge.port, {
      method: 'POST',
      path: '/api/call',
      headers: { Authorization: `Bearer ${bridge.token}`, 'Transfer-Encoding': 'chunked' },
      body: big
    })
    expect(streamed.status).toBe(413)
  })
})

describe('bridge: static files', () => {
  it('serves index.html for / and assets with their content type and security headers', async () => {
    const page = await rawRequest(bridge.port, { path: '/' })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.body).toContain('test page')
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    const withToken = await rawRequest(bridge.port, { path: `/?token=${bridge.token}&data=%2Ftmp` })
    expect(withToken.status).toBe(200)
    const script = await rawRequest(bridge.port, { path: '/assets/app.js' })
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect((await rawRequest(bridge.port, { path: '/missing.js' })).status).toBe(404)
    expect((await rawRequest(bridge.port, { method: 'POST', path: '/', body: '' })).status).toBe(405)
  })

  it('never serves a file outside the static folder, nor hidden files', async () => {
    const attempts = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/%2fetc%2fpasswd',
      '//etc/passwd',
      `/${encodeURIComponent(join(temp, 'secret.txt'))}`,
      '/.hidden',
      '/index.html%00.js',
      '/%E0%A4%A'
    ]
    for (const path of attempts) {
      const response = await rawRequest(bridge.port, { path })
      expect(response.status, path).toBeGreaterThanOrEqual(400)
      expect(response.body, path).not.toContain(SECRET)
      expect(response.body, path).not.toContain('root:')
    }
  })
})

describe('bridge: lifecycle', () => {
  it('makes a new token on every start and stops listening on close', async () => {
    const handlers = createHandlers({ version: '1', mode: 'browser', samplesPath: dataDir, recentFile: join(temp, 'recent2.json') })
    const other = await startBridge({ port: 0, staticDir: join(temp, 'renderer'), handlers })
    expect(other.token).not.toBe(bridge.token)
    expect(other.port).not.toBe(bridge.port)
    await other.close()
    await expect(rawRequest(other.port, { path: '/' })).rejects.toThrow(/ECONNREFUSED/)
  })
})
