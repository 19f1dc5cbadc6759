// Chart data of the Compare view: loss curves aligned by step and per-run task times.
import { describe, expect, it } from 'vitest'
import type { TaskOutcome } from '../../main/api/runs-contract'
import { curveOfPoints, meanBand, tasksWithTraining } from '../../renderer/src/analysis/loss-curves'
import { taskTimesByRun } from '../../renderer/src/analysis/task-times'

describe('loss curves', () => {
  it('orders a task curve by step and turns a NaN loss into a gap', () => {
    const points = [{ context: { taskId: 't' }, step: 2, value: 0.5 }, { context: { taskId: 't' }, step: 1, value: Number.NaN }, { context: { taskId: 't' }, step: 0, value: 1.5 }]
    expect(curveOfPoints(points)).toEqual([[0, 1.5], [1, null], [2, 0.5]])
  })

  it('gives the mean and a min-max band as lower edge plus height', () => {
    const band = meanBand([
      { step: 1, count: 2, mean: 1, min: 0.5, max: 1.5 },
      { step: 0, count: 3, mean: 2, min: 1, max: 4 },
      { step: 2, count: 1, mean: null, min: null, max: null }
    ])
    expect(band.mean).toEqual([[0, 2], [1, 1], [2, null]])
    expect(band.lower).toEqual([[0, 1], [1, 0.5], [2, null]])
    expect(band.height).toEqual([[0, 3], [1, 1], [2, null]])
    expect(band.tasks).toBe(3)
  })
})

describe('task times', () => {
  const o = (runId: string, taskId: string, status: 'done' | 'skipped', totalSeconds: number, tttSteps = 4): TaskOutcome => ({
    runId, taskId, status, officialScore: 0, allOrNothing: 0, totalSeconds, tttSteps, finalLoss: null, solvedBy: null
  })
  const outcomes = [o('a', 't1', 'done', 10), o('a', 't2', 'done', 30), o('a', 't3', 'skipped', 0.01, 0), o('b', 't1', 'done', 5, 0)]

  it('collects the done tasks of each run with their box statistics', () => {
    const times = taskTimesByRun(['a', 'b', 'c'], outcomes)
    expect(times.map((t) => t.seconds)).toEqual([[10, 30], [5], []])
    expect(times[0]!.box).toMatchObject({ median: 20, min: 10, max: 30, mean: 20 })
    expect(times[2]!.box).toBeNull()
  })

  it('lists the tasks that had training in any run', () => {
    expect(tasksWithTraining(outcomes)).toEqual(['t1', 't2'])
  })
})
