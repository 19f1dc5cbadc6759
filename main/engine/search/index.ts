// The program search: for each test input, a lockstep search over compositions of DSL transforms
// that reproduce every demonstration (see docs in the files below). The API other code uses.
import type { Task } from '../arc/types'
import type { SearchOptions, SearchOutcome } from './options'
import { SearchPool } from './pool'
import { solveTestInput } from './solve'

export { DEFAULT_SEARCH_OPTIONS, type SearchCandidate, type SearchOptions, type SearchOutcome, type SearchStats } from './options'
export { SearchPool } from './pool'
export { solveTestInput } from './solve'

function cancelledOutcome(testIndex: number): SearchOutcome {
  return { testIndex, attempts: [], candidates: [], stats: { states: 0, seconds: 0, phases: {}, stoppedBy: 'cancelled', depthReached: 0 } }
}

/**
 * Every test input of `task`, in parallel worker threads (one per test input, at most `workers`); on
 * this thread, one after another, when `workers` <= 1, when the task has one test input, or when no
 * worker script is available. Cancelled test inputs come back empty with `stoppedBy: 'cancelled'`.
 */
export async function solveTask(task: Task, options: SearchOptions & { readonly workers?: number }): Promise<SearchOutcome[]> {
  const { workers = 1, ...searchOptions } = options
  const threads = Math.min(workers, task.test.length)
  const pool = threads > 1 ? SearchPool.start(threads) : null
  if (!pool) {
    const outcomes: SearchOutcome[] = []
    for (let i = 0; i < task.test.length; i++) {
      outcomes.push(options.signal?.aborted ? cancelledOutcome(i) : solveTestInput(task, i, searchOptions))
      // Let the caller's event loop run (and an abort arrive) between test inputs.
      await new Promise((resolve) => setImmediate(resolve))
    }
    return outcomes
  }
  try {
    return await Promise.all(
      task.test.map((_, i) =>
        pool.solve(task, i, searchOptions).catch((error: unknown) => {
          if (options.signal?.aborted) return cancelledOutcome(i)
          throw error
        })
      )
    )
  } finally {
    await pool.close()
  }
}
