// A task's score from its test outputs, in both conventions: official (the fraction of test outputs
// solved) and all-or-nothing (1 only when every test output is solved); null without ground truth.
import { gridsEqual } from '../arc/grid'
import type { Grid, Task } from '../arc/types'
import type { CandidateRecord, CandidateSource, SolvedBy, TaskResultInput, TestOutputResult } from '../store'

export function taskScore(outputs: readonly Pick<TestOutputResult, 'correct'>[]): {
  officialScore: number | null
  allOrNothing: 0 | 1 | null
} {
  const scored = outputs.filter((o) => o.correct !== null)
  if (scored.length === 0) return { officialScore: null, allOrNothing: null }
  const solved = scored.filter((o) => o.correct).length
  return { officialScore: solved / scored.length, allOrNothing: solved === scored.length ? 1 : 0 }
}

/** The record of a task whose solver answered every test output it could (scored where the truth is known). */
export function doneTaskResult(
  taskId: string,
  parts: {
    outputs: TestOutputResult[]
    candidates: CandidateRecord[]
    timings: Record<string, number>
    tttSteps?: number
    finalLoss?: number | null
  }
): TaskResultInput {
  const { outputs, candidates, timings } = parts
  return {
    taskId,
    status: 'done',
    outputs,
    ...taskScore(outputs),
    timings,
    tttSteps: parts.tttSteps ?? 0,
    finalLoss: parts.finalLoss ?? null,
    candidates
  }
}

/** Whether any attempt equals the truth; null when the truth is unknown. */
export function attemptsCorrect(attempts: readonly Grid[], truth: Grid | undefined): boolean | null {
  return truth ? attempts.some((a) => gridsEqual(a, truth)) : null
}

/**
 * Which solver's candidates the right attempts were, over the task's test outputs: 'both' when the
 * right grids came from both solvers (or one output from each); null when no output is solved.
 */
export function solvedBy(task: Task, outputs: readonly TestOutputResult[], candidates: readonly CandidateRecord[]): SolvedBy | null {
  const sources = new Set<CandidateSource>()
  for (const output of outputs) {
    const truth = task.test[output.testIndex]?.output
    if (!output.correct || !truth) continue
    const right = candidates.filter((c) => c.testIndex === output.testIndex && gridsEqual(c.grid, truth))
    // A right attempt is always a candidate; a solver that logs none is TTT (logs older than sources).
    for (const c of right.length > 0 ? right : [{ source: 'ttt' as const }]) sources.add(c.source ?? 'ttt')
  }
  if (sources.size === 0) return null
  return sources.size > 1 ? 'both' : [...sources][0]!
}
