// Exact match, two attempts, and both task-score conventions (recipe section 9).
import { describe, expect, it } from 'vitest'
import { makeGrid } from '../../../main/engine/arc/grid'
import type { Grid, Task } from '../../../main/engine/arc/types'
import { NO_ANSWER_GRID, scoreSubmission, scoreTask, submissionEntry, type Submission } from '../../../main/engine/scoring'

const g = (rows: number[][]): Grid => makeGrid(rows)
const demo = { input: g([[0]]), output: g([[0]]) }

function task(id: string, outputs: (Grid | undefined)[]): Task {
  return { id, train: [demo], test: outputs.map((output) => (output ? { input: g([[5]]), output } : { input: g([[5]]) })) }
}

const X = g([[1, 2], [3, 4]])
const Y = g([[7]])

describe('scoreTask', () => {
  it('needs the same shape and every cell', () => {
    const t = task('t', [X])
    expect(scoreTask(t, [submissionEntry([X])]).solvedOutputs).toBe(1)
    expect(scoreTask(t, [submissionEntry([g([[1, 2], [3, 5]])])]).solvedOutputs).toBe(0) // one cell differs
    expect(scoreTask(t, [submissionEntry([g([[1, 2]])])]).solvedOutputs).toBe(0) // a prefix of the rows
    expect(scoreTask(t, [submissionEntry([g([[1, 2, 0], [3, 4, 0]])])]).solvedOutputs).toBe(0) // wider
  })

  it('counts attempt 2, and names the first attempt that matches', () => {
    const t = task('t', [X])
    expect(scoreTask(t, [submissionEntry([Y, X])]).outputs).toEqual([{ index: 0, solved: true, solvedBy: 'attempt_2', answered: true }])
    expect(scoreTask(t, [submissionEntry([X, X])]).outputs[0]!.solvedBy).toBe('attempt_1')
  })

  it('scores a half-solved two-output task 0.5 officially and 0 all-or-nothing', () => {
    const score = scoreTask(task('t', [X, Y]), [submissionEntry([X]), submissionEntry([X])])
    expect(score).toMatchObject({ solvedOutputs: 1, official: 0.5, allOrNothing: 0, missing: false })
  })

  it('counts a missing task or a missing entry as unsolved', () => {
    expect(scoreTask(task('t', [X]), undefined)).toMatchObject({ missing: true, official: 0, allOrNothing: 0, outputs: [{ index: 0, solved: false, solvedBy: null, answered: false }] })
    expect(scoreTask(task('t', [X, Y]), [submissionEntry([X])])).toMatchObject({ official: 0.5, outputs: [{ answered: true }, { answered: false }] })
  })

  it('scores only the test pairs that have an output', () => {
    const score = scoreTask(task('t', [undefined, Y]), [submissionEntry([Y]), submissionEntry([Y])])
    expect(score.outputs.map((o) => o.index)).toEqual([1])
    expect(score).toMatchObject({ official: 1, allOrNothing: 1 })
  })

  it('compares the [[0]] placeholder like any grid', () => {
    expect(scoreTask(task('t', [g([[0]])]), [submissionEntry([])]).official).toBe(1)
  })
})

describe('scoreSubmission', () => {
  const tasks = [task('d', [X]), task('a', [X]), task('c', [X, Y]), task('b', [Y]), task('e', [undefined])]

  it('totals both conventions over the tasks with test outputs, in id order', () => {
    const submission: Submission = new Map([
      ['a', [submissionEntry([X])]], // solved by attempt 1
      ['b', [submissionEntry([X, Y])]], // solved by attempt 2
      ['c', [submissionEntry([X]), submissionEntry([X])]], // half solved
      ['e', [submissionEntry([Y])]], // no test output: not scored
      ['zzz', [submissionEntry([Y])]] // not a task: ignored
    ]) // d missing
    const score = scoreSubmission(tasks, submission)
    expect(score.tasks.map((t) => [t.taskId, t.official, t.allOrNothing])).toEqual([
      ['a', 1, 1],
      ['b', 1, 1],
      ['c', 0.5, 0],
      ['d', 0, 0]
    ])
    expect(score).toMatchObject({
      taskCount: 4,
      officialSolved: 2.5,
      official: 0.625,
      allOrNothingSolved: 2,
      allOrNothing: 0.5,
      missingTaskIds: ['d'],
      unscoredTaskIds: ['e']
    })
  })

  it('gives 0 for an empty submission and for no task', () => {
    expect(scoreSubmission(tasks, new Map())).toMatchObject({ taskCount: 4, official: 0, allOrNothing: 0, missingTaskIds: ['a', 'b', 'c', 'd'] })
    expect(scoreSubmission([], new Map())).toMatchObject({ taskCount: 0, official: 0, allOrNothing: 0 })
  })

  it('uses the [[0]] placeholder for missing attempts', () => {
    expect(submissionEntry([X])).toEqual({ attempt_1: X, attempt_2: NO_ANSWER_GRID })
  })
})
