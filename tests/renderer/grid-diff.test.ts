// The Task detail view's cell diff and provenance summary, with known answers.
import { describe, expect, it } from 'vitest'
import type { CandidateRecord } from '../../main/engine/store/types'
import { describeDiff, diffGrids, isExactMatch, mismatchIndices } from '../../renderer/src/detail/grid-diff'
import { readProvenance, summariseCandidates } from '../../renderer/src/detail/provenance'
import { neighbourTask, taskOrder } from '../../renderer/src/detail/task-navigation'

describe('diffGrids', () => {
  it('finds the one differing cell of two 2x2 grids', () => {
    const diff = diffGrids([[1, 0], [3, 4]], [[1, 2], [3, 4]])
    expect(diff).toEqual({ kind: 'same-shape', size: { height: 2, width: 2 }, cells: 4, mismatches: [{ row: 0, column: 1, predicted: 0, expected: 2 }] })
    expect(describeDiff(diff)).toBe('1 of 4 cells differs')
    expect([...mismatchIndices(diff)]).toEqual([1])
    expect(isExactMatch(diff)).toBe(false)
  })

  it('reports a shape mismatch with both sizes and no cells', () => {
    const diff = diffGrids([[1, 2], [3, 4]], [[1, 2, 3], [4, 5, 6]])
    expect(diff).toEqual({ kind: 'shape-mismatch', predicted: { height: 2, width: 2 }, expected: { height: 2, width: 3 } })
    expect(describeDiff(diff)).toBe('shape differs: 2x2 vs 2x3')
    expect(mismatchIndices(diff).size).toBe(0)
    expect(describeDiff(diffGrids([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]))).toBe('shape differs: 3x4 vs 4x4')
  })

  it('gives zero mismatches for identical grids', () => {
    const diff = diffGrids([[5, 6, 7]], [[5, 6, 7]])
    expect(diff.kind === 'same-shape' && diff.mismatches.length).toBe(0)
    expect(isExactMatch(diff)).toBe(true)
    expect(describeDiff(diff)).toBe('exact match')
  })

  it('lists mismatches in row-major order with flat indices', () => {
    const diff = diffGrids([[9, 1, 1], [1, 1, 9]], [[1, 1, 1], [1, 1, 1]])
    expect(diff.kind === 'same-shape' && diff.mismatches.map((m) => [m.row, m.column])).toEqual([[0, 0], [1, 2]])
    expect([...mismatchIndices(diff)]).toEqual([0, 5])
    expect(describeDiff(diff)).toBe('2 of 6 cells differ')
  })
})

describe('provenance', () => {
  const raw = {
    method: 'hierarchical',
    prompts: 12,
    undecodable: { 'unterminated row': 1, 'ragged rows': 3 },
    attempts: [
      { votes: 5, transforms: ['identity', 'transpose'], promptIds: ['p0', 'p3'], groupVotes: [{ group: 'all', predictions: 6, poolVotes: 3 }, { group: 'identity', predictions: 2, poolVotes: 2 }] },
      { votes: 2, transforms: ['rotate-90'], promptIds: ['p7'] }
    ],
    reason: null
  }

  it('reads the runner\'s provenance, most frequent undecodable reason first', () => {
    const p = readProvenance(raw)
    expect(p.method).toBe('hierarchical')
    expect(p.prompts).toBe(12)
    expect(p.undecodable).toEqual([{ reason: 'ragged rows', count: 3 }, { reason: 'unterminated row', count: 1 }])
    expect(p.attempts.map((a) => [a.rank, a.votes, a.transforms.length, a.groupVotes.length])).toEqual([[1, 5, 2, 2], [2, 2, 1, 0]])
  })

  it('survives provenance of an unknown shape', () => {
    expect(readProvenance(null)).toEqual({ method: null, prompts: null, undecodable: [], attempts: [], reason: null })
    expect(readProvenance({ method: 3, attempts: [{ votes: 'x', transforms: [1, 'flip'] }] }).attempts).toEqual([
      { rank: 1, votes: null, transforms: ['flip'], promptIds: [], groupVotes: [], program: null, demosExplained: null, demos: null }
    ])
  })

  it('reads the program behind a search attempt and candidate', () => {
    const search = { method: 'search', attempts: [{ program: 'crop(x)', demosExplained: 3, demos: 3, depth: 1 }], reason: null }
    expect(readProvenance(search).attempts[0]).toMatchObject({ rank: 1, program: 'crop(x)', demosExplained: 3, demos: 3 })
    const candidate: CandidateRecord = { testIndex: 0, grid: [[1]], transforms: [], promptIds: [], votes: 0, score: null, source: 'search', program: 'crop(x)', demosExplained: 2, demos: 3 }
    expect(summariseCandidates([candidate], { testIndex: 0, attempts: [[[1]]] }, [[1]])[0]).toMatchObject({ source: 'search', program: 'crop(x)', demosExplained: 2, attemptRank: 1, correct: true })
  })

  it('puts the attempts first, then the other candidates by votes, each marked against the truth', () => {
    const grid = (v: number) => [[v]]
    const candidates: CandidateRecord[] = [
      { testIndex: 0, grid: grid(1), transforms: ['identity'], promptIds: ['a', 'a', 'b'], votes: 3, score: null },
      { testIndex: 0, grid: grid(2), transforms: ['transpose'], promptIds: ['c'], votes: 6, score: null },
      { testIndex: 0, grid: grid(3), transforms: ['rotate-90'], promptIds: ['d'], votes: 1, score: null },
      { testIndex: 1, grid: grid(4), transforms: ['identity'], promptIds: ['e'], votes: 9, score: null }
    ]
    const summary = summariseCandidates(candidates, { testIndex: 0, attempts: [grid(3), grid(1)] }, grid(1))
    expect(summary.map((s) => [s.grid[0]![0], s.attemptRank, s.votes, s.correct, s.promptCount])).toEqual([
      [3, 1, 1, false, 1],
      [1, 2, 3, true, 2],
      [2, null, 6, false, 1]
    ])
    expect(summary[2]!.share).toBeCloseTo(0.6)
    expect(summariseCandidates(candidates, { testIndex: 0, attempts: [] }, null).map((s) => s.correct)).toEqual([null, null, null])
  })
})

describe('task navigation', () => {
  it('steps through the list and stops at its ends', () => {
    const ids = ['a', 'b', 'c']
    expect(neighbourTask(ids, 'b', 1)).toBe('c')
    expect(neighbourTask(ids, 'b', -1)).toBe('a')
    expect(neighbourTask(ids, 'c', 1)).toBeNull()
    expect(neighbourTask(ids, 'a', -1)).toBeNull()
    expect(neighbourTask(ids, 'zz', 1)).toBe('a')
    expect(neighbourTask(ids, 'zz', -1)).toBe('c')
    expect(neighbourTask([], 'a', 1)).toBeNull()
    expect(taskOrder(['b', 'a'], ['c', 'a'])).toEqual(['a', 'b', 'c'])
  })
})
