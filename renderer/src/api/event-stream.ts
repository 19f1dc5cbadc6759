// Live engine-host events in browser mode: one `GET /api/events` server-sent event stream, read with
// fetch + ReadableStream because EventSource cannot send the Authorization header. The stream is
// opened for the first listener, shared by all, reconnected after a drop (with back-off), and
// closed when the last listener leaves. A refusal (wrong or missing token) stops the retries.
import type { HostEvent, HostEventSource } from '../../../main/api/runs-contract'

export const EVENTS_PATH = '/api/events'

export interface EventStreamOptions {
  readonly fetchImpl?: typeof fetch
  /** Delays before reconnecting, in ms: the first after a drop, doubled up to the maximum. */
  readonly retryMs?: number
  readonly maxRetryMs?: number
  /** Called when the server refuses the stream (401/403), with its message. */
  readonly onRefused?: (message: string) => void
}

/** Splits server-sent-event text into the `data` of each complete event; returns the rest. */
export function parseServerSentEvents(buffer: string): { events: string[]; rest: string } {
  const events: string[] = []
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n')
  const rest = blocks.pop() ?? ''
  for (const block of blocks) {
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
    if (data.length > 0) events.push(data.join('\n'))
  }
  return { events, rest }
}

export function createEventStream(token: string | null, options: EventStreamOptions = {}): HostEventSource {
  const fetchImpl = options.fetchImpl ?? fetch.bind(globalThis)
  const firstRetry = options.retryMs ?? 1000
  const maxRetry = options.maxRetryMs ?? 15_000
  const listeners = new Set<(event: HostEvent) => void>()
  let controller: AbortController | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let retry = firstRetry

  const deliver = (data: string): void => {
    let event: HostEvent
    try {
      event = JSON.parse(data) as HostEvent
    } catch {
      return
    }
    for (const listener of [...listeners]) listener(event)
  }

  const scheduleReconnect = (): void => {
    if (listeners.size === 0 || retryTimer !== null) return
    retryTimer = setTimeout(() => {
      retryTimer = null
      void connect()
    }, retry)
    retry = Math.min(retry * 2, maxRetry)
  }

  const connect = async (): Promise<void> => {
    if (listeners.size === 0 || controller !== null) return
    const current = new AbortController()
    controller = current
    const headers: Record<string, string> = { Accept: 'text/event-stream' }
    if (token) headers.Authorization = `Bearer ${token}`
    try {
      const response = await fetchImpl(EVENTS_PATH, { headers, signal: current.signal })
      if (response.status === 401 || response.status === 403) {
        const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined
        controller = null
        options.onRefused?.(body?.error?.message ?? `the server refused the event stream (HTTP ${response.status})`)
        return
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`)
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        retry = firstRetry
        const parsed = parseServerSentEvents(buffer + value)
        buffer = parsed.rest
        parsed.events.forEach(deliver)
      }
    } catch {
      // A dropped connection or an unreachable server: retried below unless we closed it.
    }
    if (controller === current) {
      controller = null
      if (!current.signal.aborted) scheduleReconnect()
    }
  }

  const disconnect = (): void => {
    controller?.abort()
    controller = null
    if (retryTimer !== null) clearTimeout(retryTimer)
    retryTimer = null
    retry = firstRetry
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      if (listeners.size === 1) void connect()
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) disconnect()
      }
    }
  }
}
