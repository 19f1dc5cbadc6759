// Memoisation for one build: the same demonstration grid appears in K leave-one-out tasks and in
// K(K-1) leave-two-out tasks, and every fixed augmenter is one shared instance, so caching
// (augmenter, grid) -> grid turns K-fold repeated grid building into one. Grids are frozen, so a
// cached result can be shared safely. Made per build and dropped with it: no module-level state.
import type { GridTransform } from '../../arc/transforms'
import type { Grid } from '../../arc/types'

export class GridCache {
  private readonly transformed = new Map<GridTransform, GridTransform>()
  private readonly ids = new WeakMap<Grid, number>()
  private readonly idOfKey = new Map<string, number>()

  /** `transform` with `apply` memoised per input grid (same id, size rule, params and inverse). */
  memoised(transform: GridTransform): GridTransform {
    const known = this.transformed.get(transform)
    if (known) return known
    const results = new WeakMap<Grid, Grid>()
    const apply = (grid: Grid): Grid => {
      let result = results.get(grid)
      if (!result) {
        result = transform.apply(grid)
        results.set(grid, result)
      }
      return result
    }
    const wrapped: GridTransform = { ...transform, apply }
    this.transformed.set(transform, wrapped)
    return wrapped
  }

  /**
   * A small integer per distinct grid content (equal grids, even as different objects, get the
   * same id), computed once per grid object. Example keys made of these ids are short strings, so
   * deduplicating thousands of examples of 30x30 grids does not hash kilobyte keys.
   */
  id(grid: Grid): number {
    let id = this.ids.get(grid)
    if (id === undefined) {
      const key = compactGridKey(grid)
      id = this.idOfKey.get(key)
      if (id === undefined) {
        id = this.idOfKey.size
        this.idOfKey.set(key, id)
      }
      this.ids.set(grid, id)
    }
    return id
  }
}

/**
 * Same identity as arc/grid.ts `gridKey` (shape, then cells row by row), built from character codes:
 * one character per cell ('0'..'9') and '|' per row. `gridKey`'s per-row join of numbers was most
 * of the build's time on 400 tasks (the colour-permuted copies make thousands of new grids).
 */
function compactGridKey(grid: Grid): string {
  const codes: number[] = []
  for (const row of grid) {
    for (const colour of row) codes.push(48 + colour)
    codes.push(124)
  }
  return `${grid.length}x${grid[0]?.length ?? 0}:${String.fromCharCode(...codes)}`
}
