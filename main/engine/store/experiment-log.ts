// The experiment log (architecture.md section 4): one SQLite file per workbench holding runs, their
// flattened configs, metric series with summaries, per-task results with candidates, and artifacts.
//
// One writer: the process that runs experiments (the engine host, or the CLI's `arc-ttt run`) owns
// writes. Any other process (the UI, `arc-ttt runs list`) opens the file with `readonly: true`, or
// asks the engine host. WAL mode lets those readers work while a run writes; a second writer would
// wait up to the busy timeout and then fail with a 'locked' StoreError.
//
// Every method checks its arguments at runtime and throws StoreErrors that name the file.
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type SqliteDatabase } from './database'
import { Artifacts } from './artifacts'
import { hostInfo, workbenchVersion } from './host-info'
import { InputChecks } from './input-checks'
import { Metrics } from './metrics'
import { schemaVersion } from './migrations'
import { paramDifferences } from './param-differences'
import { listRuns } from './run-list'
import { Runs, type RunProvenance } from './runs'
import { StoreError, readOnlyError, translateStoreError } from './store-error'
import { TaskResultReader } from './task-results-read'
import { TaskResultWriter } from './task-results'
import type * as T from './types'

export interface ExperimentLogOptions {
  /** Open for reading only (the UI, listing commands): nothing is created, migrated or written. */
  readonly readonly?: boolean
  /** How long a write waits for another writer's lock; default 5000 ms. */
  readonly busyTimeoutMs?: number
  /** Source of the times recorded (created, ended, recorded at); default the system clock. */
  readonly clock?: () => Date
}

export class ExperimentLog {
  private readonly checks: InputChecks
  private readonly runs: Runs
  private readonly metrics: Metrics
  private readonly taskWriter: TaskResultWriter
  private readonly taskReader: TaskResultReader
  private readonly artifactRows: Artifacts
  private provenance: Omit<RunProvenance, 'createdAt'> | undefined

  private constructor(
    private readonly db: SqliteDatabase,
    /** The absolute path of the database file. */
    readonly file: string,
    readonly readonly: boolean,
    private readonly busyTimeoutMs: number,
    private readonly clock: () => Date
  ) {
    this.checks = new InputChecks(file)
    this.runs = new Runs(db, this.checks)
    this.metrics = new Metrics(db, this.checks)
    this.taskWriter = new TaskResultWriter(db, this.checks)
    this.taskReader = new TaskResultReader(db)
    this.artifactRows = new Artifacts(db, this.checks)
  }

  /**
   * Opens the log at `file`, creating it and its folder when needed (unless read-only) and applying
   * pending migrations. Throws a StoreError for a file that is not a database, one from a newer
   * workbench, a locked one, or one that cannot be written.
   */
  static open(file: string, options: ExperimentLogOptions = {}): ExperimentLog {
    const readonly = options.readonly ?? false
    const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
    const db = openDatabase(file, { readonly, busyTimeoutMs })
    try {
      return new ExperimentLog(db, db.name, readonly, busyTimeoutMs, options.clock ?? (() => new Date()))
    } catch (error) {
      const version = schemaVersion(db)
      db.close()
      // Statements are prepared here: a table without a column its schema version has fails them.
      if (!(error instanceof Error) || !/no (such )?column/i.test(error.message)) throw error
      throw new StoreError(
        'schema-mismatch',
        db.name,
        `The experiment log ${db.name} says schema version ${version} but its tables do not match it ` +
          `(${error.message}); it was probably written by a development build. Move it aside, or pass another ` +
          'database file (--db FILE).',
        { cause: error }
      )
    }
  }

  /** Runs `work`, turning SQLite's errors into StoreErrors that say what to do. */
  private guard<R>(action: string, work: () => R): R {
    try {
      return work()
    } catch (error) {
      const translated = translateStoreError(error, this.file, action, this.busyTimeoutMs)
      if (translated instanceof StoreError && translated.code === 'read-only' && this.readonly) {
        throw readOnlyError(
          this.file,
          `it was opened read-only, so it cannot ${action}; only the process that runs experiments writes to the log`,
          error
        )
      }
      throw translated
    }
  }

  /** The schema version (PRAGMA user_version) of the open file. */
  get schemaVersion(): number {
    return this.guard('read its schema version', () => schemaVersion(this.db))
  }

  // Runs

  /** Records a new run with status 'running'; returns its id, e.g. `run-20261126-065301-a1b2`. */
  createRun(record: T.NewRun): string {
    return this.guard('create a run', () => {
      this.provenance ??= { host: hostInfo(), workbench: workbenchVersion() }
      return this.runs.create(record, { ...this.provenance, createdAt: this.clock() })
    })
  }

  setProviderUsed(runId: string, provider: string): void {
    this.guard('set the provider used', () => this.runs.setProviderUsed(runId, provider))
  }

  /** A terminal status (completed, interrupted, failed, cancelled) sets the end time. */
  setRunStatus(runId: string, status: T.RunStatus, message?: string): void {
    this.guard('set the run status', () => this.runs.setStatus(runId, status, message, this.clock()))
  }

  updateRun(runId: string, changes: T.RunUpdate): void {
    this.guard('update the run', () => this.runs.update(runId, changes))
  }

