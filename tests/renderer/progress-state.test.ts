// The Adapt view's live progress: host events reduced to the state the view shows.
import { describe, expect, it } from 'vitest'
import type { HostEvent } from '../../main/api/runs-contract'
import {
  formatDuration,
  initialProgress,
  mergeRows,
  progressFraction,
  progressFromRecord,
  progressFromSnapshot,
  progressText,
  reduceProgress,
  remainingSeconds,
  rowsFromResults,
  type RunProgress
} from '../../renderer/src/adapt/progress-state'
import type { TaskResultRecord } from '../../main/engine/store/types'

const reduceAll = (events: readonly HostEvent[], start: RunProgress = initialProgress('r1'), now = 0): RunProgress => events.reduce((s, e) => reduceProgress(s, e, now), start)

const step = (taskId: string, n: number, loss: number): HostEvent => ({ kind: 'step', runId: 'r1', taskId, step: n, totalSteps: 3, loss, learningRate: 1e-3, tokensPerSecond: 100 })

describe('reduceProgress', () => {
  it('follows a run from start to finish', () => {
    const events: HostEvent[] = [
      { kind: 'run-started', runId: 'r1', total: 2, alreadyDone: 0 },
      { kind: 'task-started', runId: 'r1', taskId: 'a', index: 0, total: 2 },
      { kind: 'phase', runId: 'r1', taskId: 'a', phase: 'ttt-data' },
      { kind: 'phase', runId: 'r1', taskId: 'a', phase: 'ttt' },
      step('a', 1, 2.5),
      step('a', 2, 2.0)
    ]
    const mid = reduceAll(events)
    expect(mid).toMatchObject({ status: 'running', total: 2, done: 0, currentTaskId: 'a', currentIndex: 0, phase: 'ttt', step: 2, totalSteps: 3 })
    expect(mid.loss).toEqual([[1, 2.5], [2, 2.0]])
    expect(progressText(mid)).toBe('task 1 of 2')
    expect(progressFraction(mid)).toBe(0)

    const afterFirst = reduceAll([{ kind: 'task-finished', runId: 'r1', taskId: 'a', index: 0, total: 2, status: 'done', officialScore: 1, seconds: 12, etaSeconds: 12 }], mid, 1000)
    expect(afterFirst.done).toBe(1)
    expect(afterFirst.rows).toEqual([{ taskId: 'a', index: 0, status: 'done', officialScore: 1, seconds: 12 }])
    expect(progressFraction(afterFirst)).toBe(0.5)
    // The estimate counts down from when it was made.
    expect(remainingSeconds(afterFirst, 1000)).toBe(12)
    expect(remainingSeconds(afterFirst, 6000)).toBe(7)
    expect(remainingSeconds(afterFirst, 60_000)).toBe(0)

    const second = reduceAll([{ kind: 'task-started', runId: 'r1', taskId: 'b', index: 1, total: 2 }], afterFirst)
    expect(second.loss).toEqual([])
    expect(progressText(second)).toBe('task 2 of 2')

    const end = reduceAll(
      [
        { kind: 'task-finished', runId: 'r1', taskId: 'b', index: 1, total: 2, status: 'skipped', officialScore: 0, seconds: 1, etaSeconds: 0 },
        { kind: 'run-finished', runId: 'r1', status: 'completed' }
      ],
      second
    )
    expect(end).toMatchObject({ status: 'completed', done: 2, currentTaskId: null, phase: null })
    expect(end.rows.map((r) => r.taskId)).toEqual(['a', 'b'])
    expect(progressText(end)).toBe('2 of 2 tasks done')
    expect(remainingSeconds(end, 0)).toBeNull()
  })

  it('ignores events of other runs', () => {
    const start = reduceAll([{ kind: 'run-started', runId: 'r1', total: 3, alreadyDone: 0 }])
    const other: HostEvent = { kind: 'task-finished', runId: 'r2', taskId: 'x', index: 0, total: 9, status: 'done', officialScore: 1, seconds: 1, etaSeconds: 1 }
    expect(reduceProgress(start, other, 0)).toBe(start)
    expect(reduceProgress(start, { kind: 'host-crashed', message: 'gone', interruptedRunIds: ['r2'] }, 0)).toBe(start)
  })

  it('marks the run interrupted when the host crashes, and live again on resume', () => {
    const running = reduceAll([
      { kind: 'run-started', runId: 'r1', total: 3, alreadyDone: 0 },
      { kind: 'task-started', runId: 'r1', taskId: 'a', index: 0, total: 3 },
      { kind: 'task-finished', runId: 'r1', taskId: 'a', index: 0, total: 3, status: 'done', officialScore: 0, seconds: 4, etaSeconds: 8 }
    ])
    const crashed = reduceProgress(running, { kind: 'host-crashed', message: 'engine process exited with code 134', interruptedRunIds: ['r1'] }, 0)
    expect(crashed).toMatchObject({ status: 'interrupted', message: 'engine process exited with code 134', done: 1 })
    expect(remainingSeconds(crashed, 0)).toBeNull()
    const resumed = reduceProgress(crashed, { kind: 'run-started', runId: 'r1', total: 3, alreadyDone: 1 }, 0)
    expect(resumed).toMatchObject({ status: 'running', message: null, done: 1 })
    expect(resumed.rows).toHaveLength(1)
  })

  it('shows a failure with its message', () => {
    const failed = reduceAll([{ kind: 'run-started', runId: 'r1', total: 1, alreadyDone: 0 }, { kind: 'run-failed', runId: 'r1', message: 'model folder not found' }])
    expect(failed).toMatchObject({ status: 'failed', message: 'model folder not found' })
  })

  it('keeps the loss curve ordered and replaces a re-sent step', () => {
    const s = reduceAll([{ kind: 'task-started', runId: 'r1', taskId: 'a', index: 0, total: 1 }, step('a', 1, 3), step('a', 3, 1), step('a', 2, 2), step('a', 3, 0.5)])
    expect(s.loss).toEqual([[1, 3], [2, 2], [3, 0.5]])
  })

  it('follows the shared adapter, which trains before any task starts', () => {
    const s = reduceAll([{ kind: 'run-started', runId: 'r1', total: 4, alreadyDone: 0 }, { kind: 'phase', runId: 'r1', taskId: '*', phase: 'shared-adapter' }, step('*', 1, 4)])
    expect(s).toMatchObject({ currentTaskId: '*', phase: 'shared-adapter', currentIndex: null })
    expect(s.loss).toEqual([[1, 4]])
    expect(progressText(s)).toBe('0 of 4 tasks done')
  })

  it('does not count a task twice when its result arrives again', () => {
    const finished: HostEvent = { kind: 'task-finished', runId: 'r1', taskId: 'a', index: 0, total: 2, status: 'done', officialScore: 1, seconds: 3, etaSeconds: 3 }
    const s = reduceAll([{ kind: 'run-started', runId: 'r1', total: 2, alreadyDone: 0 }, finished, finished])
    expect(s.done).toBe(1)
    expect(s.rows).toHaveLength(1)
  })
})

