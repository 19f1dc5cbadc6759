// Accuracy of each compared run in both conventions with bootstrap intervals over its scored tasks,
// and the paired McNemar test of each run against the baseline (the first run) on the tasks both
// scored. Computed from the per-task outcomes, so interval and test see exactly the matrix's tasks.
import type { TaskOutcome } from '../store/types'
import { deriveSeed } from '../random'
import { bootstrapMeanInterval, type BootstrapOptions, type MeanInterval } from './bootstrap'
import { pairedMcNemar, type McNemarResult } from './mcnemar'

export interface RunAccuracy {
  readonly runId: string
  /** Tasks with a score: the denominator of both accuracies. */
  readonly scored: number
  /** Tasks with all-or-nothing 1. */
  readonly solved: number
  readonly official: MeanInterval | null
  readonly allOrNothing: MeanInterval | null
  /** Against the baseline; null for the baseline itself. */
  readonly versusBaseline: McNemarResult | null
}

/** Per task: solved (all-or-nothing 1), not solved, or null when the run has no score for it. */
function solvedByTask(outcomes: readonly TaskOutcome[], runId: string): Map<string, boolean | null> {
  const solved = new Map<string, boolean | null>()
  for (const o of outcomes) if (o.runId === runId) solved.set(o.taskId, o.allOrNothing === null ? null : o.allOrNothing === 1)
  return solved
}

/**
 * One row per run, in the order given (the first is the baseline). Each run's resampling stream is
 * seeded from `seed`, its id and the convention, so a run's interval does not depend on which runs
 * it is compared with.
 */
export function compareAccuracy(
  runIds: readonly string[],
  outcomes: readonly TaskOutcome[],
  options: BootstrapOptions = {}
): RunAccuracy[] {
  const seed = options.seed ?? 0
  const baselineSolved = runIds[0] === undefined ? new Map<string, boolean | null>() : solvedByTask(outcomes, runIds[0])
  return runIds.map((runId, index) => {
    const scored = outcomes.filter((o) => o.runId === runId && o.officialScore !== null && o.allOrNothing !== null)
    const official = scored.map((o) => o.officialScore!)
    const allOrNothing = scored.map((o) => o.allOrNothing!)
    return {
      runId,
      scored: scored.length,
      solved: allOrNothing.filter((v) => v === 1).length,
      official: bootstrapMeanInterval(official, { ...options, seed: deriveSeed(seed, runId, 'official') }),
      allOrNothing: bootstrapMeanInterval(allOrNothing, { ...options, seed: deriveSeed(seed, runId, 'all-or-nothing') }),
      versusBaseline: index === 0 ? null : pairedMcNemar(baselineSolved, solvedByTask(outcomes, runId))
    }
  })
}
