// Reading and validating submission files, in the manner of task files (validate.ts): every problem
// is a ValidationProblem naming the file, the task id, a JSON path such as `t1[0].attempt_2[3][1]`
// (the task id is the path's root, as in the file) and the reason in words; nothing throws on bad input.
// Checked against the tasks when given: the entry count must equal the task's test inputs. A task id
// not among the tasks is a warning, not a problem: a submission for a larger set is still scorable.
import { readJsonFile } from '../arc/read-json'
import type { Grid, Task, ValidationProblem } from '../arc/types'
import { describeJson, validateGrid } from '../arc/validate'
import { ATTEMPT_KEYS, type Submission, type SubmissionEntry } from './types'

export interface SubmissionRead {
  /** The submission, when there is no problem (warnings allowed). */
  readonly submission?: Submission
  /** What makes the file unusable. */
  readonly problems: readonly ValidationProblem[]
  /** What is odd but harmless: task ids not among the tasks. */
  readonly warnings: readonly ValidationProblem[]
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Validates a parsed JSON value as a submission; `tasks`, when given, are what it answers. */
export function validateSubmission(value: unknown, file: string, tasks?: readonly Task[]): SubmissionRead {
  const problems: ValidationProblem[] = []
  const warnings: ValidationProblem[] = []
  if (!isPlainObject(value)) {
    const reason = `expected an object mapping task ids to lists of {"attempt_1", "attempt_2"} entries, got ${describeJson(value)}`
    return { problems: [{ file, taskId: '', path: '', reason }], warnings }
  }
  const testInputs = tasks ? new Map(tasks.map((task) => [task.id, task.test.length])) : undefined
  const submission = new Map<string, readonly SubmissionEntry[]>()
  for (const [taskId, entries] of Object.entries(value)) {
    const report = (path: string, reason: string): void => {
      problems.push({ file, taskId, path, reason })
    }
    const expected = testInputs?.get(taskId)
    if (testInputs && expected === undefined) warnings.push({ file, taskId, path: taskId, reason: 'not a task of the data; ignored' })
    const valid = validateEntries(entries, taskId, expected, report)
    if (valid) submission.set(taskId, valid)
  }
  return problems.length === 0 ? { submission, problems, warnings } : { problems, warnings }
}

/** Reads, parses and validates a submission file. */
export async function readSubmissionFile(file: string, tasks?: readonly Task[]): Promise<SubmissionRead> {
  const read = await readJsonFile(file)
  if (!read.ok) {
    // readJsonFile words an empty file for task files; say what a submission should hold instead.
    const reason = read.reason.startsWith('file is empty') ? 'file is empty: expected a JSON submission object' : read.reason
    return { problems: [{ file, taskId: '', path: '', reason }], warnings: [] }
  }
  return validateSubmission(read.value, file, tasks)
}

function validateEntries(
  value: unknown,
  taskId: string,
  expectedCount: number | undefined,
  report: (path: string, reason: string) => void
): SubmissionEntry[] | undefined {
  const count = expectedCount === undefined ? '' : `${expectedCount} `
  if (!Array.isArray(value)) {
    report(taskId, `expected a list of ${count}{"attempt_1", "attempt_2"} entries, one per test input, got ${describeJson(value)}`)
    return undefined
  }
  let ok = true
  if (expectedCount !== undefined && value.length !== expectedCount) {
    report(taskId, `expected ${expectedCount} entries, one per test input, got ${value.length}`)
    ok = false
  }
  const entries = value.map((entry: unknown, index): SubmissionEntry | undefined => {
    const entryPath = `${taskId}[${index}]`
    if (!isPlainObject(entry)) {
      report(entryPath, `expected an object with "attempt_1" and "attempt_2" grids, got ${describeJson(entry)}`)
      return undefined
    }
    const grids = ATTEMPT_KEYS.map((key): Grid | undefined => {
      if (!(key in entry)) {
        report(`${entryPath}.${key}`, `missing: every entry needs "attempt_1" and "attempt_2" grids ([[0]] for no answer)`)
        return undefined
      }
      return validateGrid(entry[key], `${entryPath}.${key}`, report)
    })
    const [attempt1, attempt2] = grids
    return attempt1 && attempt2 ? { attempt_1: attempt1, attempt_2: attempt2 } : undefined
  })
  if (!ok || entries.some((e) => e === undefined)) return undefined
  return entries as SubmissionEntry[]
}
