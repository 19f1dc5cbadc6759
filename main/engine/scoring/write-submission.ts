// Building and writing submission files. The text is stable: tasks sorted by id, keys in the order
// attempt_1, attempt_2, one task per line (small diffs between runs), and a final newline.
import { writeFile } from 'node:fs/promises'
import type { Grid, Task } from '../arc/types'
import { NO_ANSWER_GRID, type Submission, type SubmissionEntry } from './types'

/** One entry from up to two attempts, best first; a missing attempt becomes [[0]]. */
export function submissionEntry(attempts: readonly Grid[]): SubmissionEntry {
  return { attempt_1: attempts[0] ?? NO_ANSWER_GRID, attempt_2: attempts[1] ?? NO_ANSWER_GRID }
}

/**
 * A submission with one entry per test input of every task, in order. `attemptsFor` gives the attempts
 * at one test input (undefined or [] when there is none: [[0]] is written).
 */
export function buildSubmission(
  tasks: readonly Task[],
  attemptsFor: (task: Task, testIndex: number) => readonly Grid[] | undefined
): Submission {
  return new Map(tasks.map((task) => [task.id, task.test.map((_, index) => submissionEntry(attemptsFor(task, index) ?? []))]))
}

export function formatSubmission(submission: Submission): string {
  const ids = [...submission.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  if (ids.length === 0) return '{}\n'
  const lines = ids.map((id) => {
    const entries = submission.get(id)!.map((entry) => ({ attempt_1: entry.attempt_1, attempt_2: entry.attempt_2 }))
    return `  ${JSON.stringify(id)}: ${JSON.stringify(entries)}`
  })
  return `{\n${lines.join(',\n')}\n}\n`
}

export async function writeSubmissionFile(file: string, submission: Submission): Promise<void> {
  await writeFile(file, formatSubmission(submission), 'utf8')
}
