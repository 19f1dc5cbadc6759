// Random grids for property tests: random shapes plus the edge shapes (1x1, 1xN, Nx1, 30x30).
import { makeGrid, type Grid } from '../../../../main/engine/arc'
import type { Rng } from '../../../../main/engine/random'

export function randomGrid(rng: Rng, height: number, width: number): Grid {
  return makeGrid(Array.from({ length: height }, () => Array.from({ length: width }, () => rng.int(0, 9))))
}

/** 2x3 with distinct cells: every symmetry gives a different grid, and axis swaps show in the shape. */
export const DISTINCT_2X3 = makeGrid([
  [1, 2, 3],
  [4, 5, 6]
])

/** `count` random grids: the edge shapes first, then random sizes 1..30 on each side. */
export function randomGrids(rng: Rng, count: number): Grid[] {
  const edgeShapes: [number, number][] = [
    [1, 1],
    [1, 7],
    [1, 30],
    [7, 1],
    [30, 1],
    [30, 30],
    [2, 29],
    [29, 2]
  ]
  const grids = edgeShapes.map(([h, w]) => randomGrid(rng, h, w))
  while (grids.length < count) grids.push(randomGrid(rng, rng.int(1, 30), rng.int(1, 30)))
  return grids
}
