import { describe, expect, it } from 'vitest'
import { gridsEqual, makeGrid } from '../../../../main/engine/arc'
import { colourPermutation, randomColourPermutation } from '../../../../main/engine/arc/transforms'
import { createRng } from '../../../../main/engine/random'
import { randomGrids } from './random-grids'

describe('colour permutations', () => {
  it('recolour every cell by the map and record the map', () => {
    const swap12 = colourPermutation([0, 2, 1, 3, 4, 5, 6, 7, 8, 9])
    expect(swap12.apply(makeGrid([[0, 1, 2, 3]]))).toEqual([[0, 2, 1, 3]])
    expect(swap12.id).toBe('colour-permutation')
    expect(swap12.params).toEqual({ map: [0, 2, 1, 3, 4, 5, 6, 7, 8, 9] })
    expect(swap12.outputSize({ height: 3, width: 4 })).toEqual({ height: 3, width: 4 })
  })

  it('invert with the inverse map (a 3-cycle shows the direction)', () => {
    // 1 -> 2 -> 3 -> 1
    const cycle = colourPermutation([0, 2, 3, 1, 4, 5, 6, 7, 8, 9])
    expect(cycle.apply(makeGrid([[1, 2, 3]]))).toEqual([[2, 3, 1]])
    expect(cycle.invert(makeGrid([[1, 2, 3]]))).toEqual([[3, 1, 2]])
  })

  it('invert(apply(g)) = g for random permutations on hundreds of random grids', () => {
    const rng = createRng(3)
    for (const g of randomGrids(rng, 300)) {
      const p = randomColourPermutation(rng)
      expect(gridsEqual(p.invert(p.apply(g)), g)).toBe(true)
      expect(gridsEqual(p.apply(p.invert(g)), g)).toBe(true)
    }
  })

  it('random maps keep 0, are permutations, are reproducible from the seed and vary', () => {
    const maps = Array.from({ length: 50 }, (_, i) => randomColourPermutation(createRng(i)).params!.map as number[])
    for (const map of maps) {
      expect(map[0]).toBe(0)
      expect([...map].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    }
    expect(randomColourPermutation(createRng(7)).params).toEqual(randomColourPermutation(createRng(7)).params)
    expect(new Set(maps.map((m) => m.join(''))).size).toBeGreaterThan(45)
  })

  it('return frozen grids', () => {
    const out = randomColourPermutation(createRng(1)).apply(makeGrid([[1, 2]]))
    expect(Object.isFrozen(out) && Object.isFrozen(out[0])).toBe(true)
  })

  it.each([
    [[0, 1, 2, 3, 4, 5, 6, 7, 8], /must have 10 entries.*got 9/],
    [[1, 0, 2, 3, 4, 5, 6, 7, 8, 9], /must keep 0 fixed, but sends 0 to 1/],
    [[0, 1, 1, 3, 4, 5, 6, 7, 8, 9], /not a permutation: 1 is the image of two colours/],
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 10], /sends 9 to 10, expected a colour 0\.\.9/],
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 2.5], /sends 9 to 2\.5/]
  ])('refuse the bad map %j with a clear message', (map, message) => {
    expect(() => colourPermutation(map)).toThrow(message)
  })
})
