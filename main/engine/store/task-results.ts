// Recording one task's result: the task row, one row per test output (attempts, correctness,
// provenance) and one per distinct candidate, all in ONE transaction with the run's summary columns,
// so a crash or a bad row leaves either the whole task or none of it. Each row is checked as it is
// written. Re-recording a task replaces it (the runner may finish a task again after a resume).
import type { SqliteDatabase, SqliteStatement } from './database'
import { nullFromNaN, type InputChecks } from './input-checks'
import { CANDIDATE_SOURCES, SOLVED_BY, type CandidateRecord, type TaskResultInput, type TestOutputResult } from './types'

/** A task's contribution to its run's summary columns. */
interface SummaryDelta {
  done: number
  skipped: number
  scored: number
  official: number
  allOrNothing: number
  seconds: number
}

export class TaskResultWriter {
  private readonly existing: SqliteStatement
  private readonly deleteTask: SqliteStatement
  private readonly insertTask: SqliteStatement
  private readonly insertOutput: SqliteStatement
  private readonly insertCandidate: SqliteStatement
  private readonly addToRunSummary: SqliteStatement
  private readonly recomputeRunSummary: SqliteStatement

  constructor(
    private readonly db: SqliteDatabase,
    private readonly checks: InputChecks
  ) {
    this.existing = db.prepare('SELECT 1 FROM task_results WHERE run_number = ? AND task_id = ?').pluck()
    this.deleteTask = db.prepare('DELETE FROM task_results WHERE run_number = ? AND task_id = ?')
    this.insertTask = db.prepare(
      `INSERT INTO task_results (run_number, task_id, status, skip_reason, official_score, all_or_nothing, ttt_steps,
         final_loss, timings_json, total_seconds, recorded_at, solved_by)
       VALUES (@run, @taskId, @status, @reason, @officialScore, @allOrNothing, @tttSteps, @finalLoss, @timingsJson,
               @totalSeconds, @recordedAt, @solvedBy)`
    )
    this.insertOutput = db.prepare(
      'INSERT INTO task_test_outputs (run_number, task_id, test_index, attempts_json, correct, provenance_json) VALUES (?, ?, ?, ?, ?, ?)'
    )
    this.insertCandidate = db.prepare(
      `INSERT INTO task_candidates (run_number, task_id, test_index, position, grid_json, transforms_json, prompt_ids_json, votes, score,
         source, program, demos_explained, demos)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    this.addToRunSummary = db.prepare(
      `UPDATE runs SET tasks_done = tasks_done + @done, tasks_skipped = tasks_skipped + @skipped,
         tasks_scored = tasks_scored + @scored, official_score_sum = official_score_sum + @official,
         all_or_nothing_sum = all_or_nothing_sum + @allOrNothing, task_seconds_sum = task_seconds_sum + @seconds
       WHERE run_number = @run`
    )
    // Only after a replacement: exact, where subtracting the old task's floats would drift.
    this.recomputeRunSummary = db.prepare(
      `UPDATE runs SET tasks_done = s.done, tasks_skipped = s.skipped, tasks_scored = s.scored, official_score_sum = s.official,
         all_or_nothing_sum = s.all_or_nothing, task_seconds_sum = s.seconds
       FROM (SELECT count(*) FILTER (WHERE status = 'done') AS done, count(*) FILTER (WHERE status = 'skipped') AS skipped,
               count(official_score) AS scored, total(official_score) AS official, coalesce(sum(all_or_nothing), 0) AS all_or_nothing,
               total(total_seconds) FILTER (WHERE status = 'done') AS seconds
             FROM task_results WHERE run_number = @run) AS s
       WHERE run_number = @run`
    )
  }

  /** The task row's values, checked; throws an 'invalid-value' StoreError naming the field. */
  private taskRow(result: TaskResultInput, recordedAt: string) {
    const c = this.checks
    const status = c.oneOf('taskResult.status', result.status, ['done', 'skipped'] as const)
    const reason = status === 'skipped' ? c.string('taskResult.reason (required for a skipped task)', result.reason) : null
    const officialScore = result.officialScore === null ? null : c.finite('taskResult.officialScore', result.officialScore, 0, 1)
    const allOrNothing =
      result.allOrNothing === null || result.allOrNothing === 0 || result.allOrNothing === 1
        ? result.allOrNothing
        : c.fail('taskResult.allOrNothing', '0, 1 or null', result.allOrNothing)
    if ((officialScore === null) !== (allOrNothing === null)) {
      c.fail('taskResult.allOrNothing', 'null exactly when officialScore is null', result.allOrNothing)
    }
    if (typeof result.timings !== 'object' || result.timings === null)
      c.fail('taskResult.timings', 'an object of seconds per phase', result.timings)
    const timings = Object.entries(result.timings).map(
      ([phase, seconds]) => [phase, c.finite(`taskResult.timings.${phase}`, seconds, 0)] as const
    )
    return {
      taskId: c.string('taskResult.taskId', result.taskId),
      status,
      reason,
      officialScore,
      allOrNothing,
      tttSteps: c.integer('taskResult.tttSteps', result.tttSteps, 0),
      finalLoss: nullFromNaN(c.nullableNumber('taskResult.finalLoss', result.finalLoss)),
      timingsJson: JSON.stringify(Object.fromEntries(timings)),
      totalSeconds: timings.reduce((sum, [, seconds]) => sum + seconds, 0),
      recordedAt,
      solvedBy: result.solvedBy == null ? null : c.oneOf('taskResult.solvedBy', result.solvedBy, SOLVED_BY)
    }
  }

  record(runNumber: number, result: TaskResultInput, recordedAt: Date): void {
    const row = this.taskRow(this.checks.object('taskResult', result), recordedAt.toISOString())
    const write = this.db.transaction(() => {
      const replacing = this.existing.get(runNumber, row.taskId) !== undefined
      if (replacing) this.deleteTask.run(runNumber, row.taskId) // cascades to outputs and candidates
      this.insertTask.run({ run: runNumber, ...row })
      const testIndexes = this.writeOutputs(runNumber, row.taskId, result.outputs)
      this.writeCandidates(runNumber, row.taskId, result.candidates, testIndexes)
      if (replacing) {
        this.recomputeRunSummary.run({ run: runNumber })
      } else {
        const delta: SummaryDelta = {
          done: row.status === 'done' ? 1 : 0,
          skipped: row.status === 'skipped' ? 1 : 0,
          scored: row.officialScore === null ? 0 : 1,
          official: row.officialScore ?? 0,
          allOrNothing: row.allOrNothing ?? 0,
          seconds: row.status === 'done' ? row.totalSeconds : 0
        }
        this.addToRunSummary.run({ run: runNumber, ...delta })
      }
    })
    write.immediate()
  }

  /** Checks and writes the test outputs; returns their test indexes. */
  private writeOutputs(runNumber: number, taskId: string, outputs: unknown): Set<number> {
    const c = this.checks
    const testIndexes = new Set<number>()
    c.list('taskResult.outputs', outputs).forEach((value, i) => {
      const what = `taskResult.outputs[${i}]`
      const output = c.object<TestOutputResult>(what, value)
      const testIndex = c.integer(`${what}.testIndex`, output.testIndex, 0)
      if (testIndexes.has(testIndex)) c.fail(`${what}.testIndex`, 'a test index not already given', testIndex)
      testIndexes.add(testIndex)
      const attempts = c.list(`${what}.attempts`, output.attempts)
      if (attempts.length > 2) c.fail(`${what}.attempts`, 'at most two grids', `${attempts.length} grids`)
      const attemptsJson = `[${attempts.map((grid, a) => c.gridJson(`${what}.attempts[${a}]`, grid)).join(',')}]`
      const correct =
        output.correct === null
          ? null
          : typeof output.correct === 'boolean'
            ? Number(output.correct)
            : c.fail(`${what}.correct`, 'true, false or null', output.correct)
      this.insertOutput.run(runNumber, taskId, testIndex, attemptsJson, correct, c.anyJson(`${what}.provenance`, output.provenance))
    })
    return testIndexes
  }

  /** Checks and writes the candidates, numbered in the given order within each test index. */
  private writeCandidates(runNumber: number, taskId: string, candidates: unknown, testIndexes: ReadonlySet<number>): void {
    const c = this.checks
    const positions = new Map<number, number>()
    c.list('taskResult.candidates', candidates).forEach((value, i) => {
      const what = `taskResult.candidates[${i}]`
      const candidate = c.object<CandidateRecord>(what, value)
      const testIndex = c.integer(`${what}.testIndex`, candidate.testIndex, 0)
      if (!testIndexes.has(testIndex))
        c.fail(`${what}.testIndex`, `the test index of one of the outputs (${[...testIndexes].join(', ')})`, testIndex)
      const position = positions.get(testIndex) ?? 0
      positions.set(testIndex, position + 1)
      const gridJson = c.gridJson(`${what}.grid`, candidate.grid)
      const transforms = JSON.stringify(c.strings(`${what}.transforms`, candidate.transforms))
      const promptIds = JSON.stringify(c.strings(`${what}.promptIds`, candidate.promptIds))
      const votes = c.integer(`${what}.votes`, candidate.votes, 0)
      const score = nullFromNaN(c.nullableNumber(`${what}.score`, candidate.score))
      const source = c.oneOf(`${what}.source`, candidate.source ?? 'ttt', CANDIDATE_SOURCES)
      const program = candidate.program == null ? null : c.string(`${what}.program`, candidate.program)
      const demos = candidate.demos == null ? null : c.integer(`${what}.demos`, candidate.demos, 0)
      const explained = candidate.demosExplained == null ? null : c.integer(`${what}.demosExplained`, candidate.demosExplained, 0)
      this.insertCandidate.run(
        runNumber,
        taskId,
        testIndex,
        position,
        gridJson,
        transforms,
        promptIds,
        votes,
        score,
        source,
        program,
        explained,
        demos
      )
    })
  }
}
