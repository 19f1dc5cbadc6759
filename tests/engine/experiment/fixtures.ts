// Tiny tasks and a tiny model for the experiment tests.
import { makeGrid } from '../../../main/engine/arc/grid'
import type { Task } from '../../../main/engine/arc/types'
import { DEFAULT_MODEL_CONFIG, type ArcModelConfig } from '../../../main/engine/model/config'
import type { LoadedModel } from '../../../main/engine/model/model-files'
import { initialWeights } from '../../../main/engine/model/parameters'

export const TINY_MODEL_CONFIG: ArcModelConfig = { ...DEFAULT_MODEL_CONFIG, channels: 32, layers: 2, heads: 2, maxSequence: 256, contextBuckets: [64, 128, 256] }

export function tinyModel(seed = 0): LoadedModel {
  return { id: `tiny-${seed}`, dir: '', config: TINY_MODEL_CONFIG, weights: initialWeights(TINY_MODEL_CONFIG, seed), hash: `${seed}`.padStart(64, '0') }
}

/** Every output is the same 2x2 grid of colour 4: learnable by TTT in a few dozen steps. */
export function constantOutputTask(id: string, colours: readonly number[]): Task {
  const out = makeGrid([[4, 4], [4, 4]])
  const input = (c: number) => makeGrid([[c, 0], [0, c]])
  return {
    id,
    train: colours.slice(0, -1).map((c) => ({ input: input(c), output: out })),
    test: [{ input: input(colours.at(-1)!), output: out }]
  }
}
