// The Compare view's tasks x runs matrix, its filters and sorts, and per-run accuracy, on a
// hand-made case of three runs (the first is the baseline) and six tasks.
import { describe, expect, it } from 'vitest'
import type { TaskOutcome } from '../../main/api/runs-contract'
import { compareAccuracy } from '../../main/engine/analysis/accuracy'
import { compareLevels } from '../../renderer/src/analysis/levels'
import { buildOutcomeMatrix, countByFilter, matchesMatrixFilter, sortMatrixRows, type MatrixFilter } from '../../renderer/src/analysis/outcome-matrix'

function outcome(runId: string, taskId: string, result: 'solved' | 'wrong' | 'skipped' | 'unscored', official?: number): TaskOutcome {
  const scored = result !== 'unscored'
  return {
    runId,
    taskId,
    status: result === 'skipped' ? 'skipped' : 'done',
    officialScore: scored ? (official ?? (result === 'solved' ? 1 : 0)) : null,
    allOrNothing: scored ? (result === 'solved' ? 1 : 0) : null,
    totalSeconds: 10,
    tttSteps: 5,
    finalLoss: 0.5,
    // Run c is an ensemble whose right attempts came from the search; the others are TTT runs.
    solvedBy: result === 'solved' ? (runId === 'c' ? 'search' : 'ttt') : null
  }
}

const runs = ['base', 'b', 'c']
// t1: all solve · t2: base solves, b breaks, c solves · t3: base wrong, c solves · t4: nobody
// t5: base skipped, b solved, c lacks it · t6: no ground truth anywhere
const outcomes: TaskOutcome[] = [
  outcome('base', 't1', 'solved'), outcome('b', 't1', 'solved'), outcome('c', 't1', 'solved'),
  outcome('base', 't2', 'solved'), outcome('b', 't2', 'wrong', 0.5), outcome('c', 't2', 'solved'),
  outcome('base', 't3', 'wrong'), outcome('b', 't3', 'wrong'), outcome('c', 't3', 'solved'),
  outcome('base', 't4', 'wrong'), outcome('b', 't4', 'skipped'), outcome('c', 't4', 'wrong'),
  outcome('base', 't5', 'skipped'), outcome('b', 't5', 'solved'),
  outcome('base', 't6', 'unscored'), outcome('b', 't6', 'unscored'), outcome('c', 't6', 'unscored')
]
const levels = { t1: 'hard', t2: 'easy', t3: 'expert', t5: 'medium' }
const rows = buildOutcomeMatrix(runs, outcomes, levels)
const shown = (filter: MatrixFilter): string[] => rows.filter((r) => matchesMatrixFilter(r, filter)).map((r) => r.taskId)

describe('outcome matrix', () => {
  it('keeps, per solved cell, which solver the right attempts came from', () => {
    expect(rows.find((r) => r.taskId === 't2')!.solvedBy).toEqual(['ttt', null, 'search'])
  })

  it('has one row per task and one cell per run, in the runs order', () => {
    expect(rows.map((r) => [r.taskId, r.cells.join(' '), r.solvedCount, r.level])).toEqual([
      ['t1', 'solved solved solved', 3, 'hard'],
      ['t2', 'solved wrong solved', 2, 'easy'],
      ['t3', 'wrong wrong solved', 1, 'expert'],
      ['t4', 'wrong skipped wrong', 0, null],
      ['t5', 'skipped solved missing', 1, 'medium'],
      ['t6', 'unscored unscored unscored', 0, null]
    ])
  })

  it('filters newly solved, newly broken, solved by none and solved by all', () => {
    expect(shown('all')).toEqual(['t1', 't2', 't3', 't4', 't5', 't6'])
    expect(shown('newly-solved')).toEqual(['t3', 't5'])
    expect(shown('newly-broken')).toEqual(['t2'])
    expect(shown('solved-by-none')).toEqual(['t4'])
    expect(shown('solved-by-all')).toEqual(['t1'])
    expect(countByFilter(rows)).toEqual({ all: 6, 'newly-solved': 2, 'newly-broken': 1, 'solved-by-none': 1, 'solved-by-all': 1 })
  })

  it('sorts by level (tasks without one last), by solved count, and by id', () => {
    expect(sortMatrixRows(rows, 'level').map((r) => r.taskId)).toEqual(['t2', 't5', 't1', 't3', 't4', 't6'])
    expect(sortMatrixRows(rows, 'level', true).map((r) => r.taskId)).toEqual(['t3', 't1', 't5', 't2', 't4', 't6'])
    expect(sortMatrixRows(rows, 'solved', true).map((r) => r.taskId)).toEqual(['t1', 't2', 't3', 't5', 't4', 't6'])
    expect(sortMatrixRows(rows, 'task', true).map((r) => r.taskId)).toEqual(['t6', 't5', 't4', 't3', 't2', 't1'])
  })

  it('orders named, numeric and other levels', () => {
    expect(['hard', '2', 'Easy', 'zeta', '10', 'expert', 'alpha', 'medium'].sort(compareLevels)).toEqual(['Easy', 'medium', 'hard', 'expert', '2', '10', 'alpha', 'zeta'])
  })
})

describe('compareAccuracy', () => {
  const rowsOf = compareAccuracy(runs, outcomes, { seed: 3, resamples: 500 })

  it('gives both conventions over the scored tasks, with intervals around the means', () => {
    const [base, b, c] = rowsOf
    expect(base!.scored).toBe(5)
    expect(base!.solved).toBe(2)
    expect(base!.allOrNothing!.mean).toBeCloseTo(2 / 5, 12)
    expect(b!.official!.mean).toBeCloseTo((1 + 0.5 + 0 + 0 + 1) / 5, 12)
    expect(b!.allOrNothing!.mean).toBeCloseTo(2 / 5, 12)
    expect(c!.scored).toBe(4)
    expect(c!.allOrNothing!.mean).toBeCloseTo(3 / 4, 12)
    for (const row of rowsOf) {
      for (const interval of [row.official!, row.allOrNothing!]) {
        expect(interval.low).toBeLessThanOrEqual(interval.mean)
        expect(interval.high).toBeGreaterThanOrEqual(interval.mean)
      }
    }
  })

  it('tests each run against the baseline on the common scored tasks', () => {
    expect(rowsOf[0]!.versusBaseline).toBeNull()
    // b vs base on t1..t5: t2 broken (b=1), t5 newly solved (c=1).
    expect(rowsOf[1]!.versusBaseline).toEqual({ common: 5, b: 1, c: 1, p: 1 })
    // c vs base on t1..t4 (c lacks t5): t3 newly solved.
    expect(rowsOf[2]!.versusBaseline).toEqual({ common: 4, b: 0, c: 1, p: 1 })
  })

  it("keeps a run's interval when the runs beside it change", () => {
    const alone = compareAccuracy(['c'], outcomes, { seed: 3, resamples: 500 })
    expect(alone[0]!.allOrNothing).toEqual(rowsOf[2]!.allOrNothing)
  })
})
