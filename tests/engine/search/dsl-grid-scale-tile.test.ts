// Scaling up and down, tiling (plain, to the output size, mirrored, turned, fractal), gravity and shifts.
import { describe, expect, it } from 'vitest'
import { fractal } from '../../../main/engine/search/dsl/grid/fractal'
import { gravity } from '../../../main/engine/search/dsl/grid/gravity'
import { scaleDown, scaleDownByBlocks, scaleUp, scaleUpToOutput } from '../../../main/engine/search/dsl/grid/scale'
import { shift } from '../../../main/engine/search/dsl/grid/shift'
import { mirrorTile, tile, tileToOutput } from '../../../main/engine/search/dsl/grid/tile'
import { generated, image, NO_SIZE, rows, sized } from './dsl-grid-helpers'

const pair = image([[1, 2], [3, 0]])

describe('scaling', () => {
  it('scales up by k and back down', () => {
    const big = scaleUp(pair, 2, 2)
    expect(rows(big)).toEqual([
      [1, 1, 2, 2],
      [1, 1, 2, 2],
      [3, 3, 0, 0],
      [3, 3, 0, 0]
    ])
    expect(rows(scaleDown(big!, 2, 2))).toEqual([[1, 2], [3, 0]])
    expect(rows(scaleUp(image([[4, 5]]), 3, 1))).toEqual([[4, 4, 4, 5, 5, 5]])
  })

  it('refuses to exceed 30x30', () => {
    expect(scaleUp(generated(10, 10, () => 1), 3, 3)!.w).toBe(30)
    expect(scaleUp(generated(11, 1, () => 1), 3, 3)).toBeNull()
    expect(scaleUp(generated(30, 30, () => 1), 2, 2)).toBeNull()
  })

  it('scales up to the predicted size only by a whole multiple other than 1', () => {
    expect(rows(scaleUpToOutput(image([[7]]), sized(2, 3)))).toEqual([[7, 7], [7, 7], [7, 7]])
    expect(scaleUpToOutput(pair, sized(3, 4))).toBeNull()
    expect(scaleUpToOutput(pair, sized(2, 2))).toBeNull()
    expect(scaleUpToOutput(pair, NO_SIZE)).toBeNull()
  })

  it('scales down by majority per block and refuses sides that do not divide', () => {
    const noisy = image([
      [1, 1, 0, 0],
      [1, 2, 0, 3]
    ])
    expect(rows(scaleDown(noisy, 2, 2))).toEqual([[1, 0]])
    expect(scaleDown(image([[1, 2, 3]]), 2, 2)).toBeNull()
  })

  it('detects the block size, square or not, and refuses an image without repeats', () => {
    expect(rows(scaleDownByBlocks(scaleUp(pair, 3, 2)!))).toEqual([[1, 2], [3, 0]])
    expect(rows(scaleDownByBlocks(image([[5, 5, 5]])))).toEqual([[5]])
    expect(scaleDownByBlocks(pair)).toBeNull()
    expect(scaleDownByBlocks(image([[1]]))).toBeNull()
  })
})

