// The engine host's live events (run progress, crashes), provided once at mount (main.ts) from the
// API client: over IPC in Electron, over the server-sent event stream in browser mode.
import { inject, onMounted, onUnmounted, type App, type InjectionKey } from 'vue'
import type { HostEvent, HostEventSource } from '../../../main/api/runs-contract'

const HOST_EVENTS: InjectionKey<HostEventSource> = Symbol('arc-ttt host events')

export function provideHostEvents(app: App, source: HostEventSource): void {
  app.provide(HOST_EVENTS, source)
}

export function useHostEvents(): HostEventSource {
  const source = inject(HOST_EVENTS)
  if (!source) throw new Error('useHostEvents() needs provideHostEvents(app, source) at mount (see main.ts)')
  return source
}

/** Calls `listener` for every host event while the component is mounted. */
export function onHostEvent(source: HostEventSource, listener: (event: HostEvent) => void): void {
  let stop: (() => void) | null = null
  onMounted(() => (stop = source.subscribe(listener)))
  onUnmounted(() => stop?.())
}
