// The size-changing and shifting augmenters of the TTT data (recipe section 3), as grid transforms.
// Each is defined by where an output cell comes from, as the symmetries are. The list of the 23
// used for TTT, with the random translation's factory, is in ttt-augmenters.ts.
import type { Rng } from '../../random'
import type { Grid } from '../types'
import type { AugmenterId } from './ids'
import { cell, gridFromCells, sizeOf, type GridSize, type GridTransform, type InvertibleTransform } from './transform'

export type Augmenter = GridTransform<AugmenterId>

/** Which way copies are stacked: 'vertical' above/below (height grows), 'horizontal' side by side. */
export type StackDirection = 'vertical' | 'horizontal'

/**
 * The grid concatenated with its mirror image (marc's `Reflect`): 'vertical' stacks the grid and
 * its up-down flip (2h x w), 'horizontal' puts it beside its left-right flip (h x 2w).
 * `mirrorFirst` puts the mirror above / to the left (marc's `reverse=True`).
 */
export function reflect(direction: StackDirection, mirrorFirst: boolean): Augmenter {
  const id: AugmenterId = `reflect-${direction}-mirror-${mirrorFirst ? 'first' : 'second'}`
  const vertical = direction === 'vertical'
  const outputSize = (size: GridSize): GridSize =>
    vertical ? { height: 2 * size.height, width: size.width } : { height: size.height, width: 2 * size.width }
  // Along the stacking axis, index i of the 2n-long result reads the original at i (first half) or
  // the mirror at 2n-1-i (second half); mirrorFirst swaps the halves, which is the same as reading
  // the result backwards.
  const along = (i: number, n: number): number => {
    const fromOriginalFirst = i < n ? i : 2 * n - 1 - i
    return mirrorFirst ? n - 1 - fromOriginalFirst : fromOriginalFirst
  }
  return Object.freeze({
    id,
    outputSize,
    apply: (grid: Grid) => {
      const { height, width } = sizeOf(grid)
      return gridFromCells(outputSize(sizeOf(grid)), (row, col) =>
        vertical ? cell(grid, along(row, height), col) : cell(grid, row, along(col, width))
      )
    }
  })
}

/** Largest wrap-around shift per axis in the TTT data: 0..3 cells, as in marc's RandomTranslateXY. */
export const MAX_TRANSLATION = 3

function roll(grid: Grid, down: number, right: number): Grid {
  const { height, width } = sizeOf(grid)
  // np.roll semantics: content moves down/right and wraps around; out[r][c] = in[r - down][c - right].
  const shiftRows = ((down % height) + height) % height
  const shiftCols = ((right % width) + width) % width
  return gridFromCells({ height, width }, (row, col) => cell(grid, (row - shiftRows + height) % height, (col - shiftCols + width) % width))
}

/**
 * Wrap-around translation of every grid by `down` rows and `right` columns (each taken modulo the
 * grid's own side, so a 2-row grid shifted by 3 moves by 1). It is a cyclic shift, so it has an
 * exact inverse, although the TTT data does not need it.
 */
export function translation(down: number, right: number): InvertibleTransform<'translate'> {
  if (!Number.isInteger(down) || !Number.isInteger(right)) {
    throw new RangeError(`translation offsets must be integers, got down ${down}, right ${right}`)
  }
  return Object.freeze({
    id: 'translate',
    params: Object.freeze({ down, right }),
    outputSize: (size: GridSize) => size,
    apply: (grid: Grid) => roll(grid, down, right),
    invert: (grid: Grid) => roll(grid, -down, -right)
  })
}

/**
 * A translation whose offsets are drawn once, each uniform in 0..MAX_TRANSLATION, and then used
 * for every grid of the task. marc instead gives every example a copy of one generator, so all
 * inputs share one shift and all outputs share another (drawn next, and bounded by each grid's
 * size); one shift for the whole task keeps input and output aligned, so any rule that commutes
 * with translation still holds. (0, 0) is possible, as in marc: it gives a copy of the task,
 * which deduplication removes.
 */
export function randomTranslation(rng: Rng): InvertibleTransform<'translate'> {
  const down = rng.int(0, MAX_TRANSLATION)
  const right = rng.int(0, MAX_TRANSLATION)
  return translation(down, right)
}

/**
 * Every cell becomes a `rowFactor` x `colFactor` block (numpy `repeat` along each axis):
 * upscale-2 is 2x2 (marc's IncreaseResolution(2)); double-height makes each cell 2 tall and 1 wide
 * (IncreaseHeight(2), rows repeated), double-width 1 tall and 2 wide (IncreaseWidth(2)).
 */
export function scaleCells(id: 'upscale-2' | 'double-height' | 'double-width', rowFactor: number, colFactor: number): Augmenter {
  const outputSize = (size: GridSize): GridSize => ({ height: size.height * rowFactor, width: size.width * colFactor })
  return Object.freeze({
    id,
    outputSize,
    apply: (grid: Grid) =>
      gridFromCells(outputSize(sizeOf(grid)), (row, col) => cell(grid, Math.floor(row / rowFactor), Math.floor(col / colFactor)))
  })
}

export function upscale2(): Augmenter {
  return scaleCells('upscale-2', 2, 2)
}

export function doubleHeight(): Augmenter {
  return scaleCells('double-height', 2, 1)
}

export function doubleWidth(): Augmenter {
  return scaleCells('double-width', 1, 2)
}

/** The whole grid repeated `rowCopies` times downwards and `colCopies` times across (marc's Repeat). */
export function tile(id: 'tile-vertical' | 'tile-horizontal' | 'tile-2x2', rowCopies: number, colCopies: number): Augmenter {
  const outputSize = (size: GridSize): GridSize => ({ height: size.height * rowCopies, width: size.width * colCopies })
  return Object.freeze({
    id,
    outputSize,
    apply: (grid: Grid) => {
      const { height, width } = sizeOf(grid)
      return gridFromCells(outputSize({ height, width }), (row, col) => cell(grid, row % height, col % width))
    }
  })
}
