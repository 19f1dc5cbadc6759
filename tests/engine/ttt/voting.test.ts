// Voting over augmented-inference predictions (recipe section 7). Every expected result below is
// worked out by hand in the comment above it; 1x1 grids A..D keep the arithmetic readable.
import { describe, expect, it } from 'vitest'
import { makeGrid } from '../../../main/engine/arc/grid'
import type { Grid } from '../../../main/engine/arc/types'
import type { SymmetryId } from '../../../main/engine/arc/transforms/ids'
import {
  columnMajorityGrid,
  groupTopThree,
  rowMajorityGrid,
  vote,
  type PredictionRecord,
  type VotingMethod
} from '../../../main/engine/ttt/voting'

const A = makeGrid([[1]])
const B = makeGrid([[2]])
const C = makeGrid([[3]])
const D = makeGrid([[4]])

function record(prediction: Grid, transform: SymmetryId, promptId: string): PredictionRecord {
  return { prediction, transform, promptId }
}

/** The attempts' grids, for short assertions. */
function attemptGrids(records: readonly PredictionRecord[], method: VotingMethod): Grid[] {
  return vote(records, method).attempts.map((a) => a.grid)
}

describe('row- and column-majority fills', () => {
  it('builds a grid row by row from the most frequent row at each index, among rows of the common width', () => {
    // Shapes: 2x2 twice, 3x2 once, 2x3 once -> 2x2. Row 0: [1,1] once, [3,3] twice (the 3x2 grid counts) -> [3,3].
    // Row 1: [2,2], [4,4], [5,5] once each -> first seen [2,2]. The 2x3 grid has the wrong width and is ignored.
    const grids = [
      makeGrid([[1, 1], [2, 2]]),
      makeGrid([[3, 3], [4, 4]]),
      makeGrid([[3, 3], [5, 5], [6, 6]]),
      makeGrid([[7, 7, 7], [7, 7, 7]])
    ]
    expect(rowMajorityGrid(grids)).toEqual([[3, 3], [2, 2]])
  })

  it('can assemble a grid that no single prediction equals', () => {
    // Row 0: [1,1] twice beats three singletons. Row 1: [5,5] three times.
    const grids = [[[1, 1], [2, 2]], [[1, 1], [3, 3]], [[4, 4], [5, 5]], [[6, 6], [5, 5]], [[7, 7], [5, 5]]].map(makeGrid)
    expect(rowMajorityGrid(grids)).toEqual([[1, 1], [5, 5]])
    // Columns here: column 0 is [1,2],[1,3],[4,5],[6,5],[7,5], all distinct -> first seen; column 1 likewise.
    expect(columnMajorityGrid(grids)).toEqual([[1, 1], [2, 2]])
  })

  it('builds column by column for the column-majority grid', () => {
    // Column 0: [1,1] twice; column 1: [5,5] three times.
    const grids = [[[1, 2], [1, 2]], [[1, 3], [1, 3]], [[4, 5], [4, 5]], [[6, 5], [6, 5]], [[7, 5], [7, 5]]].map(makeGrid)
    expect(columnMajorityGrid(grids)).toEqual([[1, 5], [1, 5]])
    expect(rowMajorityGrid(grids)).toEqual([[1, 2], [1, 2]])
    expect(Object.isFrozen(columnMajorityGrid(grids))).toBe(true)
  })

  it('takes the first-seen shape on a shape tie', () => {
    expect(rowMajorityGrid([makeGrid([[1, 2, 3]]), makeGrid([[4], [5]])])).toEqual([[1, 2, 3]])
    expect(rowMajorityGrid([makeGrid([[4], [5]]), makeGrid([[1, 2, 3]])])).toEqual([[4], [5]])
  })
})

describe('a group top 3', () => {
  it('takes the three most frequent grids, first seen on equal counts', () => {
    // B 3, C 2, then A and D once each: A was seen first.
    const top = groupTopThree([A, B, B, C, D, C, B])
    expect(top.map((e) => e.grid)).toEqual([B, C, A])
    expect(top.map((e) => e.source)).toEqual(['frequency', 'frequency', 'frequency'])
    expect(top.map((e) => e.predictions)).toEqual([3, 2, 1])
  })

  it('fills two distinct grids with the column-majority grid when the row-majority grid is already in', () => {
    // Row-majority of [A, A, B] is A, already first, so the 3rd place is the column-majority grid: A again.
    const top = groupTopThree([A, A, B])
    expect(top.map((e) => e.grid)).toEqual([A, B, A])
    expect(top.map((e) => e.source)).toEqual(['frequency', 'frequency', 'column-majority'])
  })

  it('fills a unanimous group with its grid three times', () => {
    const top = groupTopThree([C, C])
    expect(top.map((e) => e.grid)).toEqual([C, C, C])
    expect(top.map((e) => e.source)).toEqual(['frequency', 'column-majority', 'column-majority'])
  })
})

