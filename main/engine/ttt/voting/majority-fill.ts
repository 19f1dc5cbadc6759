// The row-majority and column-majority grids that fill a voting group's top 3 when it has fewer
// than 3 distinct predictions (recipe section 7). Follows `row_base_majority_voting` in marc's
// arclib/voting.py (ekinakyurek/marc):
//   1. take the most common shape H x W among the group's predictions;
//   2. for each row index r < H, take the most frequent row among the predictions that have a row r
//      of width W (any height, not only H x W grids);
//   3. stack those rows. Column-majority is the same on the transposed grids, transposed back.
// Ties (shape and row) go to the first seen, where marc's `max(set(...))` is arbitrary. The result may
// be a grid no single prediction equals: a consensus assembled row by row.
import { makeGrid } from '../../arc/grid'
import type { Color, Grid } from '../../arc/types'

/** Row-majority grid of a non-empty list of predictions. */
export function rowMajorityGrid(grids: readonly Grid[]): Grid {
  if (grids.length === 0) throw new RangeError('rowMajorityGrid needs at least one grid')
  const { height, width } = mostCommonShape(grids)
  const rows: (readonly Color[])[] = []
  for (let r = 0; r < height; r += 1) {
    const candidates = grids.flatMap((grid) => {
      const row = grid[r]
      return row !== undefined && row.length === width ? [row] : []
    })
    rows.push(mostFrequentRow(candidates))
  }
  return makeGrid(rows)
}

/** Column-majority grid: the row-majority grid of the transposed predictions, transposed back. */
export function columnMajorityGrid(grids: readonly Grid[]): Grid {
  return makeGrid(transposeGrid(rowMajorityGrid(grids.map(transposeGrid))))
}

function mostCommonShape(grids: readonly Grid[]): { height: number; width: number } {
  const counts = new Map<string, { height: number; width: number; count: number }>()
  for (const grid of grids) {
    const height = grid.length
    const width = grid[0]?.length ?? 0
    const key = `${height}x${width}`
    const entry = counts.get(key)
    if (entry) entry.count += 1
    else counts.set(key, { height, width, count: 1 })
  }
  // Map iteration is insertion order, and `>` keeps the earlier entry on a tie: first seen wins.
  let best: { height: number; width: number; count: number } | undefined
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry
  return best!
}

/** Most frequent row; first seen on a tie. `rows` is never empty: the grids of the common shape have row r. */
function mostFrequentRow(rows: readonly (readonly Color[])[]): readonly Color[] {
  const counts = new Map<string, { row: readonly Color[]; count: number }>()
  for (const row of rows) {
    const key = row.join(',')
    const entry = counts.get(key)
    if (entry) entry.count += 1
    else counts.set(key, { row, count: 1 })
  }
  let best: { row: readonly Color[]; count: number } | undefined
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry
  return best!.row
}

function transposeGrid(grid: Grid): Color[][] {
  const width = grid[0]?.length ?? 0
  return Array.from({ length: width }, (_, c) => grid.map((row) => row[c]!))
}
