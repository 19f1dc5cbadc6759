// Per-task figures shown by `arc-ttt tasks` and the task browser.
import { gridHeight, gridWidth } from './grid'
import type { Grid, Task } from './types'

/**
 * Tokens one grid takes in the compact encoding: a role marker (example input / example output),
 * one token per cell, a row-end token after every row, and an end-of-grid marker.
 */
export function compactGridLength(grid: Grid): number {
  return 1 + gridHeight(grid) * (gridWidth(grid) + 1) + 1
}

/** Tokens of the whole task in the compact encoding: every grid, test outputs included when known. */
export function compactTaskLength(task: Task): number {
  return taskGrids(task).reduce((sum, grid) => sum + compactGridLength(grid), 0)
}

export function taskGrids(task: Task): Grid[] {
  return [...task.train.flatMap((p) => [p.input, p.output]), ...task.test.flatMap((p) => (p.output ? [p.input, p.output] : [p.input]))]
}

export interface TaskSummary {
  readonly id: string
  readonly demonstrations: number
  readonly testInputs: number
  /** Test outputs present (0 for a prediction-only task). */
  readonly testOutputs: number
  /** The largest grid of the task by cell count, as height and width. */
  readonly largestGrid: { readonly height: number; readonly width: number }
  /** The longest side (rows or columns) of any grid of the task. */
  readonly maxSide: number
  readonly tokens: number
}

export function summarizeTask(task: Task): TaskSummary {
  const largest = taskGrids(task).reduce((best, grid) =>
    gridHeight(grid) * gridWidth(grid) > gridHeight(best) * gridWidth(best) ? grid : best
  )
  return {
    id: task.id,
    demonstrations: task.train.length,
    testInputs: task.test.length,
    testOutputs: task.test.filter((p) => p.output).length,
    largestGrid: { height: gridHeight(largest), width: gridWidth(largest) },
    maxSide: Math.max(...taskGrids(task).map((g) => Math.max(gridHeight(g), gridWidth(g)))),
    tokens: compactTaskLength(task)
  }
}
