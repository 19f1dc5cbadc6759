// Grid construction and queries. Grids are deeply frozen so no code path can change one in place.
import { MAX_GRID_SIDE, type Color, type Grid } from './types'

/** Builds a frozen grid from rows. Throws on a shape no ARC grid can have (a programming error). */
export function makeGrid(rows: readonly (readonly Color[])[]): Grid {
  const height = rows.length
  const width = rows[0]?.length ?? 0
  if (height < 1 || width < 1 || height > MAX_GRID_SIDE || width > MAX_GRID_SIDE) {
    throw new RangeError(`grid must be 1x1 to ${MAX_GRID_SIDE}x${MAX_GRID_SIDE}, got ${height}x${width}`)
  }
  return Object.freeze(
    rows.map((row, r) => {
      if (row.length !== width) throw new RangeError(`grid row ${r} has ${row.length} cells, row 0 has ${width}`)
      return Object.freeze([...row])
    })
  )
}

export function gridHeight(grid: Grid): number {
  return grid.length
}

export function gridWidth(grid: Grid): number {
  return grid[0]?.length ?? 0
}

export function gridsEqual(a: Grid, b: Grid): boolean {
  if (a.length !== b.length || gridWidth(a) !== gridWidth(b)) return false
  return a.every((row, r) => row.every((cell, c) => cell === b[r]![c]))
}

/** A compact string that identifies a grid's shape and cells, for use as a map key. */
export function gridKey(grid: Grid): string {
  return `${gridHeight(grid)}x${gridWidth(grid)}:${grid.map((row) => row.join('')).join('|')}`
}
