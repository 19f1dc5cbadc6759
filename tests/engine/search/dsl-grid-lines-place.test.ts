// Rays, connecting lines, and canvases of the predicted output size.
import { describe, expect, it } from 'vitest'
import { blankCanvas, centre, embed, majorityCanvas, majorityCell, toOrigin } from '../../../main/engine/search/dsl/grid/place'
import { connect, diagonalRays, rays } from '../../../main/engine/search/dsl/grid/rays'
import { image, NO_SIZE, rows, sized } from './dsl-grid-helpers'

describe('rays', () => {
  const seeds = image([
    [0, 0, 0, 0],
    [0, 1, 0, 2],
    [0, 0, 0, 0]
  ])

  it('extend each cell over the background until the next cell or the edge', () => {
    expect(rows(rays(seeds, ['right']))).toEqual([[0, 0, 0, 0], [0, 1, 1, 2], [0, 0, 0, 0]])
    expect(rows(rays(seeds, ['left']))).toEqual([[0, 0, 0, 0], [1, 1, 2, 2], [0, 0, 0, 0]])
    expect(rows(rays(seeds, ['up']))).toEqual([[0, 1, 0, 2], [0, 1, 0, 2], [0, 0, 0, 0]])
    expect(rows(rays(seeds, ['down']))).toEqual([[0, 0, 0, 0], [0, 1, 0, 2], [0, 1, 0, 2]])
  })

  it('in several directions, the first drawn wins where rays cross', () => {
    expect(rows(rays(image([[0, 0], [3, 0], [0, 0]]), ['up', 'down', 'left', 'right']))).toEqual([[3, 0], [3, 3], [3, 0]])
    const crossing = image([
      [0, 4, 0],
      [5, 0, 0],
      [0, 0, 0]
    ])
    expect(rows(rays(crossing, ['down', 'right']))).toEqual([[0, 4, 4], [5, 4, 5], [5, 4, 0]])
  })

  it('leave a 1x1 image alone', () => {
    expect(rows(rays(image([[6]]), ['left', 'right']))).toEqual([[6]])
  })
})

describe('diagonal rays', () => {
  it('draw an X through each cell, stopping at other cells', () => {
    const seed = image([
      [0, 0, 0, 0],
      [0, 2, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 7]
    ])
    expect(rows(diagonalRays(seed))).toEqual([
      [2, 0, 2, 0],
      [0, 2, 0, 0],
      [2, 0, 2, 0],
      [0, 0, 0, 7]
    ])
    expect(rows(diagonalRays(image([[1, 0, 0]])))).toEqual([[1, 0, 0]])
  })
})

describe('connect', () => {
  const dots = image([
    [1, 0, 0, 1],
    [0, 2, 0, 0],
    [1, 2, 0, 3]
  ])

  it('joins same-coloured cells along rows, columns, or both', () => {
    expect(rows(connect(dots, 'rows'))).toEqual([[1, 1, 1, 1], [0, 2, 0, 0], [1, 2, 0, 3]])
    expect(rows(connect(dots, 'columns'))).toEqual([[1, 0, 0, 1], [1, 2, 0, 0], [1, 2, 0, 3]])
    expect(rows(connect(dots, 'both'))).toEqual([[1, 1, 1, 1], [1, 2, 0, 0], [1, 2, 0, 3]])
  })

  it('does not join across a cell of another colour', () => {
    expect(rows(connect(image([[4, 0, 5, 0, 4]]), 'rows'))).toEqual([[4, 0, 5, 0, 4]])
  })
})

describe('canvases of the predicted size', () => {
  const object = image([[7, 7]], 1, 2)

  it('embed puts the image at its offset, clipped to the canvas', () => {
    expect(rows(embed(object, sized(3, 3)))).toEqual([[0, 0, 0], [0, 0, 0], [0, 7, 7]])
    expect(rows(embed(image([[7, 8]], -1, 0), sized(2, 1)))).toEqual([[8, 0]])
    expect(embed(image([[7]], 5, 5), sized(2, 2))).toBeNull()
    expect(embed(object, NO_SIZE)).toBeNull()
  })

  it('centre places it in the middle, left and up when the margin is odd', () => {
    expect(rows(centre(object, sized(5, 3)))).toEqual([[0, 0, 0, 0, 0], [0, 7, 7, 0, 0], [0, 0, 0, 0, 0]])
    expect(rows(centre(image([[1, 2, 3]]), sized(1, 1)))).toEqual([[2]])
  })

  it('to_origin resets the offset only when there is one', () => {
    const moved = toOrigin(object)!
    expect([moved.x, moved.y, moved.w]).toEqual([0, 0, 2])
    expect(toOrigin(image([[1]]))).toBeNull()
  })

  it('blank and majority canvases, and the majority cell', () => {
    expect(rows(blankCanvas(object, sized(2, 1)))).toEqual([[0, 0]])
    expect(blankCanvas(object, NO_SIZE)).toBeNull()
    const mostlyFour = image([[4, 4, 2], [0, 0, 0]])
    expect(rows(majorityCell(mostlyFour))).toEqual([[4]])
    expect(majorityCell(image([[0]]))).toBeNull()
    expect(rows(majorityCanvas(mostlyFour, sized(2, 2)))).toEqual([[4, 4], [4, 4]])
    expect(majorityCanvas(image([[0]]), sized(2, 2))).toBeNull()
  })
})
