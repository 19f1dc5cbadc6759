// The summary `arc-ttt run` prints at the end, read back from the experiment log.
import type { ExperimentLog } from '../engine/store'

export interface RunSummaryReport {
  readonly runId: string
  readonly status: string
  readonly tasks: number
  readonly tasksScored: number
  readonly accuracyOfficial: number | null
  readonly accuracyAllOrNothing: number | null
  readonly officialSolved: number
  readonly allOrNothingSolved: number
  readonly solvedTaskIds: string[]
  readonly skipped: { taskId: string; reason: string }[]
  readonly secondsPerTask: number | null
}

export function summarizeRun(log: ExperimentLog, runId: string): RunSummaryReport {
  const run = log.getRun(runId)
  const results = log.taskResults(runId)
  return {
    runId,
    status: run.status,
    tasks: results.length,
    tasksScored: run.tasksScored,
    accuracyOfficial: run.accuracyOfficial,
    accuracyAllOrNothing: run.accuracyAllOrNothing,
    officialSolved: run.officialScoreSum,
    allOrNothingSolved: run.allOrNothingSum,
    solvedTaskIds: results.filter((r) => r.allOrNothing === 1).map((r) => r.taskId),
    skipped: results.filter((r) => r.status === 'skipped').map((r) => ({ taskId: r.taskId, reason: r.reason ?? '' })),
    secondsPerTask: run.secondsPerTask
  }
}

const percent = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(2)}%`)

export function formatRunSummary(s: RunSummaryReport): string {
  const lines = [
    `run ${s.runId} (${s.status}): ${s.tasks} tasks, ${s.tasksScored} with known test outputs`,
    `official: ${percent(s.accuracyOfficial)} (${Number(s.officialSolved.toFixed(2))}/${s.tasksScored} tasks)`,
    `all-or-nothing: ${percent(s.accuracyAllOrNothing)} (${s.allOrNothingSolved}/${s.tasksScored} tasks)`,
    `solved: ${s.solvedTaskIds.length > 0 ? s.solvedTaskIds.join(', ') : 'none'}`,
    `time per task: ${s.secondsPerTask === null ? 'n/a' : `${s.secondsPerTask.toFixed(1)} s`}`
  ]
  if (s.skipped.length > 0) lines.push(`skipped ${s.skipped.length}:`, ...s.skipped.map((k) => `  ${k.taskId}: ${k.reason}`))
  return lines.join('\n')
}
