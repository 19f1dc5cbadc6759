// The checks every bridge request passes before it reaches a handler: the Host header (against DNS
// rebinding), the Origin header (against cross-site pages), the bearer token, and a bounded body.
// Each check returns a refusal value or undefined; none throws.
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { ApiErrorCode } from '../api/contract'

export interface Refusal {
  readonly status: number
  readonly code: ApiErrorCode
  readonly message: string
}

export const MAX_BODY_BYTES = 1024 * 1024

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

/** The Host header values the server answers to: the loopback names, plus the bound address itself. */
export function allowedHostHeaders(boundHost: string, port: number): string[] {
  const bound = boundHost.includes(':') ? `[${boundHost}]` : boundHost
  const wildcard = boundHost === '0.0.0.0' || boundHost === '::'
  const names = wildcard || LOOPBACK_NAMES.includes(bound) ? LOOPBACK_NAMES : [...LOOPBACK_NAMES, bound]
  return names.map((name) => `${name}:${port}`)
}

export function checkHost(request: IncomingMessage, allowedHosts: readonly string[]): Refusal | undefined {
  const host = (request.headers.host ?? '').toLowerCase()
  if (allowedHosts.includes(host)) return undefined
  return { status: 403, code: 'unauthorized', message: `refused Host header ${JSON.stringify(host)}: use one of ${allowedHosts.join(', ')}` }
}

/** Browsers send Origin on cross-origin requests; a present Origin must be the server's own. */
export function checkOrigin(request: IncomingMessage, allowedHosts: readonly string[]): Refusal | undefined {
  const origin = request.headers.origin
  if (origin === undefined || allowedHosts.some((host) => origin.toLowerCase() === `http://${host}`)) return undefined
  return { status: 403, code: 'unauthorized', message: `refused cross-origin request from ${JSON.stringify(origin)}` }
}

export function checkToken(request: IncomingMessage, token: string): Refusal | undefined {
  const header = request.headers.authorization ?? ''
  const match = /^Bearer ([0-9a-f]+)$/i.exec(header)
  const expected = Buffer.from(token, 'utf8')
  const given = Buffer.from(match?.[1] ?? '', 'utf8')
  // timingSafeEqual needs equal lengths; the length of a wrong token says nothing about the right one.
  if (given.length === expected.length && timingSafeEqual(given, expected)) return undefined
  const message = header === '' ? 'missing token: send "Authorization: Bearer <token>"' : 'wrong token'
  return { status: 401, code: 'unauthorized', message: `${message} (open the URL printed by arc-ttt serve)` }
}

/** Reads the request body as JSON, refusing more than `MAX_BODY_BYTES` before buffering it all. */
export async function readJsonBody(request: IncomingMessage): Promise<{ value: unknown } | Refusal> {
  const tooLarge: Refusal = { status: 413, code: 'bad-request', message: `request body is larger than ${MAX_BODY_BYTES} bytes` }
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) return tooLarge
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return tooLarge
    chunks.push(chunk)
  }
  try {
    return { value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown }
  } catch (error) {
    return { status: 400, code: 'bad-request', message: `request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
}
