// What both host clients (the engine host's, the API host's) share as event sources: their subscribers, and passing
// each event on to all of them.
import type { HostEvent } from '../api/runs-contract'

export abstract class HostEventPublisher {
  private readonly listeners = new Set<(event: HostEvent) => void>()

  /** Adds `listener`; the function returned removes it. */
  subscribe(listener: (event: HostEvent) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  protected emit(event: HostEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event)
      } catch {
        // One broken subscriber (a closed window or stream) must not keep the event from the others.
      }
    }
  }
}
