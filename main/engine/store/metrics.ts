// Metric series (run, key, task, phase, step) -> value, and per (run, key) summaries kept up to date
// as points arrive: a batch adds its count, sum, min, max and last point to the summary row, so a run's
// summaries never need a pass over its points. Re-recording an existing point (a resumed task) or
// clearing points changes a value already summed, so those keys alone are recomputed from their points.
import type { SqliteDatabase, SqliteStatement } from './database'
import { nanFromNull, nullFromNaN, type InputChecks } from './input-checks'
import type { MetricContext, MetricPoint, MetricPointInput, MetricStepStatistics, MetricSummary } from './types'

/** A batch's contribution to one key's summary. `sum` is NaN when +Infinity and -Infinity cancel. */
interface Aggregate {
  count: number
  numericCount: number
  sum: number
  min: number | null
  max: number | null
  lastValue: number
  lastStep: number
}

interface SummaryRow {
  key: string
  count: number
  numeric_count: number
  value_sum: number | null
  min_value: number | null
  max_value: number | null
  last_value: number | null
  last_step: number
}

/** SQL conditions for the given parts of a context filter (absent parts match anything). */
function contextConditions(filter: MetricContext | undefined): { sql: string; parameters: string[] } {
  const sql: string[] = []
  const parameters: string[] = []
  if (filter?.taskId !== undefined) {
    sql.push('AND task_id = ?')
    parameters.push(filter.taskId)
  }
  if (filter?.phase !== undefined) {
    sql.push('AND phase = ?')
    parameters.push(filter.phase)
  }
  return { sql: sql.join(' '), parameters }
}

function contextFromColumns(taskId: string, phase: string): MetricContext {
  return { ...(taskId === '' ? {} : { taskId }), ...(phase === '' ? {} : { phase }) }
}

export class Metrics {
  private readonly insertPoint: SqliteStatement
  private readonly deletePoint: SqliteStatement
  private readonly addToSummary: SqliteStatement

  constructor(
    private readonly db: SqliteDatabase,
    private readonly checks: InputChecks
  ) {
    this.insertPoint = db.prepare(
      `INSERT INTO metric_points (run_number, key, task_id, phase, step, value) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (run_number, key, task_id, phase, step) DO NOTHING`
    )
    this.deletePoint = db.prepare('DELETE FROM metric_points WHERE run_number = ? AND key = ? AND task_id = ? AND phase = ? AND step = ?')
    this.addToSummary = db.prepare(
      `INSERT INTO metric_summaries (run_number, key, count, numeric_count, value_sum, min_value, max_value, last_value, last_step)
       VALUES (@run, @key, @count, @numericCount, @sum, @min, @max, @lastValue, @lastStep)
       ON CONFLICT (run_number, key) DO UPDATE SET
         count = count + excluded.count,
         numeric_count = numeric_count + excluded.numeric_count,
         value_sum = value_sum + excluded.value_sum,
         min_value = CASE WHEN min_value IS NULL THEN excluded.min_value WHEN excluded.min_value IS NULL THEN min_value
                          ELSE min(min_value, excluded.min_value) END,
         max_value = CASE WHEN max_value IS NULL THEN excluded.max_value WHEN excluded.max_value IS NULL THEN max_value
                          ELSE max(max_value, excluded.max_value) END,
         last_value = excluded.last_value,
         last_step = excluded.last_step`
    )
  }

  private checkPoint(point: MetricPointInput, i: number): { key: string; taskId: string; phase: string; step: number; value: number } {
    const c = this.checks
    const what = `points[${i}]`
    c.object(what, point)
    const context = point.context === undefined ? {} : c.object<MetricContext>(`${what}.context`, point.context)
    return {
      key: c.string(`${what}.key`, point.key),
      taskId: context.taskId === undefined ? '' : c.string(`${what}.context.taskId`, context.taskId),
      phase: context.phase === undefined ? '' : c.string(`${what}.context.phase`, context.phase),
      step: c.integer(`${what}.step`, point.step),
      value: c.nullableNumber(`${what}.value`, point.value) ?? c.fail(`${what}.value`, 'a number', null)
    }
  }

