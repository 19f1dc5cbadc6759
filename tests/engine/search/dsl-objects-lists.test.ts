// Lists to lists (crop, sort, remove, keep) and the content helpers they rest on.
import { describe, expect, it } from 'vitest'
import { blank, fromGrid, type Image, toGrid } from '../../../main/engine/search/image'
import { subImage, unionFrame } from '../../../main/engine/search/dsl/objects/content'
import { hasHole } from '../../../main/engine/search/dsl/objects/holes'
import { cropEach, keepExtremes, keepWith, removeExtremes, sortImages } from '../../../main/engine/search/dsl/objects/list-maps'

function at(grid: number[][], x: number, y: number): Image {
  return { ...fromGrid(grid), x, y }
}

describe('content helpers', () => {
  it('cuts out a rectangle that keeps its place in the frame', () => {
    const image = at([[0, 0, 0], [0, 3, 0], [0, 4, 4]], 2, 5)
    const part = subImage(image, 1, 1, 3, 3)
    expect([part.x, part.y, toGrid(part)]).toEqual([3, 6, [[3, 0], [4, 4]]])
    expect(toGrid(subImage(fromGrid([[7]]), 0, 0, 1, 1))).toEqual([[7]])
  })

  it('finds the frame holding every image of a list', () => {
    expect(unionFrame([at([[1]], 4, 1), at([[1, 1]], 0, 3)])).toEqual({ left: 0, top: 1, right: 5, bottom: 4 })
    expect(unionFrame([])).toBeNull()
  })

  it('sees holes only where background is enclosed', () => {
    expect(hasHole(fromGrid([[1, 1, 1], [1, 0, 1], [1, 1, 1]]))).toBe(true)
    expect(hasHole(fromGrid([[1, 1, 1], [1, 0, 0], [1, 1, 1]]))).toBe(false)
    expect(hasHole(fromGrid([[0, 1, 0], [1, 0, 1], [0, 1, 0]]))).toBe(true) // corner-touching walls still enclose
    expect(hasHole(blank(1, 1) as Image)).toBe(false)
    const ring = blank(30, 30, 2) as Image
    ;(ring.cells as Uint8Array)[15 * 30 + 15] = 0
    expect(hasHole(ring)).toBe(true)
  })
})

describe('list maps', () => {
  const small = at([[0, 1], [0, 0]], 5, 0)
  const big = at([[2, 2], [2, 0]], 0, 3)
  const empty = at([[0]], 9, 9)

  it('crop_each crops every image and drops the empty ones', () => {
    const cropped = cropEach([small, empty, big])!
    expect(cropped.map((i) => [i.x, i.y, toGrid(i)])).toEqual([[6, 0, [[1]]], [0, 3, [[2, 2], [2, 0]]]])
    expect(cropEach([empty])).toBeNull()
  })

  it('sorts stably by size and by position', () => {
    const sameSize = at([[3]], 0, 0)
    expect(sortImages([big, small, sameSize], 'size')).toEqual([small, sameSize, big])
    expect(sortImages([small, big], 'size_descending')).toEqual([big, small])
    expect(sortImages([big, small], 'rows')).toEqual([small, big])
    expect(sortImages([small, big], 'columns')).toEqual([big, small])
    expect(sortImages([], 'rows')).toBeNull()
  })

  it('removes every image tied for the largest or smallest, never counting an empty one as smallest', () => {
    expect(removeExtremes([small, big], true)).toEqual([small])
    expect(removeExtremes([small, big, empty], false)).toEqual([big, empty])
    const speck = at([[1]], 0, 0)
    expect(removeExtremes([speck, big, small], false)).toEqual([big])
    expect(removeExtremes([small], true)).toBeNull()
    expect(removeExtremes([], false)).toBeNull()
  })

  it('keeps the images with a property', () => {
    const twoColours = fromGrid([[1, 2]])
    const ring = fromGrid([[4, 4, 4], [4, 0, 4], [4, 4, 4]])
    expect(keepWith([twoColours, small], 'single_colour')).toEqual([small])
    expect(keepWith([twoColours, small], 'multi_colour')).toEqual([twoColours])
    expect(keepWith([ring, big], 'with_hole')).toEqual([ring])
    expect(keepWith([ring, big], 'without_hole')).toEqual([big])
    expect(keepWith([small], 'with_hole')).toBeNull()
    expect(keepWith([small, big, empty], 'single_cell')).toEqual([small])
    expect(keepWith([small, big, empty], 'multi_cell')).toEqual([big])
  })

  it('keeps every image tied for the most or fewest cells, never an empty one', () => {
    const otherBig = at([[3, 3, 3]], 4, 4)
    expect(keepExtremes([big, small, otherBig], true)).toEqual([big, otherBig])
    expect(keepExtremes([empty, big, small], false)).toEqual([small])
    expect(keepExtremes([empty], false)).toBeNull()
    expect(keepExtremes([], true)).toBeNull()
  })
})
