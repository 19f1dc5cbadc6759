// A run's results as files: the ARC Prize submission (through the scoring module's builder) and one
// CSV row per task. Shared by `arc-ttt runs export` and the workbench's export button (exportRun),
// so both give byte-for-byte the same content.
import type { Grid } from '../arc/types'
import type { TaskResultRecord } from '../store/types'
import type { Submission, SubmissionEntry } from './types'
import { formatSubmission, submissionEntry } from './write-submission'

/** What the exports read of a run: its ordered task selection and its recorded task results. */
export interface RunResults {
  readonly taskSelection: readonly string[]
  readonly taskResults: readonly TaskResultRecord[]
}

export interface RunSubmission {
  readonly submission: Submission
  /** Tasks left out because the number of their test inputs is unknown, with why. */
  readonly omitted: readonly { readonly taskId: string; readonly why: string }[]
}

/**
 * One entry per test input of every task, in order, [[0]] where there is no answer (recipe section
 * 9). The number of test inputs is read from the recorded outputs (the highest test index + 1); a
 * task without recorded outputs (skipped before predicting, or never reached) is left out.
 */
export function runSubmission(results: RunResults): RunSubmission {
  const submission = new Map<string, readonly SubmissionEntry[]>()
  const omitted: { taskId: string; why: string }[] = []
  for (const result of results.taskResults) {
    if (result.outputs.length === 0) {
      omitted.push({
        taskId: result.taskId,
        why:
          result.status === 'skipped'
            ? `skipped (${result.reason ?? 'no reason'}), test inputs unknown`
            : 'done but no test output recorded'
      })
      continue
    }
    const attempts = new Map<number, readonly Grid[]>(result.outputs.map((o) => [o.testIndex, o.attempts]))
    const count = Math.max(...attempts.keys()) + 1
    submission.set(
      result.taskId,
      Array.from({ length: count }, (_, index) => submissionEntry(attempts.get(index) ?? []))
    )
  }
  const recorded = new Set(results.taskResults.map((r) => r.taskId))
  for (const taskId of results.taskSelection) {
    if (!recorded.has(taskId)) omitted.push({ taskId, why: 'no result recorded (the run did not reach it)' })
  }
  return { submission, omitted }
}

/** The submission file's text (the scoring module's canonical layout). */
export function submissionText(results: RunResults): { text: string; omitted: RunSubmission['omitted'] } {
  const { submission, omitted } = runSubmission(results)
  return { text: formatSubmission(submission), omitted }
}

/** The timed phases of the results, in the order they first appear. */
export function phasesOf(results: readonly TaskResultRecord[]): string[] {
  return [...new Set(results.flatMap((r) => Object.keys(r.timings)))]
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvHeader(phases: readonly string[]): string[] {
  return [
    'task_id',
    'status',
    'reason',
    'official',
    'all_or_nothing',
    'ttt_steps',
    'final_loss',
    'total_seconds',
    ...phases.map((p) => `${p}_seconds`)
  ]
}

function csvRow(result: TaskResultRecord, phases: readonly string[]): (string | number | null)[] {
  return [
    result.taskId,
    result.status,
    result.reason,
    result.officialScore,
    result.allOrNothing,
    result.tttSteps,
    result.finalLoss,
    result.totalSeconds,
    ...phases.map((p) => result.timings[p] ?? null)
  ]
}

/** One row per task, by task id; one `<phase>_seconds` column per phase timed in any task. Empty = null. */
export function formatCsv(results: Pick<RunResults, 'taskResults'>): string {
  const phases = phasesOf(results.taskResults)
  const rows = [csvHeader(phases), ...results.taskResults.map((r) => csvRow(r, phases))]
  return rows.map((row) => row.map(csvField).join(',')).join('\n') + '\n'
}
