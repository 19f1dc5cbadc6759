// Cell-level comparison of a predicted grid with the true one, for the Task detail view. Two
// grids of different shapes have no cell-by-cell diff: the result says so and gives both sizes,
// which is itself the most useful thing to show ("shape differs: 3x4 vs 4x4").
import type { Grid } from '../../../main/engine/arc/types'

export interface GridSize {
  readonly height: number
  readonly width: number
}

export interface CellMismatch {
  readonly row: number
  readonly column: number
  readonly predicted: number
  readonly expected: number
}

export type GridDiff =
  | { readonly kind: 'same-shape'; readonly size: GridSize; readonly cells: number; readonly mismatches: readonly CellMismatch[] }
  | { readonly kind: 'shape-mismatch'; readonly predicted: GridSize; readonly expected: GridSize }

export function sizeOf(grid: Grid): GridSize {
  return { height: grid.length, width: grid[0]?.length ?? 0 }
}

export function formatSize(size: GridSize): string {
  return `${size.height}x${size.width}`
}

/** Compares `predicted` with `expected` cell by cell (row-major order of mismatches). */
export function diffGrids(predicted: Grid, expected: Grid): GridDiff {
  const a = sizeOf(predicted)
  const b = sizeOf(expected)
  if (a.height !== b.height || a.width !== b.width) return { kind: 'shape-mismatch', predicted: a, expected: b }
  const mismatches: CellMismatch[] = []
  for (let row = 0; row < a.height; row++) {
    for (let column = 0; column < a.width; column++) {
      const p = predicted[row]![column]!
      const e = expected[row]![column]!
      if (p !== e) mismatches.push({ row, column, predicted: p, expected: e })
    }
  }
  return { kind: 'same-shape', size: a, cells: a.height * a.width, mismatches }
}

export function isExactMatch(diff: GridDiff): boolean {
  return diff.kind === 'same-shape' && diff.mismatches.length === 0
}

/** One line for the UI: "exact match", "3 of 16 cells differ", "shape differs: 3x4 vs 4x4". */
export function describeDiff(diff: GridDiff): string {
  if (diff.kind === 'shape-mismatch') return `shape differs: ${formatSize(diff.predicted)} vs ${formatSize(diff.expected)}`
  const n = diff.mismatches.length
  if (n === 0) return 'exact match'
  return `${n} of ${diff.cells} cell${diff.cells === 1 ? '' : 's'} differ${n === 1 ? 's' : ''}`
}

/**
 * Flat row-major indices of the mismatched cells (what a grid component outlines); empty when the
 * shapes differ, since no cell of one grid corresponds to a cell of the other.
 */
export function mismatchIndices(diff: GridDiff): ReadonlySet<number> {
  if (diff.kind === 'shape-mismatch') return new Set()
  return new Set(diff.mismatches.map((m) => m.row * diff.size.width + m.column))
}