describe('snapshots and the log', () => {
  it('starts from the host\'s snapshot', () => {
    const s = progressFromSnapshot(
      { runId: 'r9', name: 'tiny', total: 10, done: 4, currentTaskId: 't5', currentIndex: 4, phase: 'ttt', etaSeconds: 60, currentLoss: [[1, 2], [2, 1.5]], startedAt: '2026-01-01T00:00:00Z' },
      5000
    )
    expect(s).toMatchObject({ runId: 'r9', name: 'tiny', done: 4, step: 2, etaAt: 5000 })
    expect(progressText(s)).toBe('task 5 of 10')
    expect(remainingSeconds(s, 15_000)).toBe(50)
  })

  it('adds the log\'s finished tasks without duplicating rows from events', () => {
    const record = (taskId: string, recordedAt: string): TaskResultRecord => ({ taskId, status: 'done', reason: null, outputs: [], officialScore: 1, allOrNothing: 1, timings: {}, tttSteps: 2, finalLoss: 0.1, candidates: [], totalSeconds: 2, recordedAt })
    const rows = rowsFromResults([record('b', '2026-01-01T00:00:02Z'), record('a', '2026-01-01T00:00:01Z')])
    expect(rows.map((r) => r.taskId)).toEqual(['a', 'b'])
    const s = reduceAll([{ kind: 'task-finished', runId: 'r1', taskId: 'b', index: 1, total: 3, status: 'done', officialScore: 0, seconds: 9, etaSeconds: 9 }])
    const merged = mergeRows(s, rows)
    expect(merged.rows.map((r) => [r.taskId, r.seconds])).toEqual([['a', 2], ['b', 9]])
  })

  it('formats durations', () => {
    expect(formatDuration(42.4)).toBe('42 s')
    expect(formatDuration(185)).toBe('3 min 05 s')
    expect(formatDuration(7620)).toBe('2 h 07 min')
  })
})

describe('a run the host is not executing', () => {
  it('takes its status and rows from the log', () => {
    const rows = [{ taskId: 'a', index: null, status: 'done' as const, officialScore: 1, seconds: 3 }]
    const interrupted = progressFromRecord({ id: 'r3', name: 'n', status: 'interrupted', statusMessage: 'engine exited' }, rows)
    expect(interrupted).toMatchObject({ status: 'interrupted', message: 'engine exited', done: 1, total: 0 })
    expect(progressText(interrupted)).toBe('1 task done')
    const completed = progressFromRecord({ id: 'r3', name: 'n', status: 'completed', statusMessage: null }, rows)
    expect(progressText(completed)).toBe('1 of 1 task done')
    expect(progressFraction(completed)).toBe(1)
  })
})
