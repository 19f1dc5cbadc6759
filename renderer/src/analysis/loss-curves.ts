// Loss curves for the overlay chart: one task's TTT loss per run, or a run's mean over its tasks
// with a min-max band, aligned by optimizer step (the store already groups the points by step).
import type { MetricPoint, MetricStepStatistics, TaskOutcome } from '../../../main/api/runs-contract'

/** [step, value] pairs in step order; a NaN loss (diverged) becomes a gap (null). */
export type CurvePoint = [number, number | null]

export function curveOfPoints(points: readonly MetricPoint[]): CurvePoint[] {
  return [...points].sort((a, b) => a.step - b.step).map((p) => [p.step, Number.isFinite(p.value) ? p.value : null])
}

export interface MeanBand {
  readonly mean: CurvePoint[]
  /** The band's lower edge (min over tasks) and its height (max - min), for a stacked area. */
  readonly lower: CurvePoint[]
  readonly height: CurvePoint[]
  /** The most tasks any step averages over. */
  readonly tasks: number
}

export function meanBand(statistics: readonly MetricStepStatistics[]): MeanBand {
  const sorted = [...statistics].sort((a, b) => a.step - b.step)
  return {
    mean: sorted.map((s) => [s.step, s.mean]),
    lower: sorted.map((s) => [s.step, s.min]),
    height: sorted.map((s) => [s.step, s.min === null || s.max === null ? null : s.max - s.min]),
    tasks: sorted.reduce((most, s) => Math.max(most, s.count), 0)
  }
}

/** Task ids that had test-time training in at least one of the runs, sorted. */
export function tasksWithTraining(outcomes: readonly TaskOutcome[]): string[] {
  return [...new Set(outcomes.filter((o) => o.tttSteps > 0).map((o) => o.taskId))].sort()
}
