// Metric series and their incrementally kept summaries, checked against a direct computation.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ExperimentLog, type MetricPointInput, type MetricSummary } from '../../../main/engine/store'
import { newRun, removeTemporaryFolders, temporaryFolder } from './store-fixtures'

afterAll(removeTemporaryFolders)

function openLogWithRun(): { log: ExperimentLog; runId: string } {
  const log = ExperimentLog.open(join(temporaryFolder(), 'experiments.sqlite'))
  return { log, runId: log.createRun(newRun()) }
}

/** The summary of one key computed directly from the points as recorded (later replaces earlier). */
function directSummary(key: string, recorded: readonly MetricPointInput[]): MetricSummary {
  const latest = new Map<string, { order: number; step: number; value: number }>()
  recorded.forEach((p, order) => {
    if (p.key !== key) return
    const id = `${p.context?.taskId ?? ''}|${p.context?.phase ?? ''}|${p.step}`
    latest.delete(id)
    latest.set(id, { order, step: p.step, value: p.value })
  })
  const points = [...latest.values()].sort((a, b) => a.order - b.order)
  const numeric = points.map((p) => p.value).filter((v) => !Number.isNaN(v))
  const last = points[points.length - 1]!
  return {
    key,
    count: points.length,
    last: last.value,
    lastStep: last.step,
    min: numeric.length === 0 ? null : Math.min(...numeric),
    max: numeric.length === 0 ? null : Math.max(...numeric),
    mean: numeric.length === 0 ? null : numeric.reduce((s, v) => s + v, 0) / numeric.length
  }
}

/** A deterministic pseudo-random sequence (an LCG), so a failure can be replayed. */
function lcg(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32
    return state / 2 ** 32
  }
}

function expectSummariesClose(actual: readonly MetricSummary[], expected: readonly MetricSummary[]): void {
  expect(actual.map((s) => s.key)).toEqual(expected.map((s) => s.key))
  actual.forEach((summary, i) => {
    const want = expected[i]!
    expect({ ...summary, mean: null }).toEqual({ ...want, mean: null })
    if (want.mean === null) expect(summary.mean).toBeNull()
    else expect(summary.mean).toBeCloseTo(want.mean, 10)
  })
}