  /** Records a batch of points in one transaction. */
  record(runNumber: number, points: readonly MetricPointInput[]): void {
    const checked = this.checks.list('points', points).map((point, i) => this.checkPoint(point as MetricPointInput, i))
    this.db
      .transaction(() => {
        const aggregates = new Map<string, Aggregate>()
        const recompute = new Set<string>()
        for (const p of checked) {
          const stored = nullFromNaN(p.value)
          if (this.insertPoint.run(runNumber, p.key, p.taskId, p.phase, p.step, stored).changes === 0) {
            // The point exists: replace it (a new point number, so it is now the last recorded).
            this.deletePoint.run(runNumber, p.key, p.taskId, p.phase, p.step)
            this.insertPoint.run(runNumber, p.key, p.taskId, p.phase, p.step, stored)
            recompute.add(p.key)
            continue
          }
          const a = aggregates.get(p.key) ?? { count: 0, numericCount: 0, sum: 0, min: null, max: null, lastValue: 0, lastStep: 0 }
          a.count += 1
          if (!Number.isNaN(p.value)) {
            a.numericCount += 1
            a.sum += p.value
            a.min = a.min === null ? p.value : Math.min(a.min, p.value)
            a.max = a.max === null ? p.value : Math.max(a.max, p.value)
          }
          a.lastValue = p.value
          a.lastStep = p.step
          aggregates.set(p.key, a)
        }
        for (const [key, a] of aggregates) {
          if (recompute.has(key)) continue
          this.addToSummary.run({ run: runNumber, key, ...a, sum: nullFromNaN(a.sum), lastValue: nullFromNaN(a.lastValue) })
        }
        for (const key of recompute) this.recomputeSummary(runNumber, key)
      })
      .immediate()
  }

  /** Rebuilds one key's summary from its points; removes it when no point is left. */
  private recomputeSummary(runNumber: number, key: string): void {
    const totals = this.db
      .prepare(
        `SELECT count(*) AS count, count(value) AS numericCount, sum(value) AS sum, min(value) AS min, max(value) AS max
         FROM metric_points WHERE run_number = ? AND key = ?`
      )
      .get(runNumber, key) as { count: number; numericCount: number; sum: number | null; min: number | null; max: number | null }
    this.db.prepare('DELETE FROM metric_summaries WHERE run_number = ? AND key = ?').run(runNumber, key)
    if (totals.count === 0) return
    const last = this.db
      .prepare('SELECT value, step FROM metric_points WHERE run_number = ? AND key = ? ORDER BY point_number DESC LIMIT 1')
      .get(runNumber, key) as { value: number | null; step: number }
    this.addToSummary.run({ run: runNumber, key, ...totals, lastValue: last.value, lastStep: last.step })
  }

  /**
   * Deletes the points of a run matching the filter (e.g. one task, before it is run again). Like every
   * write transaction of the log it begins IMMEDIATE: a deferred one that reads first fails at once with
   * SQLITE_BUSY (no busy wait) when another process wrote in between, which failed parallel runs.
   */
  clear(runNumber: number, filter: MetricContext | undefined): void {
    const where = contextConditions(filter)
    this.db
      .transaction(() => {
        const keys = this.db
          .prepare(`SELECT DISTINCT key FROM metric_points WHERE run_number = ? ${where.sql}`)
          .pluck()
          .all(runNumber, ...where.parameters) as string[]
        this.db.prepare(`DELETE FROM metric_points WHERE run_number = ? ${where.sql}`).run(runNumber, ...where.parameters)
        for (const key of keys) this.recomputeSummary(runNumber, key)
      })
      .immediate()
  }

  /** Points of one key, in (task, phase, step) order; the filter's given parts must match. */
  series(runNumber: number, key: string, filter: MetricContext | undefined): MetricPoint[] {
    const where = contextConditions(filter)
    const rows = this.db
      .prepare(
        `SELECT task_id, phase, step, value FROM metric_points WHERE run_number = ? AND key = ? ${where.sql} ORDER BY task_id, phase, step`
      )
      .all(runNumber, this.checks.string('key', key), ...where.parameters) as {
      task_id: string
      phase: string
      step: number
      value: number | null
    }[]
    return rows.map((row) => ({ context: contextFromColumns(row.task_id, row.phase), step: row.step, value: nanFromNull(row.value) }))
  }

  /** Per step, over the matching contexts: count, mean, min, max (NaN values left out of the last three). */
  stepStatistics(runNumber: number, key: string, filter: MetricContext | undefined): MetricStepStatistics[] {
    const where = contextConditions(filter)
    return this.db
      .prepare(
        `SELECT step, count(*) AS count, avg(value) AS mean, min(value) AS min, max(value) AS max
         FROM metric_points WHERE run_number = ? AND key = ? ${where.sql} GROUP BY step ORDER BY step`
      )
      .all(runNumber, this.checks.string('key', key), ...where.parameters) as MetricStepStatistics[]
  }

  summaries(runNumber: number): MetricSummary[] {
    const rows = this.db.prepare('SELECT * FROM metric_summaries WHERE run_number = ? ORDER BY key').all(runNumber) as SummaryRow[]
    return rows.map((row) => ({
      key: row.key,
      count: row.count,
      last: nanFromNull(row.last_value),
      lastStep: row.last_step,
      min: row.min_value,
      max: row.max_value,
      mean: row.numeric_count === 0 ? null : nanFromNull(row.value_sum) / row.numeric_count
    }))
  }
}
