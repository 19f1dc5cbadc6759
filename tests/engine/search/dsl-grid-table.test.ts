// The grid family's table: readable and safe for the search to apply blindly to any image.
import { describe, expect, it } from 'vitest'
import { GRID_TRANSFORMS } from '../../../main/engine/search/dsl/grid'
import type { TransformContext } from '../../../main/engine/search/dsl/transform'
import { callText } from '../../../main/engine/search/dsl/transform'
import type { Image } from '../../../main/engine/search/image'
import { generated, image, NO_SIZE, sized } from './dsl-grid-helpers'

const imageTransforms = GRID_TRANSFORMS.filter((t) => t.from === 'image' && t.to === 'image')

/** Every image -> image entry applied to `input`; throws name the entry that failed. */
function applyAll(input: Image, context: TransformContext): (Image | null)[] {
  return imageTransforms.map((t) => {
    try {
      return t.apply(input, context) as Image | null
    } catch (error) {
      throw new Error(`${callText(t, 'x')} threw on a ${input.w}x${input.h} image: ${String(error)}`)
    }
  })
}

function valid(result: Image | null): boolean {
  if (result === null) return true
  const inRange = result.cells.every((c) => c <= 9)
  return result.w >= 1 && result.h >= 1 && result.w <= 30 && result.h <= 30 && result.cells.length === result.w * result.h && inRange
}

describe('grid transform table', () => {
  it('has at least 70 entries, all image -> image, with unique name and arguments', () => {
    expect(GRID_TRANSFORMS.length).toBeGreaterThanOrEqual(70)
    expect(imageTransforms.length).toBe(GRID_TRANSFORMS.length)
    const keys = GRID_TRANSFORMS.map((t) => callText(t, 'x'))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('covers the families the search needs', () => {
    const names = new Set(GRID_TRANSFORMS.map((t) => t.name))
    const families = ['rotate_90', 'flip_horizontal', 'transpose', 'crop', 'remove_empty', 'remove_repeats', 'scale_up', 'scale_down',
      'scale_down_blocks', 'tile', 'tile_to_output', 'mirror_tile', 'gravity', 'keep_colour', 'remove_colour', 'paint', 'paint_majority',
      'swap_colours', 'fill_background', 'outline', 'interior', 'fill_holes', 'frame', 'add_border', 'remove_border', 'connect', 'ray',
      'embed', 'centre', 'to_origin', 'blank_canvas', 'majority_cell', 'majority_canvas', 'complete_symmetry', 'denoise']
    expect(families.filter((name) => !names.has(name))).toEqual([])
    const colourVariants = GRID_TRANSFORMS.filter((t) => t.name === 'keep_colour').map((t) => t.args[0])
    expect(colourVariants).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('gives every entry a lowercase name, a one-line doc and a positive cost', () => {
    for (const t of GRID_TRANSFORMS) {
      expect(t.name, callText(t, 'x')).toMatch(/^[a-z][a-z0-9_]*$/)
      expect(t.doc.trim().length, t.name).toBeGreaterThan(0)
      expect(t.doc, t.name).not.toMatch(/\n/)
      expect(t.cost, t.name).toBeGreaterThan(0)
    }
  })

  it.each<[string, Image]>([
    ['1x1 background', image([[0]])],
    ['1x1 colour', image([[3]])],
    ['1x7 row', image([[0, 1, 0, 2, 2, 0, 1]])],
    ['7x1 column', image([[1], [0], [0], [4], [0], [1], [1]])],
    ['30x30 pattern', generated(30, 30, (r, c) => (r * 3 + c * 5 + ((r * c) % 7)) % 10)],
    ['30x30 blank', generated(30, 30, () => 0)],
    ['offset object', image([[1, 1], [0, 1]], 28, 29)]
  ])('no entry throws or builds an impossible image on a %s', (_, input) => {
    for (const context of [NO_SIZE, sized(1, 1), sized(30, 30), sized(6, 4)]) {
      for (const result of applyAll(input, context)) expect(valid(result)).toBe(true)
    }
  })

  it('never changes its input (images are immutable)', () => {
    const input = generated(6, 5, (r, c) => (r === 2 ? 0 : (r + c) % 4))
    const before = input.cells.slice()
    applyAll(input, sized(12, 10))
    expect(input.cells).toEqual(before)
  })
})