describe('fills of a group with at most 2 distinct grids', () => {
  it('always repeat the group\'s 1st grid (property over random grids of mixed shapes)', () => {
    let state = 7 // a small linear congruential generator keeps the test deterministic
    const random = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648
      return state % n
    }
    const randomGrid = (): Grid => {
      const height = 1 + random(3)
      const width = 1 + random(3)
      return makeGrid(Array.from({ length: height }, () => Array.from({ length: width }, () => random(2))))
    }
    for (let trial = 0; trial < 2000; trial += 1) {
      const [x, y] = [randomGrid(), randomGrid()]
      const grids = Array.from({ length: 1 + random(5) }, () => (random(2) === 0 ? x : y))
      const top = groupTopThree(grids)
      for (const entry of top.filter((e) => e.source !== 'frequency')) expect(entry.grid).toEqual(top[0]!.grid)
    }
  })
})

describe('hierarchical voting', () => {
  it('pools the top 3 of every transform group and of "all", and keeps provenance', () => {
    const records = [
      record(A, 'identity', 'p1'),
      record(A, 'identity', 'p2'),
      record(B, 'identity', 'p3'),
      record(A, 'transpose', 'p4'),
      record(C, 'transpose', 'p5'),
      record(B, 'flip-up-down', 'p6'),
      record(B, 'flip-up-down', 'p7')
    ]
    // Groups in order all, identity, flip-up-down, transpose (SYMMETRY_IDS order):
    //   all [A,A,B,A,C,B,B]: A 3, B 3 (A first seen), C 1 -> [A, B, C]
    //   identity [A,A,B] -> [A, B, A (column-majority)]
    //   flip-up-down [B,B] -> [B, B, B]
    //   transpose [A,C] -> [A, C, A (column-majority: A is first seen)]
    // Pool: A 1+2+0+2 = 5, B 1+1+3+0 = 5, C 1+0+0+1 = 2 -> A, B (A first seen in the pool).
    const result = vote(records)
    expect(result.method).toBe('hierarchical')
    expect(result.groups!.map((g) => [g.group, g.size, g.topThree.map((e) => e.grid)])).toEqual([
      ['all', 7, [A, B, C]],
      ['identity', 3, [A, B, A]],
      ['flip-up-down', 2, [B, B, B]],
      ['transpose', 2, [A, C, A]]
    ])
    expect(result.attempts).toEqual([
      {
        grid: A,
        votes: 5,
        transforms: ['identity', 'transpose'],
        promptIds: ['p1', 'p2', 'p4'],
        groupVotes: [
          { group: 'all', predictions: 3, poolVotes: 1 },
          { group: 'identity', predictions: 2, poolVotes: 2 },
          { group: 'flip-up-down', predictions: 0, poolVotes: 0 },
          { group: 'transpose', predictions: 1, poolVotes: 2 }
        ]
      },
      {
        grid: B,
        votes: 5,
        transforms: ['identity', 'flip-up-down'],
        promptIds: ['p3', 'p6', 'p7'],
        groupVotes: [
          { group: 'all', predictions: 3, poolVotes: 1 },
          { group: 'identity', predictions: 1, poolVotes: 1 },
          { group: 'flip-up-down', predictions: 2, poolVotes: 3 },
          { group: 'transpose', predictions: 0, poolVotes: 0 }
        ]
      }
    ])
  })

  it('on a 2nd/3rd tie prefers the grid more frequent among identity predictions', () => {
    const records = [
      record(A, 'identity', 'i1'),
      record(B, 'rotate-90', 'r1'),
      record(B, 'rotate-90', 'r2'),
      record(D, 'rotate-90', 'r3'),
      record(C, 'identity', 'i2'),
      record(C, 'identity', 'i3'),
      record(A, 'transpose', 't1'),
      record(A, 'transpose', 't2')
    ]
    // all [A,B,B,D,C,C,A,A]: A 3, B 2, C 2, D 1 -> [A, B, C]
    // identity [A,C,C] -> [C, A, C]; rotate-90 [B,B,D] -> [B, D, B]; transpose [A,A] -> [A, A, A]
    // Pool: A 1+1+0+3 = 5, B 1+0+2+0 = 3, C 1+2+0+0 = 3, D 1. B and C tie at 3 (B first seen);
    // identity predictions: B 0, C 2 -> C is the 2nd attempt.
    const result = vote(records, 'hierarchical')
    expect(result.attempts.map((a) => [a.grid, a.votes])).toEqual([
      [A, 5],
      [C, 3]
    ])
    // Flat voting has no such rule: A 3, then B and C at 2, B first seen.
    expect(attemptGrids(records, 'flat')).toEqual([A, B])
  })

  it('keeps the first-seen 2nd place when the identity counts also tie, and never touches the 1st', () => {
    // all [A,B,C] -> [A,B,C]; identity [A] -> [A,A,A]; rotate-90 [B] -> [B,B,B]; transpose [C] -> [C,C,C].
    // Pool: A, B, C 4 each. 2nd B vs 3rd C: identity counts 0 and 0 -> B stays.
    const inOrder = [record(A, 'identity', 'x'), record(B, 'rotate-90', 'y'), record(C, 'transpose', 'z')]
    expect(attemptGrids(inOrder, 'hierarchical')).toEqual([A, B])
    // Same records, identity last: pool first-seen order B, C, A. 2nd C vs 3rd A: identity 0 vs 1 -> A.
    // B stays 1st although A has more identity votes: the rule is only for the 2nd and 3rd places.
    const identityLast = [record(B, 'rotate-90', 'y'), record(C, 'transpose', 'z'), record(A, 'identity', 'x')]
    expect(attemptGrids(identityLast, 'hierarchical')).toEqual([B, A])
  })

  it('gives a single attempt when all predictions agree', () => {
    // all [A,A] -> [A,A,A]; identity [A,A,A]; transpose [A,A,A] -> 9 pool votes.
    const records = [record(A, 'identity', 'p1'), record(A, 'transpose', 'p2')]
    const result = vote(records)
    expect(result.attempts).toHaveLength(1)
    expect(result.attempts[0]).toMatchObject({ grid: A, votes: 9, transforms: ['identity', 'transpose'], promptIds: ['p1', 'p2'] })
  })

  it('gives nothing for no predictions', () => {
    expect(vote([])).toEqual({ method: 'hierarchical', attempts: [], groups: [] })
  })

  it('is deterministic and leaves its input alone', () => {
    const records = Object.freeze([record(B, 'rotate-180', 'a'), record(A, 'identity', 'b'), record(B, 'identity', 'c'), record(A, 'flip-left-right', 'd')])
    expect(vote(records)).toEqual(vote([...records]))
  })

  it('throws on a transform that is not a symmetry id (a programming error)', () => {
    expect(() => vote([{ prediction: A, transform: 'rotate-45' as SymmetryId, promptId: 'p' }])).toThrow(/rotate-45/)
  })
})