describe('metrics', () => {
  it('keeps per-key summaries equal to a direct computation over several batches, NaN included', () => {
    const { log, runId } = openLogWithRun()
    const random = lcg(7)
    const recorded: MetricPointInput[] = []
    for (let batch = 0; batch < 5; batch += 1) {
      const points: MetricPointInput[] = []
      for (let task = 0; task < 3; task += 1) {
        for (let step = batch * 10; step < batch * 10 + 10; step += 1) {
          const context = { taskId: `task-${task}`, phase: 'ttt' }
          points.push({ key: 'ttt/loss', context, step, value: random() * 4 - 1 })
          points.push({ key: 'ttt/learning-rate', context, step, value: step === 3 ? Number.NaN : 1e-4 * random() })
        }
      }
      points.push({ key: 'inference/seconds', step: batch, value: random() * 10 })
      log.recordMetrics(runId, points)
      recorded.push(...points)
    }
    const keys = ['inference/seconds', 'ttt/learning-rate', 'ttt/loss']
    expectSummariesClose(log.metricSummaries(runId), keys.map((key) => directSummary(key, recorded)))
    expect(log.metricSummaries(runId).find((s) => s.key === 'ttt/loss')!.count).toBe(150)
    log.close()
  })

  it('a key whose only values are NaN has no min, max or mean', () => {
    const { log, runId } = openLogWithRun()
    log.recordMetrics(runId, [{ key: 'grad-norm', step: 0, value: Number.NaN }])
    expect(log.metricSummaries(runId)).toEqual([{ key: 'grad-norm', count: 1, last: Number.NaN, lastStep: 0, min: null, max: null, mean: null }])
    expect(log.metricSeries(runId, 'grad-norm')[0]!.value).toBeNaN()
    log.close()
  })

  it('re-recording a point replaces it and the summary follows', () => {
    const { log, runId } = openLogWithRun()
    const context = { taskId: 't1', phase: 'ttt' }
    const first: MetricPointInput[] = [0, 1, 2].map((step) => ({ key: 'ttt/loss', context, step, value: 10 - step }))
    const again: MetricPointInput[] = [
      { key: 'ttt/loss', context, step: 1, value: 0.5 },
      { key: 'ttt/loss', context, step: 1, value: 0.25 }
    ]
    log.recordMetrics(runId, first)
    log.recordMetrics(runId, again)
    expect(log.metricSeries(runId, 'ttt/loss', context).map((p) => [p.step, p.value])).toEqual([[0, 10], [1, 0.25], [2, 8]])
    expectSummariesClose(log.metricSummaries(runId), [directSummary('ttt/loss', [...first, ...again])])
    expect(log.metricSummaries(runId)[0]).toMatchObject({ count: 3, last: 0.25, lastStep: 1, min: 0.25, max: 10 })
    log.close()
  })

  it('returns series by context, statistics per step over tasks, and clears one task', () => {
    const { log, runId } = openLogWithRun()
    const points: MetricPointInput[] = []
    for (const [taskId, offset] of [['a', 0], ['b', 2]] as const) {
      for (const step of [0, 1, 2]) points.push({ key: 'ttt/loss', context: { taskId, phase: 'ttt' }, step, value: offset + step })
    }
    points.push({ key: 'ttt/loss', context: { taskId: 'b', phase: 'extra' }, step: 3, value: 100 })
    points.push({ key: 'run/tasks-per-hour', step: 0, value: 12 })
    log.recordMetrics(runId, points)
    expect(log.metricSeries(runId, 'ttt/loss', { taskId: 'a' })).toEqual([0, 1, 2].map((step) => ({ context: { taskId: 'a', phase: 'ttt' }, step, value: step })))
    expect(log.metricSeries(runId, 'ttt/loss', { phase: 'extra' })).toEqual([{ context: { taskId: 'b', phase: 'extra' }, step: 3, value: 100 }])
    expect(log.metricSeries(runId, 'run/tasks-per-hour')).toEqual([{ context: {}, step: 0, value: 12 }])
    expect(log.metricSeries(runId, 'ttt/loss')).toHaveLength(7)
    expect(log.metricStepStatistics(runId, 'ttt/loss', { phase: 'ttt' })).toEqual([
      { step: 0, count: 2, mean: 1, min: 0, max: 2 },
      { step: 1, count: 2, mean: 2, min: 1, max: 3 },
      { step: 2, count: 2, mean: 3, min: 2, max: 4 }
    ])
    log.clearMetrics(runId, { taskId: 'b' })
    expect(log.metricSeries(runId, 'ttt/loss').map((p) => p.context.taskId)).toEqual(['a', 'a', 'a'])
    expect(log.metricSummaries(runId)).toEqual([
      { key: 'run/tasks-per-hour', count: 1, last: 12, lastStep: 0, min: 12, max: 12, mean: 12 },
      { key: 'ttt/loss', count: 3, last: 2, lastStep: 2, min: 0, max: 2, mean: 1 }
    ])
    log.clearMetrics(runId)
    expect(log.metricSummaries(runId)).toEqual([])
    log.close()
  })

  it('refuses a bad point, naming it, and records nothing of its batch', () => {
    const { log, runId } = openLogWithRun()
    const batch = [
      { key: 'ttt/loss', step: 0, value: 1 },
      { key: 'ttt/loss', step: 1.5, value: 1 }
    ]
    expect(() => log.recordMetrics(runId, batch)).toThrow(/points\[1\]\.step must be an integer/)
    expect(log.metricSummaries(runId)).toEqual([])
    expect(() => log.recordMetrics('run-missing', [])).toThrow(expect.objectContaining({ code: 'unknown-run' }))
    log.close()
  })

  it('records a large batch quickly (one transaction, prepared statements)', () => {
    const { log, runId } = openLogWithRun()
    const points: MetricPointInput[] = Array.from({ length: 50_000 }, (_, i) => ({ key: 'ttt/loss', context: { taskId: `t${i % 100}`, phase: 'ttt' }, step: Math.floor(i / 100), value: i }))
    const started = performance.now()
    log.recordMetrics(runId, points)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(log.metricSummaries(runId)[0]).toMatchObject({ count: 50_000, last: 49_999, min: 0, max: 49_999 })
    log.close()
  })
})
