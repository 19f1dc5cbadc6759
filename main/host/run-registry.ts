// What the workbench shows of the runs executing now: one ActiveRunView per run, updated from the
// host's messages as they arrive. Kept on the API side, so `activeRuns` answers at once even while
// the host process is busy inside a training step.
import type { ActiveRunView, HostEvent } from '../api/runs-contract'

/** A task's loss curve keeps at most this many points (a task's TTT runs a few hundred steps). */
export const MAX_LOSS_POINTS = 10_000

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

export class RunRegistry {
  private readonly runs = new Map<string, Mutable<ActiveRunView> & { currentLoss: [number, number][] }>()

  /** The host announced a run (before its run-started event). */
  announce(runId: string, name: string, startedAt: string): void {
    this.runs.set(runId, { runId, name, total: 0, done: 0, currentTaskId: null, currentIndex: null, phase: null, etaSeconds: null, currentLoss: [], startedAt })
  }

  apply(event: HostEvent): void {
    if (event.kind === 'host-crashed') {
      for (const id of event.interruptedRunIds) this.runs.delete(id)
      return
    }
    const run = this.runs.get(event.runId)
    if (!run) return
    switch (event.kind) {
      case 'run-started':
        run.total = event.total
        run.done = event.alreadyDone
        break
      case 'task-started':
        run.currentTaskId = event.taskId
        run.currentIndex = event.index
        run.phase = null
        run.currentLoss = []
        break
      case 'phase':
        run.currentTaskId = event.taskId
        run.phase = event.phase
        break
      case 'step':
        if (run.currentTaskId !== event.taskId) run.currentLoss = []
        run.currentTaskId = event.taskId
        if (run.currentLoss.length < MAX_LOSS_POINTS) run.currentLoss.push([event.step, event.loss])
        break
      case 'task-finished':
        run.done += 1
        run.etaSeconds = event.etaSeconds
        run.phase = null
        break
      case 'run-finished':
      case 'run-failed':
        this.runs.delete(event.runId)
        break
    }
  }

  /** Snapshots (copies): later events do not change what a caller holds. */
  snapshots(): ActiveRunView[] {
    return [...this.runs.values()].map((run) => ({ ...run, currentLoss: run.currentLoss.map(([step, loss]) => [step, loss] as const) }))
  }

  ids(): string[] {
    return [...this.runs.keys()]
  }

  has(runId: string): boolean {
    return this.runs.has(runId)
  }

  clear(): void {
    this.runs.clear()
  }
}
