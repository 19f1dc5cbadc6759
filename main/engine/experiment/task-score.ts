// A task's score from its test outputs, in both conventions: official (the fraction of test outputs
// solved) and all-or-nothing (1 only when every test output is solved); null without ground truth.
import { gridsEqual } from '../arc/grid'
import type { Grid } from '../arc/types'
import type { TestOutputResult } from '../store'

export function taskScore(outputs: readonly Pick<TestOutputResult, 'correct'>[]): { officialScore: number | null; allOrNothing: 0 | 1 | null } {
  const scored = outputs.filter((o) => o.correct !== null)
  if (scored.length === 0) return { officialScore: null, allOrNothing: null }
  const solved = scored.filter((o) => o.correct).length
  return { officialScore: solved / scored.length, allOrNothing: solved === scored.length ? 1 : 0 }
}

/** Whether any attempt equals the truth; null when the truth is unknown. */
export function attemptsCorrect(attempts: readonly Grid[], truth: Grid | undefined): boolean | null {
  return truth ? attempts.some((a) => gridsEqual(a, truth)) : null
}
