// Seconds per task of each run, for the time distribution chart. Skipped tasks are left out: they
// stop before training, so their near-zero times would only hide the spread of the real ones.
import type { TaskOutcome } from '../../../main/api/runs-contract'
import { boxStatistics, type BoxStatistics } from '../../../main/engine/analysis/quantile'

export interface RunTimes {
  readonly runId: string
  readonly seconds: readonly number[]
  readonly box: BoxStatistics | null
}

export function taskTimesByRun(runIds: readonly string[], outcomes: readonly TaskOutcome[]): RunTimes[] {
  return runIds.map((runId) => {
    const seconds = outcomes.filter((o) => o.runId === runId && o.status === 'done').map((o) => o.totalSeconds)
    return { runId, seconds, box: boxStatistics(seconds) }
  })
}
