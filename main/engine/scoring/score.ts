// Scoring a submission against tasks with known test outputs (recipe section 9).
// - A test output is solved when either attempt matches it exactly: same shape, every cell equal.
// - Task score, two conventions, both reported:
//     official       = solved test outputs / test outputs (the ARC Prize's per-task fraction);
//     all-or-nothing = 1 only when every test output is solved (the paper's ablation tables).
// - Dataset score = sum of task scores / number of scored tasks. A task is scored when at least one of
//   its test pairs has an output; only those pairs count. A task absent from the submission counts as
//   unsolved and is listed as missing. A [[0]] placeholder is compared like any grid, as the official
//   scorer does.
import { gridsEqual } from '../arc/grid'
import type { Task } from '../arc/types'
import { ATTEMPT_KEYS, type AttemptKey, type Submission, type SubmissionEntry } from './types'

export interface TestOutputResult {
  /** Index of the test pair in the task. */
  readonly index: number
  readonly solved: boolean
  /** The first attempt that matches, or null. */
  readonly solvedBy: AttemptKey | null
  /** Whether the submission had an entry for this test input. */
  readonly answered: boolean
}

export interface TaskScore {
  readonly taskId: string
  /** True when the task is absent from the submission (then every output is unsolved). */
  readonly missing: boolean
  /** One result per test pair that has an output, in test order. */
  readonly outputs: readonly TestOutputResult[]
  readonly solvedOutputs: number
  /** Official convention: solvedOutputs / outputs.length, 0..1. */
  readonly official: number
  /** All-or-nothing convention. */
  readonly allOrNothing: 0 | 1
}

export interface DatasetScore {
  /** Scored tasks, sorted by id. */
  readonly tasks: readonly TaskScore[]
  /** Number of scored tasks (the denominator of both conventions). */
  readonly taskCount: number
  /** Sum of the official task scores: fractional, e.g. 12.5 tasks. */
  readonly officialSolved: number
  /** officialSolved / taskCount, 0..1 (0 for no task). */
  readonly official: number
  /** Tasks with every test output solved. */
  readonly allOrNothingSolved: number
  /** allOrNothingSolved / taskCount, 0..1 (0 for no task). */
  readonly allOrNothing: number
  /** Scored tasks absent from the submission, sorted. */
  readonly missingTaskIds: readonly string[]
  /** Tasks given but not scored because none of their test pairs has an output, sorted. */
  readonly unscoredTaskIds: readonly string[]
}

/** Whether a task has a test output to score against. */
export function hasTestOutputs(task: Task): boolean {
  return task.test.some((pair) => pair.output !== undefined)
}

/** Scores one task; `entries` undefined means the task is missing from the submission. */
export function scoreTask(task: Task, entries: readonly SubmissionEntry[] | undefined): TaskScore {
  const outputs = task.test.flatMap((pair, index): TestOutputResult[] => {
    if (pair.output === undefined) return []
    const expected = pair.output
    const entry = entries?.[index]
    const solvedBy = entry ? (ATTEMPT_KEYS.find((key) => gridsEqual(entry[key], expected)) ?? null) : null
    return [{ index, solved: solvedBy !== null, solvedBy, answered: entry !== undefined }]
  })
  const solvedOutputs = outputs.filter((o) => o.solved).length
  return {
    taskId: task.id,
    missing: entries === undefined,
    outputs,
    solvedOutputs,
    official: outputs.length === 0 ? 0 : solvedOutputs / outputs.length,
    allOrNothing: outputs.length > 0 && solvedOutputs === outputs.length ? 1 : 0
  }
}

/** Scores a submission over the tasks that have test outputs. Task ids of the submission not among `tasks` are ignored. */
export function scoreSubmission(tasks: readonly Task[], submission: Submission): DatasetScore {
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const sorted = [...tasks].sort(byId)
  const scored = sorted.filter(hasTestOutputs).map((task) => scoreTask(task, submission.get(task.id)))
  const officialSolved = scored.reduce((sum, t) => sum + t.official, 0)
  const allOrNothingSolved = scored.reduce((sum, t) => sum + t.allOrNothing, 0)
  const taskCount = scored.length
  return {
    tasks: scored,
    taskCount,
    officialSolved,
    official: taskCount === 0 ? 0 : officialSolved / taskCount,
    allOrNothingSolved,
    allOrNothing: taskCount === 0 ? 0 : allOrNothingSolved / taskCount,
    missingTaskIds: scored.filter((t) => t.missing).map((t) => t.taskId),
    unscoredTaskIds: sorted.filter((task) => !hasTestOutputs(task)).map((task) => task.id)
  }
}
