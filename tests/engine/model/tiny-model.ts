// A tiny ARC transformer config and helpers shared by the model tests.
import { DEFAULT_MODEL_CONFIG, type ArcModelConfig } from '../../../main/engine/model/config'
import { makeGrid } from '../../../main/engine/arc/grid'
import type { Task } from '../../../main/engine/arc/types'

export const TINY_CONFIG: ArcModelConfig = { ...DEFAULT_MODEL_CONFIG, channels: 16, layers: 2, heads: 2, maxSequence: 128, contextBuckets: [32, 64, 128], initStd: 0.3 }

/** A 2-demonstration flip task with 2x2..3x3 grids. */
export const FLIP_TASK: Task = {
  id: 'flip',
  train: [
    { input: makeGrid([[1, 2], [3, 4]]), output: makeGrid([[2, 1], [4, 3]]) },
    { input: makeGrid([[5, 0, 6], [7, 8, 9]]), output: makeGrid([[6, 0, 5], [9, 8, 7]]) }
  ],
  test: [{ input: makeGrid([[1, 0], [0, 2]]), output: makeGrid([[0, 1], [2, 0]]) }]
}
