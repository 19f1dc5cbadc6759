// Applying one transform to a whole task: every grid, inputs and outputs alike, test outputs too
// when present, so the task's rule is carried over to the transformed grids.
import { MAX_GRID_SIDE, type Grid, type Pair, type Task, type TestPair } from '../types'
import { taskGrids } from '../summary'
import { sizeOf, type GridTransform } from './transform'

/** True when `transform` keeps every grid of `task` within 30x30. Builds no grid. */
export function transformFitsTask(task: Task, transform: GridTransform): boolean {
  return taskGrids(task).every((grid) => {
    const { height, width } = transform.outputSize(sizeOf(grid))
    return height <= MAX_GRID_SIDE && width <= MAX_GRID_SIDE
  })
}

/**
 * The task with `transform` applied to every grid, or undefined when any grid would exceed 30x30
 * (recipe section 3: such a transformed task is dropped). The id is kept: provenance (which
 * transform) belongs to the caller's record, not to the task.
 */
export function applyToTask(task: Task, transform: GridTransform): Task | undefined {
  if (!transformFitsTask(task, transform)) return undefined
  const map = (grid: Grid): Grid => transform.apply(grid)
  return Object.freeze({
    id: task.id,
    train: Object.freeze(task.train.map((pair): Pair => Object.freeze({ input: map(pair.input), output: map(pair.output) }))),
    test: Object.freeze(
      task.test.map((pair): TestPair =>
        Object.freeze(pair.output ? { input: map(pair.input), output: map(pair.output) } : { input: map(pair.input) })
      )
    )
  })
}
