// The limits of one search and the reason it stopped. Depth and the state/cell caps are the primary
// limits: they stop the search at the same point on every machine, so the same config gives the same
// candidates. The time limit is a safety net: where it stops a search first, the stop point (and so
// the candidates) can depend on the machine's speed and load.

export type StopReason = 'done' | 'time' | 'states' | 'cancelled'

export interface Budget {
  /** Most states the graph keeps (e.g. 200000). */
  readonly maxStates: number
  /** Most image cells the graph keeps over all its states (one byte each; e.g. 120e6 for ~120 MB). */
  readonly maxCells: number
  /** performance.now() after which the search stops (ms). */
  readonly deadline: number
  readonly signal?: AbortSignal
}

/** How often, in transforms applied to a node, the clock and the abort signal are read (a read is ~50 ns). */
const CHECK_EVERY = 8

export class BudgetWatch {
  private ticks = 0
  stoppedBy: StopReason = 'done'

  constructor(readonly budget: Budget) {}

  /** True once any limit is hit; the reason stays in `stoppedBy`. Cheap: reads the clock 1 in 8 calls. */
  exhausted(states: number, cells: number): boolean {
    if (this.stoppedBy !== 'done') return true
    if (states >= this.budget.maxStates || cells >= this.budget.maxCells) this.stoppedBy = 'states'
    else if (++this.ticks % CHECK_EVERY === 0) {
      if (this.budget.signal?.aborted) this.stoppedBy = 'cancelled'
      else if (performance.now() >= this.budget.deadline) this.stoppedBy = 'time'
    }
    return this.stoppedBy !== 'done'
  }
}
