// Outlines, interiors, hole filling, borders, symmetry completion and denoising.
import { describe, expect, it } from 'vitest'
import { completeSymmetry, denoise } from '../../../main/engine/search/dsl/grid/complete'
import { fillHoles, fillHolesWithSurrounding } from '../../../main/engine/search/dsl/grid/holes'
import { addBorder, frame, interior, outline, removeBorder } from '../../../main/engine/search/dsl/grid/outline'
import { generated, image, rows } from './dsl-grid-helpers'

const block = generated(4, 4, () => 3)

describe('outlines and interiors', () => {
  it('hollow a filled block to its ring, and keep the inside', () => {
    expect(rows(outline(block))).toEqual([
      [3, 3, 3, 3],
      [3, 0, 0, 3],
      [3, 0, 0, 3],
      [3, 3, 3, 3]
    ])
    expect(rows(interior(block))).toEqual([
      [0, 0, 0, 0],
      [0, 3, 3, 0],
      [0, 3, 3, 0],
      [0, 0, 0, 0]
    ])
  })

  it('treat a diagonal background neighbour as outside, and thin shapes have no interior', () => {
    const notched = image([
      [0, 2, 2],
      [2, 2, 2],
      [2, 2, 2]
    ])
    expect(rows(outline(notched))).toEqual([[0, 2, 2], [2, 2, 2], [2, 2, 2]])
    expect(interior(notched)).toBeNull()
    expect(interior(image([[1, 1, 1]]))).toBeNull()
    expect(outline(image([[0]]))).toBeNull()
  })
})

describe('holes', () => {
  const rings = image([
    [1, 1, 1, 0, 0],
    [1, 0, 1, 0, 2],
    [1, 1, 1, 2, 0],
    [0, 0, 0, 0, 2]
  ])

  it('fill enclosed background, including behind corner-touching walls, but not regions open to the edge', () => {
    expect(rows(fillHoles(rings, 5))).toEqual([
      [1, 1, 1, 0, 0],
      [1, 5, 1, 0, 2],
      [1, 1, 1, 2, 0],
      [0, 0, 0, 0, 2]
    ])
    const diamond = image([
      [0, 4, 0],
      [4, 0, 4],
      [0, 4, 0]
    ])
    expect(rows(fillHoles(diamond, 6))).toEqual([[0, 4, 0], [4, 6, 4], [0, 4, 0]])
    expect(fillHoles(image([[1, 0, 1]]), 5)).toBeNull()
  })

  it('fill each hole with the colour around it', () => {
    const two = image([
      [1, 1, 1, 2, 2, 2],
      [1, 0, 1, 2, 0, 2],
      [1, 1, 1, 2, 2, 2]
    ])
    expect(rows(fillHolesWithSurrounding(two))).toEqual([
      [1, 1, 1, 2, 2, 2],
      [1, 1, 1, 2, 2, 2],
      [1, 1, 1, 2, 2, 2]
    ])
    expect(fillHolesWithSurrounding(image([[0]]))).toBeNull()
  })
})

describe('borders', () => {
  it('paint the outer ring, add a ring, and remove one', () => {
    expect(rows(frame(image([[0, 0, 0], [0, 1, 0], [0, 0, 0]]), 4))).toEqual([[4, 4, 4], [4, 1, 4], [4, 4, 4]])
    expect(rows(frame(image([[0]]), 4))).toEqual([[4]])
    expect(rows(addBorder(image([[1]]), 2))).toEqual([[2, 2, 2], [2, 1, 2], [2, 2, 2]])
    expect(addBorder(generated(29, 1, () => 1), 2)).toBeNull()
    const inner = removeBorder(image([[4, 4, 4], [4, 1, 4], [4, 4, 4]], 2, 2))!
    expect(rows(inner)).toEqual([[1]])
    expect([inner.x, inner.y]).toEqual([3, 3])
    expect(removeBorder(image([[1, 2, 3]]))).toBeNull()
  })
})

describe('symmetry completion', () => {
  it('copies non-zero cells onto their background mirror cells', () => {
    expect(rows(completeSymmetry(image([[1, 2, 0, 0]]), 'horizontal'))).toEqual([[1, 2, 2, 1]])
    expect(rows(completeSymmetry(image([[3], [0]]), 'vertical'))).toEqual([[3], [3]])
    expect(rows(completeSymmetry(image([[5, 0], [0, 0]]), 'both'))).toEqual([[5, 5], [5, 5]])
    expect(rows(completeSymmetry(image([[1, 2], [0, 3]]), 'diagonal'))).toEqual([[1, 2], [2, 3]])
    expect(rows(completeSymmetry(image([[1, 0, 0], [0, 0, 0], [0, 0, 0]]), 'rotation'))).toEqual([
      [1, 0, 1],
      [0, 0, 0],
      [1, 0, 1]
    ])
  })

  it('keeps existing cells, and refuses when nothing changes or a square is needed', () => {
    expect(rows(completeSymmetry(image([[1, 3, 0, 2]]), 'horizontal'))).toEqual([[1, 3, 3, 2]])
    expect(completeSymmetry(image([[1, 0, 1]]), 'horizontal')).toBeNull()
    expect(completeSymmetry(image([[1, 0]]), 'diagonal')).toBeNull()
  })
})

describe('denoise', () => {
  it('removes cells that touch no other non-zero cell (diagonal contact counts)', () => {
    const speckled = image([
      [1, 0, 0, 0],
      [0, 1, 0, 7],
      [0, 0, 0, 0]
    ])
    expect(rows(denoise(speckled))).toEqual([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0]])
    expect(denoise(image([[2, 2]]))).toBeNull()
    expect(rows(denoise(image([[9]])))).toEqual([[0]])
  })
})
