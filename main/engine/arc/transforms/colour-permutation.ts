// Colour permutations that keep colour 0 (the background in most ARC tasks) fixed. One map is drawn
// per task and applied to every grid of it, so the task's rule survives the renaming.
//
// marc's `PermuteColors` prefers to send the colours a task uses to colours it does not use; here
// the map is a uniform random permutation of 1..9, which is simpler to state, to test and to
// invert, and gives every colour-renamed copy of the task the same chance.
import type { Rng } from '../../random'
import type { Grid } from '../types'
import { COLOUR_PERMUTATION_ID } from './ids'
import { cell, gridFromCells, sizeOf, type InvertibleTransform } from './transform'

export const COLOUR_COUNT = 10

export type ColourPermutation = InvertibleTransform<typeof COLOUR_PERMUTATION_ID>

/**
 * Throws a RangeError naming the problem unless `map` is a permutation of 0..9 with map[0] = 0
 * (map[c] is the colour that c becomes).
 */
export function validateColourMap(map: readonly number[]): void {
  const shown = `[${map.join(', ')}]`
  if (map.length !== COLOUR_COUNT) {
    throw new RangeError(`colour map must have ${COLOUR_COUNT} entries (one per colour 0..9), got ${map.length}: ${shown}`)
  }
  const seen = new Set<number>()
  map.forEach((target, colour) => {
    if (!Number.isInteger(target) || target < 0 || target >= COLOUR_COUNT) {
      throw new RangeError(`colour map sends ${colour} to ${target}, expected a colour 0..9: ${shown}`)
    }
    if (seen.has(target)) throw new RangeError(`colour map is not a permutation: ${target} is the image of two colours: ${shown}`)
    seen.add(target)
  })
  if (map[0] !== 0) throw new RangeError(`colour map must keep 0 fixed, but sends 0 to ${map[0]}: ${shown}`)
}

function recolour(grid: Grid, map: readonly number[]): Grid {
  return gridFromCells(sizeOf(grid), (row, col) => map[cell(grid, row, col)]!)
}

/** The colour permutation given by `map` (validated); its inverse is the inverse map. */
export function colourPermutation(map: readonly number[]): ColourPermutation {
  validateColourMap(map)
  const forward = Object.freeze([...map])
  const backward = new Array<number>(COLOUR_COUNT)
  forward.forEach((target, colour) => {
    backward[target] = colour
  })
  Object.freeze(backward)
  const permutation: ColourPermutation = {
    id: COLOUR_PERMUTATION_ID,
    params: Object.freeze({ map: forward }),
    outputSize: (size) => size,
    apply: (grid) => recolour(grid, forward),
    invert: (grid) => recolour(grid, backward)
  }
  return Object.freeze(permutation)
}

/** A uniformly random permutation of 1..9 (0 fixed), drawn from `rng`. */
export function randomColourPermutation(rng: Rng): ColourPermutation {
  const nonZero = rng.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9])
  return colourPermutation([0, ...nonZero])
}