describe('tiling', () => {
  it('repeats across and down and refuses to exceed 30x30', () => {
    expect(rows(tile(pair, 2, 1))).toEqual([[1, 2, 1, 2], [3, 0, 3, 0]])
    expect(rows(tile(image([[1, 2]]), 1, 2))).toEqual([[1, 2], [1, 2]])
    expect(tile(generated(30, 30, () => 1), 2, 1)).toBeNull()
  })

  it('fills the predicted output size, cutting the last copies', () => {
    expect(rows(tileToOutput(image([[1, 2]]), sized(5, 2)))).toEqual([[1, 2, 1, 2, 1], [1, 2, 1, 2, 1]])
    expect(tileToOutput(pair, sized(2, 2))).toBeNull()
    expect(tileToOutput(pair, sized(1, 4))).toBeNull()
    expect(tileToOutput(pair, NO_SIZE)).toBeNull()
  })

  it('mirror-tiles in each layout', () => {
    expect(rows(mirrorTile(pair, 'right'))).toEqual([[1, 2, 2, 1], [3, 0, 0, 3]])
    expect(rows(mirrorTile(pair, 'left'))).toEqual([[2, 1, 1, 2], [0, 3, 3, 0]])
    expect(rows(mirrorTile(pair, 'down'))).toEqual([[1, 2], [3, 0], [3, 0], [1, 2]])
    expect(rows(mirrorTile(pair, 'up'))).toEqual([[3, 0], [1, 2], [1, 2], [3, 0]])
    expect(rows(mirrorTile(pair, 'quad'))).toEqual([
      [1, 2, 2, 1],
      [3, 0, 0, 3],
      [3, 0, 0, 3],
      [1, 2, 2, 1]
    ])
    expect(rows(mirrorTile(pair, 'quad_reversed'))).toEqual([
      [0, 3, 3, 0],
      [2, 1, 1, 2],
      [2, 1, 1, 2],
      [0, 3, 3, 0]
    ])
    expect(mirrorTile(generated(16, 1, () => 1), 'right')).toBeNull()
  })
})

describe('gravity', () => {
  const loose = image([
    [1, 0, 2],
    [0, 0, 0],
    [0, 3, 4]
  ])

  it('packs cells against each side, keeping their order along the line', () => {
    expect(rows(gravity(loose, 'down'))).toEqual([[0, 0, 0], [0, 0, 2], [1, 3, 4]])
    expect(rows(gravity(loose, 'up'))).toEqual([[1, 3, 2], [0, 0, 4], [0, 0, 0]])
    expect(rows(gravity(loose, 'left'))).toEqual([[1, 2, 0], [0, 0, 0], [3, 4, 0]])
    expect(rows(gravity(loose, 'right'))).toEqual([[0, 1, 2], [0, 0, 0], [0, 3, 4]])
  })

  it('handles 1xN lines', () => {
    expect(rows(gravity(image([[0, 5, 0, 6]]), 'left'))).toEqual([[5, 6, 0, 0]])
    expect(rows(gravity(image([[0, 5, 0, 6]]), 'down'))).toEqual([[0, 5, 0, 6]])
  })
})

describe('turning tiles, fractals and shifts', () => {
  const square = image([[8, 6], [0, 8]])

  it('puts quarter turns around a square image, and refuses a non-square one', () => {
    expect(rows(mirrorTile(square, 'turns_clockwise'))).toEqual([
      [8, 6, 0, 8],
      [0, 8, 8, 6],
      [6, 8, 8, 0],
      [8, 0, 6, 8]
    ])
    expect(rows(mirrorTile(square, 'turns_counter'))).toEqual([
      [8, 6, 6, 8],
      [0, 8, 8, 0],
      [0, 8, 8, 0],
      [8, 6, 6, 8]
    ])
    expect(mirrorTile(image([[1, 2, 3]]), 'turns_clockwise')).toBeNull()
  })

  it('builds a fractal from set or background cells, refusing past 30x30', () => {
    const corner = image([[5, 0], [0, 0]])
    expect(rows(fractal(corner, 'set'))).toEqual([
      [5, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0]
    ])
    expect(rows(fractal(corner, 'background'))).toEqual([
      [0, 0, 5, 0],
      [0, 0, 0, 0],
      [5, 0, 5, 0],
      [0, 0, 0, 0]
    ])
    expect(rows(fractal(image([[3]]), 'set'))).toEqual([[3]])
    expect(fractal(generated(6, 1, () => 1), 'set')).toBeNull()
  })

  it('shifts the content one cell, losing what passes the edge', () => {
    expect(rows(shift(pair, 'down'))).toEqual([[0, 0], [1, 2]])
    expect(rows(shift(pair, 'up'))).toEqual([[3, 0], [0, 0]])
    expect(rows(shift(pair, 'right'))).toEqual([[0, 1], [0, 3]])
    expect(rows(shift(pair, 'left'))).toEqual([[2, 0], [0, 0]])
    expect(rows(shift(image([[4]]), 'left'))).toEqual([[0]])
  })
})
