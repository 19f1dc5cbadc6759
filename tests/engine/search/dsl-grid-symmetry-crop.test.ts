// Symmetries, cropping and removing empty or repeated lines.
import { describe, expect, it } from 'vitest'
import { crop, removeEmptyLines, removeRepeatedLines } from '../../../main/engine/search/dsl/grid/crop'
import { applySymmetry, SYMMETRIES, type Symmetry } from '../../../main/engine/search/dsl/grid/symmetry'
import { sameCells } from '../../../main/engine/search/image'
import { generated, image, rows } from './dsl-grid-helpers'

const sample = image([
  [1, 2, 3],
  [4, 5, 6]
])

describe('symmetries', () => {
  it.each<[Symmetry, number[][]]>([
    ['rotate_90', [[4, 1], [5, 2], [6, 3]]],
    ['rotate_180', [[6, 5, 4], [3, 2, 1]]],
    ['rotate_270', [[3, 6], [2, 5], [1, 4]]],
    ['flip_horizontal', [[3, 2, 1], [6, 5, 4]]],
    ['flip_vertical', [[4, 5, 6], [1, 2, 3]]],
    ['transpose', [[1, 4], [2, 5], [3, 6]]],
    ['anti_transpose', [[6, 3], [5, 2], [4, 1]]]
  ])('%s of a 3x2 image', (symmetry, expected) => {
    expect(rows(applySymmetry(sample, symmetry))).toEqual(expected)
  })

  it('compose as the group does: four quarter turns, two flips, rotate_90 then rotate_270 are identity', () => {
    const odd = generated(5, 3, (r, c) => (r * 7 + c * 3) % 10)
    const turn = (i: typeof odd) => applySymmetry(i, 'rotate_90')
    expect(sameCells(turn(turn(turn(turn(odd)))), odd)).toBe(true)
    expect(sameCells(turn(turn(odd)), applySymmetry(odd, 'rotate_180'))).toBe(true)
    expect(sameCells(applySymmetry(turn(odd), 'rotate_270'), odd)).toBe(true)
    for (const s of ['flip_horizontal', 'flip_vertical', 'transpose', 'anti_transpose'] as const) {
      expect(sameCells(applySymmetry(applySymmetry(odd, s), s), odd)).toBe(true)
    }
    // transpose = flip_horizontal after rotate_90 (rotate clockwise, then mirror left-right)
    expect(sameCells(applySymmetry(turn(odd), 'flip_horizontal'), applySymmetry(odd, 'transpose'))).toBe(true)
  })

  it('keep the offset and handle 1x1 and 1xN images', () => {
    const row = image([[1, 2, 3]], 4, 5)
    const turned = applySymmetry(row, 'rotate_90')
    expect([turned.x, turned.y, turned.w, turned.h]).toEqual([4, 5, 1, 3])
    expect(rows(turned)).toEqual([[1], [2], [3]])
    for (const s of SYMMETRIES) expect(rows(applySymmetry(image([[7]]), s))).toEqual([[7]])
  })
})

describe('crop', () => {
  it('cuts to the bounding box of non-zero cells and moves the offset there', () => {
    const cropped = crop(image([[0, 0, 0, 0], [0, 3, 0, 0], [0, 0, 4, 0]], 10, 20))!
    expect(rows(cropped)).toEqual([[3, 0], [0, 4]])
    expect([cropped.x, cropped.y]).toEqual([11, 21])
  })

  it('returns null for an all-background image and keeps a full one whole', () => {
    expect(crop(image([[0, 0], [0, 0]]))).toBeNull()
    expect(rows(crop(image([[5]])))).toEqual([[5]])
  })
})

describe('removing lines', () => {
  const spaced = image([
    [1, 0, 2],
    [0, 0, 0],
    [3, 0, 0]
  ])

  it('drops all-background rows, columns or both', () => {
    expect(rows(removeEmptyLines(spaced, 'rows'))).toEqual([[1, 0, 2], [3, 0, 0]])
    expect(rows(removeEmptyLines(spaced, 'columns'))).toEqual([[1, 2], [0, 0], [3, 0]])
    expect(rows(removeEmptyLines(spaced, 'both'))).toEqual([[1, 2], [3, 0]])
    expect(removeEmptyLines(image([[0, 0, 0]]), 'rows')).toBeNull()
  })

  it('collapses runs of identical rows and columns', () => {
    const stretched = image([
      [1, 1, 2],
      [1, 1, 2],
      [3, 3, 0],
      [1, 1, 2]
    ])
    expect(rows(removeRepeatedLines(stretched, 'rows'))).toEqual([[1, 1, 2], [3, 3, 0], [1, 1, 2]])
    expect(rows(removeRepeatedLines(stretched, 'columns'))).toEqual([[1, 2], [1, 2], [3, 0], [1, 2]])
    expect(rows(removeRepeatedLines(stretched, 'both'))).toEqual([[1, 2], [3, 0], [1, 2]])
    expect(rows(removeRepeatedLines(image([[4, 4, 4, 4]]), 'both'))).toEqual([[4]])
  })
})
