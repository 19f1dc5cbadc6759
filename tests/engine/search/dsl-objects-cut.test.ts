// Cutting grids into objects and parts: connectivity, colour splitting, border filters, separator
// lines, gaps, halves and quadrants, each part keeping its place.
import { describe, expect, it } from 'vitest'
import { blank, fromGrid, type Image, type ImageList, toGrid } from '../../../main/engine/search/image'
import { connectedComponents } from '../../../main/engine/search/dsl/objects/components'
import { CUT_TRANSFORMS } from '../../../main/engine/search/dsl/objects/cut'
import {
  splitByColour,
  splitByEmptyLines,
  splitBySeparatorLines,
  splitHalves,
  splitQuadrants,
  splitThirds
} from '../../../main/engine/search/dsl/objects/split'

const noContext = { outputSize: null }

function cutWith(name: string, connectivity: number, grid: number[][]): ImageList | null {
  const transform = CUT_TRANSFORMS.find((t) => t.name === name && t.args[0] === connectivity)!
  return transform.apply(fromGrid(grid), noContext)
}

function placed(image: Image): { x: number; y: number; grid: readonly (readonly number[])[] } {
  return { x: image.x, y: image.y, grid: toGrid(image) }
}

describe('connected components', () => {
  const diagonal = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 2]
  ]

  it('joins corner neighbours of any colour with 8-connectivity, keeping the offset', () => {
    const objects = cutWith('cut', 8, diagonal)!
    expect(objects.map(placed)).toEqual([{ x: 0, y: 0, grid: diagonal }])
  })

  it('keeps corner neighbours apart with 4-connectivity', () => {
    const objects = cutWith('cut', 4, diagonal)!
    expect(objects.map(placed)).toEqual([
      { x: 0, y: 0, grid: [[1]] },
      { x: 1, y: 1, grid: [[1]] },
      { x: 2, y: 2, grid: [[2]] }
    ])
  })

  it('splits touching colours into single-coloured objects with cut_by_colour', () => {
    const objects = cutWith('cut_by_colour', 8, diagonal)!
    expect(objects.map(placed)).toEqual([
      { x: 0, y: 0, grid: [[1, 0], [0, 1]] },
      { x: 2, y: 2, grid: [[2]] }
    ])
  })

  it('leaves out the cells of other objects inside an object box (a ring around a dot)', () => {
    const ring = [
      [3, 3, 3],
      [3, 5, 3],
      [3, 3, 3]
    ]
    const objects = cutWith('cut_by_colour', 4, ring)!
    expect(objects.map(placed)).toEqual([
      { x: 0, y: 0, grid: [[3, 3, 3], [3, 0, 3], [3, 3, 3]] },
      { x: 1, y: 1, grid: [[5]] }
    ])
  })

  it('adds the source offset to the objects of an image that was itself cut out', () => {
    const image = { ...fromGrid([[0, 4], [0, 4]]), x: 5, y: 7 }
    expect(connectedComponents(image, { connectivity: 4, sameColour: false }).map(placed)).toEqual([
      { x: 6, y: 7, grid: [[4], [4]] }
    ])
  })

  it('finds one object in a 1xN strip and null in an empty grid', () => {
    expect(cutWith('cut', 4, [[2, 2, 2, 2]])!.map(placed)).toEqual([{ x: 0, y: 0, grid: [[2, 2, 2, 2]] }])
    expect(cutWith('cut', 8, [[0, 0, 0]])).toBeNull()
  })

  it('finds all 450 single cells of a 30x30 checkerboard with 4-connectivity and one object with 8', () => {
    const board = blank(30, 30) as Image
    const cells = board.cells as Uint8Array
    for (let r = 0; r < 30; r++) for (let c = 0; c < 30; c++) if ((r + c) % 2 === 0) cells[r * 30 + c] = 1
    expect(connectedComponents(board, { connectivity: 4, sameColour: false })).toHaveLength(450)
    const [whole] = connectedComponents(board, { connectivity: 8, sameColour: false })
    expect(whole!.w).toBe(30)
    expect(whole!.h).toBe(30)
  })
})

describe('border filters', () => {
  const grid = [
    [1, 0, 0, 0],
    [0, 0, 2, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 3]
  ]

  it('cut_border keeps the objects touching the edge', () => {
    expect(cutWith('cut_border', 8, grid)!.map((o) => o.cells[0])).toEqual([1, 3])
  })

  it('cut_interior keeps the objects clear of the edge', () => {
    expect(cutWith('cut_interior', 8, grid)!.map(placed)).toEqual([{ x: 2, y: 1, grid: [[2]] }])
    expect(cutWith('cut_interior', 4, [[1, 1], [1, 1]])).toBeNull()
  })
})

describe('boxes', () => {
  it('cut_boxes gives the grid under each single-coloured object box, other cells included', () => {
    const grid = [
      [2, 2, 2, 0],
      [2, 5, 2, 0],
      [2, 2, 2, 4]
    ]
    expect(cutWith('cut_boxes', 8, grid)!.map(placed)).toEqual([
      { x: 0, y: 0, grid: [[2, 2, 2], [2, 5, 2], [2, 2, 2]] },
      { x: 1, y: 1, grid: [[5]] },
      { x: 3, y: 2, grid: [[4]] }
    ])
    expect(cutWith('cut_boxes', 8, [[0]])).toBeNull()
  })
})

