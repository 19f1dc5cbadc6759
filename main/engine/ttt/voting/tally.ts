// Counting identical grids. Every ranking in voting breaks ties by first-seen order, so that the same
// records in the same order always give the same attempts (marc breaks them by Python set order,
// which is arbitrary).
import { gridKey } from '../../arc/grid'
import type { Grid } from '../../arc/types'

export interface GridCount {
  readonly grid: Grid
  readonly key: string
  readonly count: number
  /** Index of the grid's first occurrence in the counted list. */
  readonly firstSeen: number
}

/** The distinct grids of a list with their counts, in first-seen order. */
export function countGrids(grids: readonly Grid[]): GridCount[] {
  const byKey = new Map<string, { grid: Grid; key: string; count: number; firstSeen: number }>()
  grids.forEach((grid, index) => {
    const key = gridKey(grid)
    const entry = byKey.get(key)
    if (entry) entry.count += 1
    else byKey.set(key, { grid, key, count: 1, firstSeen: index })
  })
  return [...byKey.values()]
}

/** The distinct grids, most frequent first; equal counts keep first-seen order. */
export function rankByFrequency(grids: readonly Grid[]): GridCount[] {
  return countGrids(grids).sort((a, b) => b.count - a.count || a.firstSeen - b.firstSeen)
}

/** How many grids of the list equal `grid`. */
export function occurrences(grids: readonly Grid[], grid: Grid): number {
  const key = gridKey(grid)
  return grids.reduce((n, g) => n + (gridKey(g) === key ? 1 : 0), 0)
}