describe('flat voting', () => {
  it('takes the global top 2 by frequency, first seen on a tie', () => {
    const records = [record(C, 'transpose', 'p1'), record(A, 'identity', 'p2'), record(B, 'rotate-90', 'p3'), record(B, 'identity', 'p4'), record(A, 'rotate-180', 'p5')]
    // A 2, B 2, C 1: A seen before B.
    const result = vote(records, 'flat')
    expect(result).toEqual({
      method: 'flat',
      attempts: [
        { grid: A, votes: 2, transforms: ['identity', 'rotate-180'], promptIds: ['p2', 'p5'] },
        { grid: B, votes: 2, transforms: ['identity', 'rotate-90'], promptIds: ['p3', 'p4'] }
      ]
    })
  })

  it('handles one distinct prediction and none', () => {
    expect(vote([record(D, 'transpose', 'p')], 'flat').attempts).toEqual([{ grid: D, votes: 1, transforms: ['transpose'], promptIds: ['p'] }])
    expect(vote([], 'flat').attempts).toEqual([])
  })
})

describe('no voting', () => {
  it('takes the first two distinct identity predictions in prompt order, ignoring other transforms', () => {
    const records = [record(D, 'transpose', 't'), record(B, 'identity', 'i1'), record(B, 'identity', 'i2'), record(A, 'identity', 'i3'), record(C, 'identity', 'i4'), record(A, 'identity', 'i5')]
    expect(vote(records, 'none').attempts).toEqual([
      { grid: B, votes: 2, transforms: ['identity'], promptIds: ['i1', 'i2'] },
      { grid: A, votes: 2, transforms: ['identity'], promptIds: ['i3', 'i5'] }
    ])
  })

  it('gives one attempt for one distinct identity prediction, none without identity prompts', () => {
    expect(attemptGrids([record(C, 'identity', 'i'), record(C, 'identity', 'j')], 'none')).toEqual([C])
    expect(vote([record(C, 'transpose', 't')], 'none').attempts).toEqual([])
    expect(vote([], 'none')).toEqual({ method: 'none', attempts: [] })
  })
})
