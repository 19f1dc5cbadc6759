// Reading task results back: whole records (attempts, candidates) for a run or one task, the ids a
// resumed run must not recompute, and the light outcome rows of a tasks x runs matrix.
import { makeGrid } from '../arc/grid'
import type { SqliteDatabase } from './database'
import { gridFromJson } from './input-checks'
import type { CandidateRecord, CandidateSource, SolvedBy, TaskOutcome, TaskResultRecord, TaskResultStatus, TestOutputResult } from './types'

interface TaskRow {
  task_id: string
  status: TaskResultStatus
  skip_reason: string | null
  official_score: number | null
  all_or_nothing: 0 | 1 | null
  ttt_steps: number
  final_loss: number | null
  timings_json: string
  total_seconds: number
  recorded_at: string
  solved_by: SolvedBy | null
}

interface OutputRow {
  task_id: string
  test_index: number
  attempts_json: string
  correct: 0 | 1 | null
  provenance_json: string
}

interface CandidateRow {
  task_id: string
  test_index: number
  grid_json: string
  transforms_json: string
  prompt_ids_json: string
  votes: number
  score: number | null
  source: CandidateSource
  program: string | null
  demos_explained: number | null
  demos: number | null
}

function groupByTask<T extends { task_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const group = groups.get(row.task_id)
    if (group) group.push(row)
    else groups.set(row.task_id, [row])
  }
  return groups
}

function outputFromRow(row: OutputRow): TestOutputResult {
  return {
    testIndex: row.test_index,
    attempts: (JSON.parse(row.attempts_json) as number[][][]).map((grid) => makeGrid(grid)),
    correct: row.correct === null ? null : row.correct === 1,
    provenance: JSON.parse(row.provenance_json) as unknown
  }
}

function candidateFromRow(row: CandidateRow): CandidateRecord {
  return {
    testIndex: row.test_index,
    grid: gridFromJson(row.grid_json),
    transforms: JSON.parse(row.transforms_json) as string[],
    promptIds: JSON.parse(row.prompt_ids_json) as string[],
    votes: row.votes,
    score: row.score,
    source: row.source,
    program: row.program,
    demosExplained: row.demos_explained,
    demos: row.demos
  }
}

export class TaskResultReader {
  constructor(private readonly db: SqliteDatabase) {}

  /** Every task of the run (or the one task), by task id, with outputs and candidates in order. */
  records(runNumber: number, taskId?: string): TaskResultRecord[] {
    const where = taskId === undefined ? 'run_number = ?' : 'run_number = ? AND task_id = ?'
    const parameters = taskId === undefined ? [runNumber] : [runNumber, taskId]
    const tasks = this.db.prepare(`SELECT * FROM task_results WHERE ${where} ORDER BY task_id`).all(...parameters) as TaskRow[]
    const outputs = groupByTask(
      this.db.prepare(`SELECT * FROM task_test_outputs WHERE ${where} ORDER BY task_id, test_index`).all(...parameters) as OutputRow[]
    )
    const candidates = groupByTask(
      this.db
        .prepare(`SELECT * FROM task_candidates WHERE ${where} ORDER BY task_id, test_index, position`)
        .all(...parameters) as CandidateRow[]
    )
    return tasks.map((row) => ({
      taskId: row.task_id,
      status: row.status,
      reason: row.skip_reason,
      outputs: (outputs.get(row.task_id) ?? []).map(outputFromRow),
      officialScore: row.official_score,
      allOrNothing: row.all_or_nothing,
      timings: JSON.parse(row.timings_json) as Record<string, number>,
      totalSeconds: row.total_seconds,
      tttSteps: row.ttt_steps,
      finalLoss: row.final_loss,
      candidates: (candidates.get(row.task_id) ?? []).map(candidateFromRow),
      solvedBy: row.solved_by,
      recordedAt: row.recorded_at
    }))
  }

  /** Tasks recorded as done or skipped: a resumed run leaves them alone. */
  finishedTaskIds(runNumber: number): Set<string> {
    return new Set(this.db.prepare('SELECT task_id FROM task_results WHERE run_number = ?').pluck().all(runNumber) as string[])
  }

  /** One row per (run, task) over the given runs, for a tasks x runs matrix; no grids are read. */
  outcomes(runs: readonly { readonly id: string; readonly runNumber: number }[]): TaskOutcome[] {
    const statement = this.db.prepare(
      `SELECT task_id, status, official_score, all_or_nothing, total_seconds, ttt_steps, final_loss, solved_by
       FROM task_results WHERE run_number = ? ORDER BY task_id`
    )
    return runs.flatMap(({ id, runNumber }) =>
      (statement.all(runNumber) as TaskRow[]).map((row) => ({
        runId: id,
        taskId: row.task_id,
        status: row.status,
        officialScore: row.official_score,
        allOrNothing: row.all_or_nothing,
        totalSeconds: row.total_seconds,
        tttSteps: row.ttt_steps,
        finalLoss: row.final_loss,
        solvedBy: row.solved_by
      }))
    )
  }
}
