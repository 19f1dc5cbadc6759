import { describe, expect, it } from 'vitest'
import { gridsEqual, makeGrid } from '../../../../main/engine/arc'
import {
  TTT_AUGMENTERS,
  TTT_AUGMENTER_IDS,
  augmenterEntry,
  augmentersForTask,
  randomTranslation,
  translation,
  type AugmenterId
} from '../../../../main/engine/arc/transforms'
import { createRng } from '../../../../main/engine/random'
import { DISTINCT_2X3 as G, randomGrids } from './random-grids'

// G (2x3, distinct cells) for the single maps; 2x2 for the chains, where it tells all 6 apart.
const SQUARE = makeGrid([
  [1, 2],
  [3, 4]
])

/** Each cell of a hand-written grid as a 2x2 block, to state the chains' results readably. */
const up2 = (rows: number[][]): number[][] => rows.flatMap((row) => [row.flatMap((c) => [c, c]), row.flatMap((c) => [c, c])])

const EXPECTED: Record<Exclude<AugmenterId, 'translate'>, { input: typeof G; output: number[][] }> = {
  'rotate-90': { input: G, output: [[4, 1], [5, 2], [6, 3]] },
  'rotate-270': { input: G, output: [[3, 6], [2, 5], [1, 4]] },
  'rotate-180': { input: G, output: [[6, 5, 4], [3, 2, 1]] },
  'flip-up-down': { input: G, output: [[4, 5, 6], [1, 2, 3]] },
  'flip-left-right': { input: G, output: [[3, 2, 1], [6, 5, 4]] },
  'reflect-vertical-mirror-first': { input: G, output: [[4, 5, 6], [1, 2, 3], [1, 2, 3], [4, 5, 6]] },
  'reflect-horizontal-mirror-first': { input: G, output: [[3, 2, 1, 1, 2, 3], [6, 5, 4, 4, 5, 6]] },
  'reflect-vertical-mirror-second': { input: G, output: [[1, 2, 3], [4, 5, 6], [4, 5, 6], [1, 2, 3]] },
  'reflect-horizontal-mirror-second': { input: G, output: [[1, 2, 3, 3, 2, 1], [4, 5, 6, 6, 5, 4]] },
  transpose: { input: G, output: [[1, 4], [2, 5], [3, 6]] },
  'upscale-2': { input: G, output: [[1, 1, 2, 2, 3, 3], [1, 1, 2, 2, 3, 3], [4, 4, 5, 5, 6, 6], [4, 4, 5, 5, 6, 6]] },
  'double-height': { input: G, output: [[1, 2, 3], [1, 2, 3], [4, 5, 6], [4, 5, 6]] },
  'double-width': { input: G, output: [[1, 1, 2, 2, 3, 3], [4, 4, 5, 5, 6, 6]] },
  'rotate-90+upscale-2': { input: SQUARE, output: up2([[3, 1], [4, 2]]) },
  'rotate-270+upscale-2': { input: SQUARE, output: up2([[2, 4], [1, 3]]) },
  'rotate-180+upscale-2': { input: SQUARE, output: up2([[4, 3], [2, 1]]) },
  'flip-up-down+upscale-2': { input: SQUARE, output: up2([[3, 4], [1, 2]]) },
  'flip-left-right+upscale-2': { input: SQUARE, output: up2([[2, 1], [4, 3]]) },
  'transpose+upscale-2': { input: SQUARE, output: up2([[1, 3], [2, 4]]) },
  'tile-vertical': { input: G, output: [[1, 2, 3], [4, 5, 6], [1, 2, 3], [4, 5, 6]] },
  'tile-horizontal': { input: G, output: [[1, 2, 3, 1, 2, 3], [4, 5, 6, 4, 5, 6]] },
  'tile-2x2': { input: G, output: [[1, 2, 3, 1, 2, 3], [4, 5, 6, 4, 5, 6], [1, 2, 3, 1, 2, 3], [4, 5, 6, 4, 5, 6]] }
}

describe('the TTT augmenters', () => {
  it('are the 23 of the paper code, with unique stable ids in TTT_AUGMENTER_IDS order', () => {
    expect(TTT_AUGMENTERS).toHaveLength(23)
    expect(TTT_AUGMENTERS.map((e) => e.id)).toEqual([...TTT_AUGMENTER_IDS])
    expect(new Set(TTT_AUGMENTER_IDS).size).toBe(23)
    expect(TTT_AUGMENTERS.filter((e) => e.random).map((e) => e.id)).toEqual(['translate'])
  })

  it.each(Object.entries(EXPECTED))('%s gives the hand-computed grid, frozen, of its declared size', (id, { input, output }) => {
    const augmenter = augmenterEntry(id as AugmenterId).forTask(createRng(0))
    const out = augmenter.apply(input)
    expect(out).toEqual(output)
    expect(Object.isFrozen(out) && out.every((row) => Object.isFrozen(row))).toBe(true)
    expect(augmenter.outputSize({ height: input.length, width: input[0]!.length })).toEqual({ height: output.length, width: output[0]!.length })
    expect(augmenter.id).toBe(id)
  })

  it('translate wraps around by the recorded offsets (np.roll: content moves down and right)', () => {
    const t = translation(1, 2)
    expect(t.params).toEqual({ down: 1, right: 2 })
    expect(t.apply(G)).toEqual([
      [5, 6, 4],
      [2, 3, 1]
    ])
    // Offsets are taken modulo each grid's side: 3 down on a 2-row grid is 1 down.
    expect(translation(3, 0).apply(G)).toEqual(translation(1, 0).apply(G))
    expect(translation(0, 0).apply(G)).toEqual(G)
  })

  it('translate draws its offsets in 0..3 from the rng, once per task, reproducibly', () => {
    const seen = new Set<string>()
    for (let seed = 0; seed < 200; seed++) {
      const { down, right } = randomTranslation(createRng(seed)).params as { down: number; right: number }
      expect(down >= 0 && down <= 3 && right >= 0 && right <= 3).toBe(true)
      seen.add(`${down},${right}`)
    }
    expect(seen.size).toBe(16)
    const a = augmentersForTask(createRng(9))
    const b = augmentersForTask(createRng(9))
    expect(a.map((x) => x.params)).toEqual(b.map((x) => x.params))
    expect(a.map((x) => x.id)).toEqual([...TTT_AUGMENTER_IDS])
  })

  it('translate is a cyclic shift with an exact inverse', () => {
    const rng = createRng(4)
    for (const g of randomGrids(rng, 200)) {
      const t = randomTranslation(rng)
      expect(gridsEqual(t.invert(t.apply(g)), g)).toBe(true)
    }
  })

  it('only the geometric maps and the translation carry an inverse; the chains and size changers do not', () => {
    const invertible = augmentersForTask(createRng(0))
      .filter((a) => a.invert)
      .map((a) => a.id)
    expect(invertible.sort()).toEqual(['flip-left-right', 'flip-up-down', 'rotate-180', 'rotate-270', 'rotate-90', 'translate', 'transpose'])
  })

  it('refuse an unknown augmenter id', () => {
    expect(() => augmenterEntry('upscale-3' as AugmenterId)).toThrow(/unknown augmenter id "upscale-3"/)
  })
})
