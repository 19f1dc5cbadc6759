// Putting lists back together: composing in place, logical combinations of parts, stacking,
// counting and voting.
import { describe, expect, it } from 'vitest'
import { blank, fromGrid, type Image, toGrid } from '../../../main/engine/search/image'
import { combineParts } from '../../../main/engine/search/dsl/objects/logic'
import { COMPOSE_TRANSFORMS, overlay } from '../../../main/engine/search/dsl/objects/compose'
import { countCells, countToSize, majorityVote, stack } from '../../../main/engine/search/dsl/objects/arrange'
import { LOGIC_TRANSFORMS } from '../../../main/engine/search/dsl/objects/logic'
import { cellPerPart } from '../../../main/engine/search/dsl/objects/layout'
import { splitBySeparatorLines } from '../../../main/engine/search/dsl/objects/split'

function at(grid: number[][], x: number, y: number): Image {
  return { ...fromGrid(grid), x, y }
}

function composeWith(name: string, layering: string, images: Image[], outputSize: { w: number; h: number } | null = null) {
  const transform = COMPOSE_TRANSFORMS.find((t) => t.name === name && t.args[0] === layering)!
  return transform.apply(images, { outputSize })
}

describe('compose', () => {
  // A 2x2 block of 1s at (1,1) and a single 2 at (2,2) overlapping its bottom-right cell.
  const block = at([[1, 1], [1, 1]], 1, 1)
  const dot = at([[2]], 2, 2)

  it('draws onto the smallest frame holding every image, which keeps its place', () => {
    const image = composeWith('compose', 'first_on_top', [block, dot])!
    expect([image.x, image.y]).toEqual([1, 1])
    expect(toGrid(image)).toEqual([[1, 1], [1, 1]])
    expect(toGrid(composeWith('compose', 'last_on_top', [block, dot])!)).toEqual([[1, 1], [1, 2]])
  })

  it('growing puts the image of fewest cells on top; largest_on_top the reverse', () => {
    expect(toGrid(composeWith('compose', 'growing', [dot, block])!)).toEqual([[1, 1], [1, 2]])
    expect(toGrid(composeWith('compose', 'largest_on_top', [block, dot])!)).toEqual([[1, 1], [1, 1]])
  })

  it('treats background as transparent', () => {
    const hollow = at([[3, 0], [0, 3]], 0, 0)
    const under = at([[4, 4], [4, 4]], 0, 0)
    expect(toGrid(composeWith('compose', 'first_on_top', [hollow, under])!)).toEqual([[3, 4], [4, 3]])
  })

  it('compose_on_output draws onto the predicted output frame from the origin, clipping overhangs', () => {
    expect(toGrid(composeWith('compose_on_output', 'first_on_top', [dot], { w: 3, h: 3 })!)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 2]
    ])
    expect(toGrid(composeWith('compose_on_output', 'first_on_top', [block], { w: 2, h: 2 })!)).toEqual([[0, 0], [0, 1]])
    expect(composeWith('compose_on_output', 'first_on_top', [dot], null)).toBeNull()
    expect(composeWith('compose_on_output', 'first_on_top', [dot], { w: 1, h: 1 })).toBeNull()
  })

  it('handles a 1x1 and a 30x30 frame', () => {
    expect(toGrid(composeWith('compose', 'growing', [at([[5]], 0, 0)])!)).toEqual([[5]])
    const image = composeWith('compose', 'growing', [at([[1]], 0, 0), at([[2]], 29, 29)])!
    expect([image.w, image.h, image.cells[899]]).toEqual([30, 30, 2])
    expect(composeWith('compose', 'growing', [at([[1]], 0, 0), at([[2]], 30, 0)])).toBeNull()
  })
})

describe('overlay', () => {
  // Three panels of a separator split, at different offsets.
  const panels = [at([[1, 0], [0, 0]], 0, 0), at([[2, 2], [0, 0]], 3, 0), at([[3, 3], [3, 3]], 6, 0)]

  it('lays same-size parts over one another at the origin, in the chosen order', () => {
    const first = overlay(panels, 'first_on_top')!
    expect([first.x, first.y, toGrid(first)]).toEqual([0, 0, [[1, 2], [3, 3]]])
    expect(toGrid(overlay(panels, 'last_on_top')!)).toEqual([[3, 3], [3, 3]])
    expect(toGrid(overlay(panels, 'growing')!)).toEqual([[1, 2], [3, 3]])
  })

  it('needs two or more parts of one size', () => {
    expect(overlay([panels[0]!], 'first_on_top')).toBeNull()
    expect(overlay([panels[0]!, at([[1]], 0, 0)], 'first_on_top')).toBeNull()
    expect(overlay([blank(1, 1) as Image, blank(1, 1) as Image], 'first_on_top')).toBeNull()
    expect(overlay([blank(30, 30, 5) as Image, blank(30, 30) as Image], 'last_on_top')!.cells[899]).toBe(5)
  })
})

