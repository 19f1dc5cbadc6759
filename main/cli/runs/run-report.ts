// Everything recorded about one run, as one plain JSON object: what `runs show --json` prints and
// `runs export --format json` writes.
import type { ArtifactRecord, ExperimentLog, MetricSummary, RunRecord, TaskResultRecord } from '../../engine/store'
import { readRun } from './open-log'

export interface RunReport {
  /** The run's record: identity, status, config and its flattened params, provenance, summary. */
  readonly run: RunRecord
  /** The ordered task ids the run was to do. */
  readonly taskSelection: readonly string[]
  readonly metricSummaries: readonly MetricSummary[]
  readonly artifacts: readonly ArtifactRecord[]
  /** Per task, by id: status, scores, timings, attempts and correctness per test output, candidates. */
  readonly taskResults: readonly TaskResultRecord[]
}

export function runReport(log: ExperimentLog, runId: string): RunReport {
  const run = readRun(log, runId)
  return {
    run,
    taskSelection: log.runTasks(runId),
    metricSummaries: log.metricSummaries(runId),
    artifacts: log.artifacts(runId),
    taskResults: log.taskResults(runId)
  }
}
