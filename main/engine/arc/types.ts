// The ARC data model. Plain, JSON-serialisable, immutable types: the renderer imports this file
// too (type-only), so it must not import anything Node-specific.

/** A cell colour, 0 (black) .. 9 (maroon). */
export type Color = number

/** A grid: rows of equal width, 1x1 up to 30x30. Frozen when built by `makeGrid`. */
export type Grid = readonly (readonly Color[])[]

/** A demonstration: an input grid and the output the rule gives for it. */
export interface Pair {
  readonly input: Grid
  readonly output: Grid
}

/** A test pair: the output is absent for prediction-only tasks. */
export interface TestPair {
  readonly input: Grid
  readonly output?: Grid
}

export interface Task {
  readonly id: string
  readonly train: readonly Pair[]
  readonly test: readonly TestPair[]
}

/**
 * One thing wrong with one file or task. `path` is a JSON path inside the task, such as
 * `train[1].input[3][0]`, or '' when the problem concerns the whole file.
 */
export interface ValidationProblem {
  readonly file: string
  readonly taskId: string
  readonly path: string
  readonly reason: string
}

export const MAX_GRID_SIDE = 30
