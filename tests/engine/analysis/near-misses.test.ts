import { describe, expect, it } from 'vitest'
import { cellAgreement, datasetTruth, runNearMisses, summarizeNearMisses } from '../../../main/engine/analysis/near-misses'
import { doneTask, g } from '../store/store-fixtures'

describe('near misses of first attempts', () => {
  it('counts right-size attempts and averages their right cells', () => {
    const truth = [[1, 2], [3, 4]]
    const summary = summarizeNearMisses([
      { attempt: [[1, 2], [3, 0]], candidates: [[[1, 2], [3, 0]]], truth }, // right size, 3 of 4 cells
      { attempt: [[1, 2], [3, 4]], candidates: [[[1, 2], [3, 4]]], truth, solvedBy: ['search', 'ttt'] }, // exact, from both solvers
      { attempt: [[1, 2, 3]], candidates: [[[1, 2, 3]], [[1, 2], [3, 4]]], truth }, // wrong size; the truth is a later candidate
      { attempt: undefined, candidates: [], truth } // no attempt
    ])
    const solved = { solved: 1, solvedFrom: { search: 0, ttt: 0, both: 1 } }
    expect(summary).toEqual({ outputs: 4, rightShape: 2, cellAccuracy: (0.75 + 1) / 2, rightCandidate: 2, ...solved })
  })

  it('has no cell accuracy without a right-size attempt', () => {
    expect(summarizeNearMisses([{ attempt: [[1]], candidates: [[[1]], [[1, 1, 1]]], truth: [[1, 1]] }])).toEqual({
      outputs: 1, rightShape: 0, cellAccuracy: null, rightCandidate: 0, solved: 0, solvedFrom: { search: 0, ttt: 0, both: 0 }
    })
    expect(cellAgreement([[5, 5, 5]], [[5, 0, 5]])).toBeCloseTo(2 / 3)
  })

  it('counts a run\'s test outputs against a dataset\'s truth, leaving out unknown outputs and other tasks', () => {
    const truth = datasetTruth({
      entries: [
        { id: 'a', task: { id: 'a', train: [], test: [{ input: g([[0]]), output: g([[1, 2], [3, 4]]) }, { input: g([[0]]) }] } },
        { id: 'broken' }
      ]
    })
    expect([...truth.keys()]).toEqual(['a'])
    // doneTask: one output, first attempt [[1,2],[3,4]]; candidates [[1,2],[3,4]] and [[5]].
    const results = [{ ...doneTask('a'), reason: null, totalSeconds: 1, recordedAt: '' }, { ...doneTask('not-in-dataset'), reason: null, totalSeconds: 1, recordedAt: '' }]
    const solved = { solved: 1, solvedFrom: { search: 0, ttt: 1, both: 0 } }
    expect(runNearMisses(results, truth)).toEqual({ outputs: 1, rightShape: 1, cellAccuracy: 1, rightCandidate: 1, ...solved })
  })

  it('splits solved outputs of a pooled run by the solver whose candidate was right', () => {
    const truthGrid = g([[1, 2], [3, 4]])
    const task = (id: string) => ({ id, entry: { id, task: { id, train: [], test: [{ input: g([[0]]), output: truthGrid }] } } })
    const truth = datasetTruth({ entries: ['s', 'b', 'wrong'].map((id) => task(id).entry) })
    const searchCandidate = { testIndex: 0, grid: truthGrid, transforms: [], promptIds: [], votes: 0, score: null, source: 'search' as const, program: 'x' }
    const tttCandidate = { ...searchCandidate, source: 'ttt' as const, program: null }
    const result = (id: string, attempt: number[][], candidates: (typeof searchCandidate | typeof tttCandidate)[]) => ({
      ...doneTask(id, { outputs: [{ testIndex: 0, attempts: [g(attempt)], correct: null, provenance: null }], candidates }),
      reason: null, totalSeconds: 1, recordedAt: ''
    })
    const results = [
      result('s', [[1, 2], [3, 4]], [searchCandidate]),
      result('b', [[1, 2], [3, 4]], [searchCandidate, tttCandidate]),
      result('wrong', [[9]], [tttCandidate])
    ]
    expect(runNearMisses(results, truth)).toMatchObject({ outputs: 3, rightCandidate: 3, solved: 2, solvedFrom: { search: 1, ttt: 0, both: 1 } })
  })
})
