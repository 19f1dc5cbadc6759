// Colour filters and recolourings.
import { describe, expect, it } from 'vitest'
import {
  fillBackground,
  invert,
  keepColour,
  paint,
  paintMajority,
  paintMinority,
  removeColour,
  swapColours
} from '../../../main/engine/search/dsl/grid/colour'
import { image, rows } from './dsl-grid-helpers'

const mixed = image([
  [1, 1, 2],
  [0, 1, 3]
])

describe('colour filters', () => {
  it('keep one colour, or drop it', () => {
    expect(rows(keepColour(mixed, 1))).toEqual([[1, 1, 0], [0, 1, 0]])
    expect(keepColour(mixed, 5)).toBeNull()
    expect(rows(removeColour(mixed, 1))).toEqual([[0, 0, 2], [0, 0, 3]])
    expect(removeColour(mixed, 5)).toBeNull()
    expect(removeColour(image([[4, 0]]), 4)).toBeNull()
  })

  it('keep the offset', () => {
    const kept = keepColour(image([[2]], 3, 4), 2)!
    expect([kept.x, kept.y]).toEqual([3, 4])
  })
})

describe('recolouring', () => {
  it('paints every non-zero cell one colour', () => {
    expect(rows(paint(mixed, 7))).toEqual([[7, 7, 7], [0, 7, 7]])
  })

  it('paints by rank: the most common or the least common colour present', () => {
    expect(rows(paintMajority(mixed))).toEqual([[1, 1, 1], [0, 1, 1]])
    expect(rows(paintMinority(image([[4, 4, 6, 0]])))).toEqual([[6, 6, 6, 0]])
    expect(rows(paintMinority(mixed))).toEqual([[2, 2, 2], [0, 2, 2]])
    expect(paintMajority(image([[0]]))).toBeNull()
    expect(paintMinority(image([[0, 0]]))).toBeNull()
  })

  it('swaps the two colours of a two-colour image only', () => {
    expect(rows(swapColours(image([[1, 0, 4], [4, 4, 0]])))).toEqual([[4, 0, 1], [1, 1, 0]])
    expect(swapColours(mixed)).toBeNull()
    expect(swapColours(image([[3]]))).toBeNull()
  })

  it('fills the background, and inverts figure and ground', () => {
    expect(rows(fillBackground(mixed, 5))).toEqual([[1, 1, 2], [5, 1, 3]])
    expect(fillBackground(image([[1]]), 5)).toBeNull()
    expect(rows(invert(image([[0, 2], [2, 0]])))).toEqual([[2, 0], [0, 2]])
    expect(invert(image([[0]]))).toBeNull()
  })
})
