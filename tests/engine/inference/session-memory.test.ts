// Which sessions keep their peak memory between runs: prefill and NLL sessions (one per batch and
// length shape, many per run, each run large) must not; decode steps (small runs, hundreds per
// prompt) and train steps (a few shapes, run hundreds of times) do.
import { describe, expect, it } from 'vitest'
import { ModelSessions } from '../../../main/engine/inference/model-sessions'
import { DEFAULT_ADAMW } from '../../../main/engine/train/optimizer'
import { TrainGraphs } from '../../../main/engine/ttt/adapt/train-graphs'
import { initialWeights } from '../../../main/engine/model/parameters'
import { TINY_CONFIG } from '../model/tiny-model'

const weights = initialWeights(TINY_CONFIG, 1)

describe('session memory arenas', () => {
  it('prefill and NLL sessions run without an arena unless asked for one; decode steps keep theirs', async () => {
    const sessions = new ModelSessions(TINY_CONFIG, weights, { intraOpThreads: 1 })
    const asked = new ModelSessions(TINY_CONFIG, weights, { intraOpThreads: 1, memoryArena: true })
    try {
      expect((await sessions.forward(2, 32)).memoryArena).toBe(false)
      expect((await sessions.decodeStep(2, 64)).memoryArena).toBe(true)
      expect((await sessions.nll(1, 32)).memoryArena).toBe(false)
      expect((await asked.forward(2, 32)).memoryArena).toBe(true)
    } finally {
      await sessions.release()
      await asked.release()
    }
  })

  it('train-step sessions keep theirs', async () => {
    const graphs = new TrainGraphs(TINY_CONFIG, { intraOpThreads: 1 })
    try {
      const graph = await graphs.get({ mode: 'lora', lora: { rank: 2, alpha: 4, targets: ['q', 'v'] }, batch: 1, sequence: 32, optimizer: DEFAULT_ADAMW, maxGradNorm: 1 })
      expect(graph.session.memoryArena).toBe(true)
    } finally {
      await graphs.release()
    }
  })
})