describe('logical combinations', () => {
  const left = fromGrid([[1, 1, 0, 0]])
  const right = fromGrid([[2, 0, 2, 0]])

  it.each([
    ['and', [[1, 0, 0, 0]]],
    ['or', [[1, 1, 1, 0]]],
    ['xor', [[0, 1, 1, 0]]],
    ['nor', [[0, 0, 0, 1]]]
  ] as const)('%s paints its cells the common colour, or a fixed one', (op, ones) => {
    // Colours 1 and 2 hold two cells each: the lower colour, 1, is the common one.
    expect(toGrid(combineParts([left, right], op, 0)!)).toEqual(ones)
    expect(toGrid(combineParts([left, right], op, 7)!)).toEqual([ones[0].map((v) => v * 7)])
  })

  it('needs two or more parts of one size and a non-empty result', () => {
    expect(combineParts([left], 'or', 0)).toBeNull()
    expect(combineParts([left, fromGrid([[1]])], 'or', 0)).toBeNull()
    expect(combineParts([left, fromGrid([[0, 0, 3, 3]])], 'and', 0)).toBeNull()
  })

  it('reads xor over three parts as exactly one, and works on 1x1 and 30x30 parts', () => {
    expect(toGrid(combineParts([fromGrid([[1, 1]]), fromGrid([[1, 0]]), fromGrid([[1, 0]])], 'xor', 0)!)).toEqual([[0, 1]])
    expect(toGrid(combineParts([fromGrid([[3]]), fromGrid([[0]])], 'or', 0)!)).toEqual([[3]])
    const full = blank(30, 30, 4) as Image
    expect(combineParts([full, blank(30, 30) as Image], 'xor', 0)!.cells.every((v) => v === 4)).toBe(true)
  })

  it('offers four operations with the common colour and the nine fixed colours', () => {
    expect(LOGIC_TRANSFORMS).toHaveLength(40)
    const xorThree = LOGIC_TRANSFORMS.find((t) => t.name === 'xor' && t.args[0] === 3)!
    expect(toGrid(xorThree.apply([left, right], { outputSize: null })!)).toEqual([[0, 3, 3, 0]])
  })
})

describe('stack, count and vote', () => {
  it('stacks images of one height side by side and of one width top to bottom', () => {
    expect(toGrid(stack([fromGrid([[1], [2]]), fromGrid([[3, 0], [0, 4]])], 'horizontal')!)).toEqual([[1, 3, 0], [2, 0, 4]])
    expect(toGrid(stack([fromGrid([[1, 2]]), fromGrid([[3, 4]])], 'vertical')!)).toEqual([[1, 2], [3, 4]])
    expect(stack([fromGrid([[1, 2]]), fromGrid([[3]])], 'vertical')).toBeNull()
    expect(stack([blank(1, 1) as Image], 'vertical')).toBeNull()
    expect(stack(Array.from({ length: 31 }, () => fromGrid([[1]])), 'horizontal')).toBeNull()
  })

  it('counts non-empty images into a row or column of their common colour', () => {
    const images = [fromGrid([[2, 2]]), fromGrid([[3]]), blank(1, 1) as Image, fromGrid([[2]])]
    expect(toGrid(countToSize(images, 'horizontal')!)).toEqual([[2, 2, 2]])
    expect(toGrid(countToSize(images, 'vertical')!)).toEqual([[2], [2], [2]])
    expect(countToSize([blank(1, 1) as Image], 'vertical')).toBeNull()
    expect(countToSize(Array.from({ length: 31 }, () => fromGrid([[1]])), 'vertical')).toBeNull()
  })

  it('counts the non-zero cells of an image into a row or column of its most common colour', () => {
    expect(toGrid(countCells(fromGrid([[0, 3], [3, 5]]), 'horizontal')!)).toEqual([[3, 3, 3]])
    expect(toGrid(countCells(fromGrid([[4]]), 'vertical')!)).toEqual([[4]])
    expect(countCells(blank(1, 1) as Image, 'horizontal')).toBeNull()
    expect(countCells(blank(30, 30, 1) as Image, 'horizontal')).toBeNull()
  })

  it('votes each cell over three or more same-size images', () => {
    const clean = [[1, 2], [3, 0]]
    const noisy = [fromGrid([[1, 2], [5, 0]]), fromGrid([[1, 0], [3, 0]]), fromGrid([[6, 2], [3, 7]])]
    expect(toGrid(majorityVote(noisy)!)).toEqual(clean)
    expect(majorityVote(noisy.slice(0, 2))).toBeNull()
    expect(majorityVote([fromGrid([[1]]), fromGrid([[1]]), fromGrid([[1, 1]])])).toBeNull()
  })
})

describe('cell per part', () => {
  it('summarises the cells between separators as one cell each, at their place in the layout', () => {
    const grid = [
      [1, 1, 5, 0, 0, 5, 0, 2],
      [0, 1, 5, 0, 0, 5, 2, 2],
      [5, 5, 5, 5, 5, 5, 5, 5],
      [0, 0, 5, 3, 3, 5, 0, 0],
      [0, 0, 5, 3, 0, 5, 0, 0]
    ]
    const parts = splitBySeparatorLines(fromGrid(grid))!
    expect(toGrid(cellPerPart(parts)!)).toEqual([[1, 0, 2], [0, 3, 0]])
    expect(toGrid(cellPerPart([...parts].reverse())!)).toEqual([[1, 0, 2], [0, 3, 0]])
  })

  it('needs a full layout with each place once, and some colour', () => {
    expect(cellPerPart([at([[1]], 0, 0), at([[2]], 3, 4)])).toBeNull() // two rows and two columns, two parts
    expect(cellPerPart([at([[1]], 0, 0), at([[2]], 0, 0)])).toBeNull()
    expect(cellPerPart([at([[0]], 0, 0), at([[0]], 2, 0)])).toBeNull()
    expect(toGrid(cellPerPart([at([[4]], 7, 7)])!)).toEqual([[4]])
    const row = Array.from({ length: 30 }, (_, i) => at([[1 + (i % 9)]], i, 0))
    expect(cellPerPart(row)!.w).toBe(30)
    expect(cellPerPart([...row, at([[1]], 30, 0)])).toBeNull()
  })
})

