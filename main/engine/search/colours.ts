// Colour normalisation per task. The DSL treats colour 0 as background (transparent when composing,
// ignored when cropping), so each task's colours are permuted before the search: the most common
// colour of the demonstration inputs becomes 0, the other colours follow by how often they appear in
// the inputs (then in the outputs, then by number), and the answers are mapped back. The permutation
// depends only on the task's demonstrations and test inputs, so it is the same for every test input
// of a task and never on the unknown test outputs.
import type { Grid, Task } from '../arc/types'

export interface ColourMap {
  /** forward[original] = normalised colour. */
  readonly forward: Uint8Array
  /** inverse[normalised] = original colour. */
  readonly inverse: Uint8Array
}

const COLOURS = 10

function addCounts(grid: Grid, counts: Float64Array): void {
  for (const row of grid) for (const colour of row) counts[colour]!++
}

/** The task's permutation of the ten colours (a bijection; identity where the task is already in order). */
export function colourMapOf(task: Task): ColourMap {
  const inputCounts = new Float64Array(COLOURS)
  const outputCounts = new Float64Array(COLOURS)
  for (const pair of task.train) {
    addCounts(pair.input, inputCounts)
    addCounts(pair.output, outputCounts)
  }
  // Test inputs break ties among colours the demonstrations use equally; they never outweigh them.
  const testCounts = new Float64Array(COLOURS)
  for (const pair of task.test) addCounts(pair.input, testCounts)
  const order = Array.from({ length: COLOURS }, (_, colour) => colour)
  order.sort((p, q) => inputCounts[q]! - inputCounts[p]! || outputCounts[q]! - outputCounts[p]! || testCounts[q]! - testCounts[p]! || p - q)
  const forward = new Uint8Array(COLOURS)
  const inverse = new Uint8Array(COLOURS)
  order.forEach((original, normalised) => {
    forward[original] = normalised
    inverse[normalised] = original
  })
  return { forward, inverse }
}

export function mapGrid(grid: Grid, table: Uint8Array): Grid {
  return grid.map((row) => row.map((colour) => table[colour]!))
}

/** The task with every grid's colours normalised (test outputs too, where known, for checking). */
export function normaliseTask(task: Task, map: ColourMap): Task {
  const f = map.forward
  return {
    id: task.id,
    train: task.train.map((pair) => ({ input: mapGrid(pair.input, f), output: mapGrid(pair.output, f) })),
    test: task.test.map((pair) =>
      pair.output ? { input: mapGrid(pair.input, f), output: mapGrid(pair.output, f) } : { input: mapGrid(pair.input, f) }
    )
  }
}

/** A normalised answer back in the task's own colours. */
export function denormalise(grid: Grid, map: ColourMap): Grid {
  return mapGrid(grid, map.inverse)
}
