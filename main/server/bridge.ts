// The browser-mode bridge: a local HTTP server that serves the built renderer, answers the wire
// API (`POST /api/call`) through the same `dispatch` as Electron's IPC, and streams the engine
// host's live events (`GET /api/events`). Bound to loopback by default; every API request needs
// the per-start token, a loopback Host and no foreign Origin.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import type { ApiResult } from '../api/contract'
import { dispatch } from '../api/dispatch'
import type { Handlers } from '../api/handlers'
import type { HostEventSource } from '../api/runs-contract'
import { EVENTS_PATH, streamEvents } from './event-stream'
import { allowedHostHeaders, checkHost, checkOrigin, checkToken, readJsonBody, type Refusal } from './request-guards'
import { serveStatic } from './static-files'

export interface BridgeOptions {
  /** Address to listen on; loopback unless the caller decided otherwise. */
  readonly host?: string
  /** 0 picks a free port. */
  readonly port?: number
  /** Folder of the built renderer (out/renderer). */
  readonly staticDir: string
  readonly handlers: Handlers
  /** The engine host's live events; without it, /api/events answers 404. */
  readonly events?: HostEventSource
}

export interface Bridge {
  /** The page address without the token, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string
  /** 32 random bytes in hex, new on every start. */
  readonly token: string
  readonly port: number
  close(): Promise<void>
}

export const API_CALL_PATH = '/api/call'

function sendJson(response: ServerResponse, status: number, body: ApiResult<unknown>): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  response.end(text)
}

function refuse(response: ServerResponse, refusal: Refusal): void {
  // The rest of a refused request's body is not read; closing the connection drops it.
  response.setHeader('Connection', 'close')
  sendJson(response, refusal.status, { ok: false, error: { code: refusal.code, message: refusal.message } })
}

function answerEvents(request: IncomingMessage, response: ServerResponse, token: string, events: HostEventSource | undefined): void {
  if (request.method !== 'GET') {
    response.setHeader('Allow', 'GET')
    return refuse(response, { status: 405, code: 'bad-request', message: `${request.method ?? '?'} is not allowed on ${EVENTS_PATH}: use GET` })
  }
  const unauthorized = checkToken(request, token)
  if (unauthorized) return refuse(response, unauthorized)
  if (!events) return refuse(response, { status: 404, code: 'not-found', message: 'this bridge has no engine host, so there are no live events' })
  streamEvents(request, response, events)
}

async function answerApi(request: IncomingMessage, response: ServerResponse, path: string, token: string, options: BridgeOptions): Promise<void> {
  if (path === EVENTS_PATH) return answerEvents(request, response, token, options.events)
  if (path !== API_CALL_PATH) {
    refuse(response, { status: 404, code: 'not-found', message: `no API endpoint ${path}: use POST ${API_CALL_PATH} or GET ${EVENTS_PATH}` })
    return
  }
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST')
    refuse(response, { status: 405, code: 'bad-request', message: `${request.method ?? '?'} is not allowed on ${path}: use POST` })
    return
  }
  const unauthorized = checkToken(request, token)
  if (unauthorized) return refuse(response, unauthorized)
  const body = await readJsonBody(request)
  if (!('value' in body)) return refuse(response, body)
  const call = body.value
  if (typeof call !== 'object' || call === null || Array.isArray(call)) {
    return refuse(response, { status: 400, code: 'bad-request', message: 'request body must be {"method": string, "args": object}' })
  }
  const { method, args } = call as { method?: unknown; args?: unknown }
  sendJson(response, 200, await dispatch(options.handlers, method, args ?? {}))
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const host = options.host ?? '127.0.0.1'
  const staticDir = resolve(options.staticDir)
  const token = randomBytes(32).toString('hex')
  let allowedHosts: string[] = []

  const server = createServer((request, response) => {
    const handle = async (): Promise<void> => {
      const path = new URL(request.url ?? '/', 'http://bridge.invalid').pathname
      const refusal = checkHost(request, allowedHosts) ?? checkOrigin(request, allowedHosts)
      if (refusal) return refuse(response, refusal)
      if (path === '/api' || path.startsWith('/api/')) return answerApi(request, response, path, token, options)
      return serveStatic(request, response, staticDir, path)
    }
    handle().catch((error: unknown) => {
      if (response.headersSent) return void response.destroy()
      refuse(response, { status: 500, code: 'internal', message: `bridge error: ${error instanceof Error ? error.message : String(error)}` })
    })
  })

  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail)
      done()
    })
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = allowedHostHeaders(host, port)
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host

  return {
    url: `http://${urlHost}:${port}/`,
    token,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      })
  }
}
