// `GET /api/events`: the engine host's live events as a server-sent event stream, one JSON HostEvent
// per `data:` line. The page reads it with fetch (EventSource cannot send the Authorization
// header), so the token is checked like every API call. A comment line every 15 s keeps proxies
// and idle timeouts from closing a quiet stream.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HostEventSource } from '../api/runs-contract'

export const EVENTS_PATH = '/api/events'
export const HEARTBEAT_MS = 15_000

/** Streams every event to the response until the client goes away. */
export function streamEvents(request: IncomingMessage, response: ServerResponse, source: HostEventSource): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
    // Proxies (nginx) would otherwise buffer the stream.
    'X-Accel-Buffering': 'no'
  })
  response.write(': connected\n\n')
  const unsubscribe = source.subscribe((event) => {
    response.write(`data: ${JSON.stringify(event)}\n\n`)
  })
  const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS)
  const stop = (): void => {
    clearInterval(heartbeat)
    unsubscribe()
  }
  request.once('close', stop)
  response.once('close', stop)
}