describe('splits', () => {
  it('split_colours gives one full-size layer per colour in colour order', () => {
    const layers = splitByColour(fromGrid([[2, 0, 1]]))!
    expect(layers.map(toGrid)).toEqual([[[0, 0, 1]], [[2, 0, 0]]])
    expect(splitByColour(fromGrid([[0]]))).toBeNull()
  })

  it('split_lines cuts between full lines of the separator colour, parts keeping their place', () => {
    const grid = [
      [1, 0, 5, 0, 2],
      [0, 1, 5, 2, 0],
      [5, 5, 5, 5, 5],
      [3, 3, 5, 0, 4]
    ]
    const parts = splitBySeparatorLines(fromGrid(grid))!
    expect(parts.map(placed)).toEqual([
      { x: 0, y: 0, grid: [[1, 0], [0, 1]] },
      { x: 3, y: 0, grid: [[0, 2], [2, 0]] },
      { x: 0, y: 3, grid: [[3, 3]] },
      { x: 3, y: 3, grid: [[0, 4]] }
    ])
  })

  it('split_lines picks the colour with the most lines and needs two parts', () => {
    // Colour 1 fills one row, colour 4 two: colour 4 separates.
    const grid = [[1, 1, 1], [2, 0, 2], [4, 4, 4], [0, 3, 0], [4, 4, 4]]
    expect(splitBySeparatorLines(fromGrid(grid))!.map(placed)).toEqual([
      { x: 0, y: 0, grid: [[1, 1, 1], [2, 0, 2]] },
      { x: 0, y: 3, grid: [[0, 3, 0]] }
    ])
    expect(splitBySeparatorLines(fromGrid([[5, 5, 5]]))).toBeNull()
    expect(splitBySeparatorLines(fromGrid([[5], [1]]))).toBeNull()
  })

  it('split_gaps cuts between empty rows and columns', () => {
    const parts = splitByEmptyLines(fromGrid([[1, 0, 2, 2], [1, 0, 0, 2]]))!
    expect(parts.map(placed)).toEqual([
      { x: 0, y: 0, grid: [[1], [1]] },
      { x: 2, y: 0, grid: [[2, 2], [0, 2]] }
    ])
    expect(splitByEmptyLines(fromGrid([[1, 1]]))).toBeNull()
  })

  it('split_halves drops the middle column of an odd width', () => {
    const halves = splitHalves(fromGrid([[1, 2, 5, 3, 4]]), 'columns')!
    expect(halves.map(placed)).toEqual([
      { x: 0, y: 0, grid: [[1, 2]] },
      { x: 3, y: 0, grid: [[3, 4]] }
    ])
    expect(splitHalves(fromGrid([[1], [2]]), 'rows')!.map(toGrid)).toEqual([[[1]], [[2]]])
    expect(splitHalves(fromGrid([[1, 2]]), 'rows')).toBeNull()
  })

  it('split_thirds cuts a side of 3k into thirds and a side of 3k + 2 around two separator lines', () => {
    expect(splitThirds(fromGrid([[1, 2, 3]]), 'columns')!.map(placed)).toEqual([
      { x: 0, y: 0, grid: [[1]] },
      { x: 1, y: 0, grid: [[2]] },
      { x: 2, y: 0, grid: [[3]] }
    ])
    const rows = splitThirds(fromGrid([[1], [1], [5], [2], [2], [5], [3], [3]]), 'rows')!
    expect(rows.map((p) => [p.y, toGrid(p)])).toEqual([[0, [[1], [1]]], [3, [[2], [2]]], [6, [[3], [3]]]])
    expect(splitThirds(fromGrid([[1, 2, 3, 4]]), 'columns')).toBeNull()
    expect(splitThirds(fromGrid([[1, 2]]), 'columns')).toBeNull()
  })

  it('split_quadrants gives the four corners row by row', () => {
    const grid = [
      [1, 0, 2],
      [0, 0, 0],
      [3, 0, 4]
    ]
    expect(splitQuadrants(fromGrid(grid))!.map(placed)).toEqual([
      { x: 0, y: 0, grid: [[1]] },
      { x: 2, y: 0, grid: [[2]] },
      { x: 0, y: 2, grid: [[3]] },
      { x: 2, y: 2, grid: [[4]] }
    ])
    expect(splitQuadrants(fromGrid([[1, 2]]))).toBeNull()
  })

  it('splits a 30x30 grid by a separator cross into four 14x14 parts', () => {
    const grid = blank(30, 30) as Image
    const cells = grid.cells as Uint8Array
    for (let i = 0; i < 30; i++) {
      cells[14 * 30 + i] = 8
      cells[15 * 30 + i] = 8
      cells[i * 30 + 14] = 8
      cells[i * 30 + 15] = 8
    }
    cells[0] = 1
    const parts = splitBySeparatorLines(grid)!
    expect(parts.map((p) => [p.x, p.y, p.w, p.h])).toEqual([[0, 0, 14, 14], [16, 0, 14, 14], [0, 16, 14, 14], [16, 16, 14, 14]])
  })
})