  /** Deletes the run and everything recorded for it (artifact files on disk are left alone). */
  deleteRun(runId: string): void {
    this.guard('delete the run', () => this.runs.delete(runId))
  }

  getRun(runId: string): T.RunRecord {
    return this.guard('read the run', () => this.runs.get(runId))
  }

  listRuns(query: T.RunListQuery = {}): T.RunList {
    return this.guard('list runs', () => listRuns(this.db, this.checks, query))
  }

  /** The config keys whose values differ between the runs; values in the order of `runIds`. */
  paramDifferences(runIds: readonly string[]): T.ParamDifference[] {
    return this.guard('compare run configs', () =>
      paramDifferences(
        this.db,
        this.checks.list('runIds', runIds).map((id) => this.runs.runNumber(id))
      )
    )
  }

  // Metrics

  /** Records a batch of points in one transaction and updates the per-key summaries. */
  recordMetrics(runId: string, points: readonly T.MetricPointInput[]): void {
    this.guard('record metrics', () => this.metrics.record(this.runs.runNumber(runId), points))
  }

  /** Deletes a run's points matching the filter (all of them without one), e.g. a task about to rerun. */
  clearMetrics(runId: string, filter?: T.MetricContext): void {
    this.guard('clear metrics', () => this.metrics.clear(this.runs.runNumber(runId), filter))
  }

  /** One key's points in (task, phase, step) order; given parts of `context` must match. */
  metricSeries(runId: string, key: string, context?: T.MetricContext): T.MetricPoint[] {
    return this.guard('read a metric series', () => this.metrics.series(this.runs.runNumber(runId), key, context))
  }

  /** One key's per-step count, mean, min and max over the matching contexts (e.g. over tasks). */
  metricStepStatistics(runId: string, key: string, context?: T.MetricContext): T.MetricStepStatistics[] {
    return this.guard('read metric statistics', () => this.metrics.stepStatistics(this.runs.runNumber(runId), key, context))
  }

  metricSummaries(runId: string): T.MetricSummary[] {
    return this.guard('read metric summaries', () => this.metrics.summaries(this.runs.runNumber(runId)))
  }

  // Task results

  /**
   * Records (or replaces) one task's result in one transaction, updating the run's summary. A task
   * that is run again after a resume should first drop its partial curves: clearMetrics(runId, { taskId }).
   */
  recordTaskResult(runId: string, result: T.TaskResultInput): void {
    this.guard('record the task result', () => this.taskWriter.record(this.runs.runNumber(runId), result, this.clock()))
  }

  taskResults(runId: string): T.TaskResultRecord[] {
    return this.guard('read task results', () => this.taskReader.records(this.runs.runNumber(runId)))
  }

  taskResult(runId: string, taskId: string): T.TaskResultRecord | undefined {
    return this.guard(
      'read a task result',
      () => this.taskReader.records(this.runs.runNumber(runId), this.checks.string('taskId', taskId))[0]
    )
  }

  /** Tasks recorded as done or skipped, which a resumed run does not recompute. */
  finishedTaskIds(runId: string): Set<string> {
    return this.guard('read finished tasks', () => this.taskReader.finishedTaskIds(this.runs.runNumber(runId)))
  }

  /** Outcome rows (no grids) of every task of every given run: the tasks x runs matrix. */
  taskOutcomes(runIds: readonly string[]): T.TaskOutcome[] {
    return this.guard('read task outcomes', () =>
      this.taskReader.outcomes(this.checks.list('runIds', runIds).map((id) => ({ id: id as string, runNumber: this.runs.runNumber(id) })))
    )
  }

  // Task selection

  /** Records the ordered task ids a run is to do (replacing any earlier list). */
  setRunTasks(runId: string, taskIds: readonly string[]): void {
    this.guard('record the task selection', () => {
      const runNumber = this.runs.runNumber(runId)
      const insert = this.db.prepare('INSERT INTO run_tasks (run_number, position, task_id) VALUES (?, ?, ?)')
      this.db
        .transaction(() => {
          this.db.prepare('DELETE FROM run_tasks WHERE run_number = ?').run(runNumber)
          taskIds.forEach((id, i) => insert.run(runNumber, i, id))
        })
        .immediate()
    })
  }

  /** The ordered task ids recorded for a run. */
  runTasks(runId: string): string[] {
    return this.guard('read the task selection', () =>
      (
        this.db.prepare('SELECT task_id FROM run_tasks WHERE run_number = ? ORDER BY position').all(this.runs.runNumber(runId)) as {
          task_id: string
        }[]
      ).map((r) => r.task_id)
    )
  }

  // Artifacts

  /** Records a file the run produced; the same path again replaces the row. */
  addArtifact(runId: string, artifact: T.NewArtifact): void {
    this.guard('record an artifact', () => this.artifactRows.add(this.runs.runNumber(runId), artifact, this.clock()))
  }

  artifacts(runId: string): T.ArtifactRecord[] {
    return this.guard('read artifacts', () => this.artifactRows.list(this.runs.runNumber(runId)))
  }

  /** Closes the file (checkpointing the WAL). Calling it again does nothing. */
  close(): void {
    if (this.db.open) this.db.close()
  }
}
