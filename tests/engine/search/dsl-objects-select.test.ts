// Picking one image from a list by a property; ties go to the earlier image, and the unique picks
// refuse to choose when the answer is not single.
import { describe, expect, it } from 'vitest'
import { blank, fromGrid, type Image, type ImageList } from '../../../main/engine/search/image'
import { SELECT_TRANSFORMS } from '../../../main/engine/search/dsl/objects/select'

function at(grid: number[][], x: number, y: number): Image {
  return { ...fromGrid(grid), x, y }
}

function pick(property: string, images: ImageList): Image | null {
  const transform = SELECT_TRANSFORMS.find((t) => t.args[0] === property)
  if (!transform) throw new Error(`no pick ${property}`)
  return transform.apply(images, { outputSize: null })
}

// a: 3 cells of colour 1 in a 2x2 box at the top-left; b: 4 cells of two colours in a 1x4 strip at the
// bottom; c: 1 cell of colour 2 on the right.
const a = at([[1, 1], [1, 0]], 0, 0)
const b = at([[3, 3, 2, 3]], 1, 5)
const c = at([[2]], 8, 2)
const objects = [a, b, c]

describe('picks by a measure', () => {
  it.each([
    ['largest', b],
    ['smallest', c],
    ['largest_box', a], // 2x2 = 4 ties 1x4 = 4: the earlier wins
    ['smallest_box', c],
    ['most_colours', b],
    ['fewest_colours', a],
    ['top', a],
    ['bottom', b],
    ['left', a],
    ['right', c],
    ['first', a],
    ['last', c]
  ])('%s', (property, expected) => {
    expect(pick(property, objects)).toBe(expected)
  })

  it('most_minority and fewest_minority count the least common colour of the whole list', () => {
    // Colour 2 has 2 cells over the list (one in b, one in c), colour 1 has 3 and colour 3 has 3.
    const withTwo = at([[2, 2, 2]], 0, 9) // now colour 2 has 5 cells and colour 1 (3 cells) is the minority
    expect(pick('most_minority', objects)).toBe(b) // b and c hold one cell of colour 2 each: b comes first
    expect(pick('fewest_minority', objects)).toBe(a)
    expect(pick('most_minority', [a, c])).toBe(c)
    expect(pick('most_minority', [withTwo, b, a])).toBe(a)
  })

  it('never picks an empty image and returns null for an empty list', () => {
    const empty = blank(1, 1) as Image
    expect(pick('smallest', [empty, c])).toBe(c)
    expect(pick('first', [empty, a])).toBe(a)
    expect(pick('largest', [])).toBeNull()
  })

  it('picks from a 1x1 list and among 30x30 images', () => {
    expect(pick('largest', [c])).toBe(c)
    const big = blank(30, 30, 4) as Image
    expect(pick('largest_box', [c, big])).toBe(big)
  })
})

describe('picks of the odd one out', () => {
  const square = (colour: number, x: number): Image => at([[colour, colour], [colour, colour]], x, 0)
  const bar = at([[1, 1, 1, 1]], 0, 4)

  it('unique_colour picks the one image with a colour nobody else has', () => {
    expect(pick('unique_colour', [square(1, 0), square(2, 3), square(1, 6)])!.cells[0]).toBe(2)
    expect(pick('unique_colour', [square(1, 0), square(2, 3), square(3, 6)])).toBeNull()
    expect(pick('unique_colour', [square(1, 0), square(1, 3)])).toBeNull()
  })

  it('unique_shape ignores colour; unique_pattern does not', () => {
    const odd = pick('unique_shape', [square(1, 0), square(2, 3), bar])
    expect(odd).toBe(bar)
    expect(pick('unique_shape', [square(1, 0), square(2, 3)])).toBeNull()
    expect(pick('unique_pattern', [square(1, 0), square(2, 3), square(1, 6)])!.cells[0]).toBe(2)
  })

  it('common_shape and common_pattern pick a member of the most frequent kind, null on a tie', () => {
    const first = square(1, 0)
    expect(pick('common_shape', [bar, first, square(2, 3)])).toBe(first)
    expect(pick('common_pattern', [square(2, 9), bar, first, square(1, 6)])).toBe(first)
    expect(pick('common_shape', [bar, first])).toBeNull()
    expect(pick('common_pattern', [first])).toBe(first)
  })
})

describe('picks by symmetry', () => {
  const mirrored = at([[6, 6, 6, 6], [0, 6, 6, 0]], 3, 6) // equal to its left-right mirror
  const skewed = at([[2, 2, 0], [0, 2, 2]], 1, 1) // equal to its half turn
  const irregular = at([[7, 7, 7], [7, 0, 7], [0, 0, 7]], 6, 2)
  const transposed = at([[1, 2], [2, 3]], 0, 0) // square, equal only to its transpose

  it('symmetric picks the one image with a symmetry, asymmetric the one without', () => {
    expect(pick('symmetric', [irregular, mirrored])).toBe(mirrored)
    expect(pick('symmetric', [mirrored, skewed])).toBeNull()
    expect(pick('asymmetric', [skewed, irregular, transposed])).toBe(irregular)
    expect(pick('asymmetric', [irregular, at([[1, 2], [3, 4]], 0, 0)])).toBeNull()
  })

  it('counts a 1x1 image as symmetric', () => {
    expect(pick('symmetric', [at([[4]], 0, 0), irregular])!.cells[0]).toBe(4)
  })
})

