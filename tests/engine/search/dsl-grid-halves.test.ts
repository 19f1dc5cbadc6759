// Halves of an image and their cell-by-cell logical combinations.
import { describe, expect, it } from 'vitest'
import { combineHalves, half } from '../../../main/engine/search/dsl/grid/halves'
import { image, rows } from './dsl-grid-helpers'

// Two 2x2 panels with a separator column of 5 between them.
const panels = image([
  [1, 0, 5, 2, 2],
  [1, 1, 5, 0, 0]
])

describe('halves', () => {
  it('drops the middle line of an odd side and moves the offset', () => {
    expect(rows(half(panels, 'left'))).toEqual([[1, 0], [1, 1]])
    const right = half(panels, 'right')!
    expect(rows(right)).toEqual([[2, 2], [0, 0]])
    expect(right.x).toBe(3)
    expect(rows(half(image([[1], [2], [3], [4]]), 'bottom'))).toEqual([[3], [4]])
    expect(rows(half(image([[1], [2], [3], [4]]), 'top'))).toEqual([[1], [2]])
  })

  it('refuses a side shorter than 2', () => {
    expect(half(image([[1]]), 'left')).toBeNull()
    expect(half(image([[1, 2, 3]]), 'top')).toBeNull()
  })
})

describe('combining halves', () => {
  it.each([
    ['and', [[1, 0], [0, 0]]],
    ['or', [[1, 2], [1, 1]]],
    ['xor', [[0, 2], [1, 1]]],
    ['nor', [[0, 0], [0, 0]]],
    ['first_only', [[0, 0], [1, 1]]]
  ] as const)('left and right by %s', (logic, expected) => {
    const result = combineHalves(panels, 'columns', logic)
    if (logic === 'nor') expect(result).toBeNull()
    else expect(rows(result)).toEqual(expected)
  })

  it('nor paints the cells empty in both halves with the most common colour', () => {
    const stacked = image([
      [3, 0],
      [0, 0],
      [3, 3],
      [0, 0]
    ])
    expect(rows(combineHalves(stacked, 'rows', 'nor'))).toEqual([[0, 0], [3, 3]])
    expect(rows(combineHalves(stacked, 'rows', 'and'))).toEqual([[3, 0], [0, 0]])
  })

  it('refuses an image too small to halve', () => {
    expect(combineHalves(image([[1]]), 'columns', 'or')).toBeNull()
  })
})
