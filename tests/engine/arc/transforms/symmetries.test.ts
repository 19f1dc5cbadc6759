import { describe, expect, it } from 'vitest'
import { gridsEqual, makeGrid, type Grid } from '../../../../main/engine/arc'
import {
  INFERENCE_SYMMETRY_IDS,
  SYMMETRY_IDS,
  allSymmetries,
  inverseSymmetryId,
  symmetry,
  type SymmetryId
} from '../../../../main/engine/arc/transforms'
import { createRng } from '../../../../main/engine/random'
import { DISTINCT_2X3 as G, randomGrids } from './random-grids'

const EXPECTED: Record<SymmetryId, number[][]> = {
  identity: [
    [1, 2, 3],
    [4, 5, 6]
  ],
  // clockwise
  'rotate-90': [
    [4, 1],
    [5, 2],
    [6, 3]
  ],
  'rotate-180': [
    [6, 5, 4],
    [3, 2, 1]
  ],
  'rotate-270': [
    [3, 6],
    [2, 5],
    [1, 4]
  ],
  'flip-up-down': [
    [4, 5, 6],
    [1, 2, 3]
  ],
  'flip-left-right': [
    [3, 2, 1],
    [6, 5, 4]
  ],
  transpose: [
    [1, 4],
    [2, 5],
    [3, 6]
  ],
  'anti-transpose': [
    [6, 3],
    [5, 2],
    [4, 1]
  ]
}

const apply = (id: SymmetryId, grid: Grid): Grid => symmetry(id).apply(grid)

describe('the 8 symmetries', () => {
  it.each(SYMMETRY_IDS)('%s gives the hand-computed grid and its declared size', (id) => {
    const out = symmetry(id).apply(G)
    expect(out).toEqual(EXPECTED[id])
    expect(symmetry(id).outputSize({ height: 2, width: 3 })).toEqual({ height: out.length, width: out[0]!.length })
    expect(symmetry(id).id).toBe(id)
  })

  it('invert(apply(g)) = g and apply(invert(g)) = g on hundreds of random grids, edge shapes included', () => {
    const grids = randomGrids(createRng(1), 300)
    for (const t of allSymmetries()) {
      for (const g of grids) {
        expect(gridsEqual(t.invert(t.apply(g)), g)).toBe(true)
        expect(gridsEqual(t.apply(t.invert(g)), g)).toBe(true)
      }
    }
  })

  it('returns frozen grids', () => {
    for (const t of allSymmetries()) {
      const out = t.apply(G)
      expect(Object.isFrozen(out) && out.every((row) => Object.isFrozen(row))).toBe(true)
      expect(Object.isFrozen(t.invert(G))).toBe(true)
    }
  })

  it('rotate-90 is undone by rotate-270 and every other symmetry by itself (recipe section 6)', () => {
    expect(inverseSymmetryId('rotate-90')).toBe('rotate-270')
    expect(inverseSymmetryId('rotate-270')).toBe('rotate-90')
    for (const id of SYMMETRY_IDS.filter((i) => i !== 'rotate-90' && i !== 'rotate-270')) expect(inverseSymmetryId(id)).toBe(id)
    for (const id of SYMMETRY_IDS) expect(symmetry(id).invert(G)).toEqual(symmetry(inverseSymmetryId(id)).apply(G))
  })

  describe('group laws, on random grids', () => {
    const grids = randomGrids(createRng(2), 60)
    const same = (f: (g: Grid) => Grid, h: (g: Grid) => Grid): void => {
      for (const g of grids) expect(gridsEqual(f(g), h(g))).toBe(true)
    }
    it('rotate-90 four times is the identity; twice is rotate-180; three times is rotate-270', () => {
      const r = (g: Grid): Grid => apply('rotate-90', g)
      same((g) => r(r(r(r(g)))), (g) => g)
      same((g) => r(r(g)), (g) => apply('rotate-180', g))
      same((g) => r(r(r(g))), (g) => apply('rotate-270', g))
    })
    it('transpose is rotate-90 then flip-left-right; anti-transpose is rotate-90 then flip-up-down', () => {
      same((g) => apply('flip-left-right', apply('rotate-90', g)), (g) => apply('transpose', g))
      same((g) => apply('flip-up-down', apply('rotate-90', g)), (g) => apply('anti-transpose', g))
    })
    it('rotate-180 is both flips; each flip and transpose is an involution', () => {
      same((g) => apply('flip-up-down', apply('flip-left-right', g)), (g) => apply('rotate-180', g))
      for (const id of ['flip-up-down', 'flip-left-right', 'transpose', 'anti-transpose', 'rotate-180'] as const) {
        same((g) => apply(id, apply(id, g)), (g) => g)
      }
    })
    it('the 8 are distinct and closed under composition (a group of order 8)', () => {
      const probe = makeGrid([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9]
      ])
      const images = new Map(SYMMETRY_IDS.map((id) => [JSON.stringify(apply(id, probe)), id]))
      expect(images.size).toBe(8)
      for (const a of SYMMETRY_IDS) {
        for (const b of SYMMETRY_IDS) {
          expect(images.has(JSON.stringify(apply(b, apply(a, probe))))).toBe(true)
        }
      }
    })
  })

  it('the inference symmetries are among the 8', () => {
    for (const id of INFERENCE_SYMMETRY_IDS) expect(SYMMETRY_IDS).toContain(id)
  })

  it('refuses an unknown id with the list of valid ones', () => {
    expect(() => symmetry('rotate-45' as SymmetryId)).toThrow(/unknown symmetry id "rotate-45".*anti-transpose/)
  })
})
