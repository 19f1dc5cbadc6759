// The submission format of the ARC Prize (recipe section 9):
//   {task_id: [{"attempt_1": grid, "attempt_2": grid}, ...]}
// one entry per test input of the task, in order, with [[0]] where there is no answer.
import { makeGrid } from '../arc/grid'
import type { Grid } from '../arc/types'

/** The two attempts at one test input. Keys spelled as in the file format. */
export interface SubmissionEntry {
  readonly attempt_1: Grid
  readonly attempt_2: Grid
}

/** Task id -> one entry per test input. A Map, so no task id can collide with an object's own keys. */
export type Submission = ReadonlyMap<string, readonly SubmissionEntry[]>

export const ATTEMPT_KEYS = ['attempt_1', 'attempt_2'] as const satisfies readonly (keyof SubmissionEntry)[]
export type AttemptKey = (typeof ATTEMPT_KEYS)[number]

/** The placeholder the format asks for where there is no answer. */
export const NO_ANSWER_GRID: Grid = makeGrid([[0]])
