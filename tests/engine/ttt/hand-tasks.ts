// Small tasks whose TTT data and prompts can be counted by hand (see the comments in the tests).
import { makeGrid } from '../../../main/engine/arc/grid'
import type { Color, Pair, Task } from '../../../main/engine/arc/types'

function pair(input: Color[][], output: Color[][]): Pair {
  return { input: makeGrid(input), output: makeGrid(output) }
}

/**
 * Three 1x1 demonstrations with six different colours, and a 3x3 test pair that must never appear.
 * On a 1x1 grid every symmetry and every translation is the identity, and the 23 augmenters fall
 * into 4 groups of equal results: the identity (rotate-90/270/180, flip-up-down, flip-left-right,
 * translate, transpose: 7), a 2x1 column (reflect-vertical x2, double-height, tile-vertical: 4), a
 * 1x2 row (reflect-horizontal x2, double-width, tile-horizontal: 4), and a 2x2 block (upscale-2,
 * the 6 geometric+upscale chains, tile-2x2: 8).
 */
export const ONE_CELL_TASK: Task = {
  id: 'one-cell',
  train: [pair([[1]], [[2]]), pair([[3]], [[4]]), pair([[5]], [[6]])],
  test: [pair([[7, 7, 7], [7, 7, 7], [7, 7, 7]], [[8, 8, 8], [8, 8, 8], [8, 8, 8]])]
}

/** Three 2x2 demonstrations and a test input, every cell of a grid a different colour, so no symmetry maps a grid to itself. */
export const TWO_BY_TWO_TASK: Task = {
  id: 'two-by-two',
  train: [pair([[1, 2], [3, 4]], [[5, 6], [7, 8]]), pair([[2, 3], [4, 5]], [[6, 7], [8, 9]]), pair([[3, 4], [5, 6]], [[7, 8], [9, 1]])],
  test: [{ input: makeGrid([[4, 5], [6, 7]]) }, { input: makeGrid([[9, 8], [7, 6]]) }]
}

/** The same as plain JSON, as a task file holds it. */
export function taskFileJson(task: Task): string {
  return JSON.stringify({ train: task.train, test: task.test })
}
