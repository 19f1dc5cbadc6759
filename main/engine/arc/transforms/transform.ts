// The shape every grid transform shares, and the one helper that builds their output grids.
import { makeGrid } from '../grid'
import type { Color, Grid } from '../types'
import type { TransformId } from './ids'

export interface GridSize {
  readonly height: number
  readonly width: number
}

/**
 * A map from grids to grids with a typed id. `outputSize` lets a caller reject a transform whose
 * result would exceed 30x30 before building anything (see apply-to-task.ts); `apply` itself throws
 * on such a grid, as `makeGrid` does, because reaching it is a programming error.
 */
export interface GridTransform<Id extends TransformId = TransformId> {
  readonly id: Id
  /** Values drawn for this instance (translation offsets, colour map), kept for logs and provenance. */
  readonly params?: Readonly<Record<string, number | readonly number[]>>
  readonly outputSize: (size: GridSize) => GridSize
  readonly apply: (grid: Grid) => Grid
  /** Present only where the transform is invertible: `invert(apply(g))` equals `g` for every grid. */
  readonly invert?: (grid: Grid) => Grid
}

export interface InvertibleTransform<Id extends TransformId = TransformId> extends GridTransform<Id> {
  readonly invert: (grid: Grid) => Grid
}

export function sizeOf(grid: Grid): GridSize {
  return { height: grid.length, width: grid[0]?.length ?? 0 }
}

/** Builds a frozen grid of the given size whose cell (row, col) is `cellAt(row, col)`. */
export function gridFromCells(size: GridSize, cellAt: (row: number, col: number) => Color): Grid {
  const rows: Color[][] = []
  for (let row = 0; row < size.height; row++) {
    const cells: Color[] = new Array<Color>(size.width)
    for (let col = 0; col < size.width; col++) cells[col] = cellAt(row, col)
    rows.push(cells)
  }
  return makeGrid(rows)
}

/** Reads a cell that the caller's index arithmetic guarantees to exist. */
export function cell(grid: Grid, row: number, col: number): Color {
  return grid[row]![col]!
}

/**
 * `second` after `first`, with the given id. Inverse only when both parts have one:
 * (second . first)^-1 = first^-1 . second^-1.
 */
export function chain<Id extends TransformId>(id: Id, first: GridTransform, second: GridTransform): GridTransform<Id> {
  const firstInverse = first.invert
  const secondInverse = second.invert
  const apply = (grid: Grid): Grid => second.apply(first.apply(grid))
  const outputSize = (size: GridSize): GridSize => second.outputSize(first.outputSize(size))
  if (firstInverse && secondInverse) {
    return { id, outputSize, apply, invert: (grid) => firstInverse(secondInverse(grid)) }
  }
  return { id, outputSize, apply }
}
