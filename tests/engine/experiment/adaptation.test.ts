// TTT end to end on a tiny model: a trivial task is solved after test-time training and not
// before; the schedule and the batches behave as documented.
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../../main/engine/experiment/config'
import { runTask } from '../../../main/engine/experiment/task-run'
import { tttExamples } from '../../../main/engine/experiment/task-run'
import { ModelSessions } from '../../../main/engine/inference/model-sessions'
import { epochBatches } from '../../../main/engine/ttt/adapt/batches'
import { learningRateAt } from '../../../main/engine/ttt/adapt/schedule'
import { TrainGraphs } from '../../../main/engine/ttt/adapt/train-graphs'
import { createRng } from '../../../main/engine/random'
import { constantOutputTask, tinyModel } from './fixtures'

describe('test-time training', () => {
  it('solves a trivial task that the untrained model cannot', async () => {
    const model = tinyModel()
    const task = constantOutputTask('constant', [1, 2, 3, 5])
    const overrides = { 'data.cap': 32, 'data.augment': false, 'ttt.mode': 'full', 'ttt.epochs': 4, 'ttt.learningRate': 0.01, 'inference.maxNewTokens': 12 }
    const results = []
    for (const preset of ['no-ttt', 'ttt']) {
      const sessions = new ModelSessions(model.config, model.weights)
      const graphs = new TrainGraphs(model.config)
      const { result } = await runTask(task, { config: resolveConfig(preset, overrides), model: model.config, baseWeights: model.weights, sessions, trainGraphs: graphs, onPhase: () => undefined, onStep: () => undefined })
      results.push(result)
      await sessions.release()
      await graphs.release()
    }
    const [before, after] = results
    expect(before!.officialScore).toBe(0)
    expect(after!.tttSteps).toBeGreaterThan(10)
    expect(after!.officialScore).toBe(1)
    expect(after!.outputs[0]!.attempts[0]).toEqual([[4, 4], [4, 4]])
  })
})

describe('schedule', () => {
  it('warms up linearly, then decays by a cosine to zero', () => {
    expect(learningRateAt(1, 100, 1, 0.1)).toBeCloseTo(0.1)
    expect(learningRateAt(10, 100, 1, 0.1)).toBeCloseTo(1)
    expect(learningRateAt(55, 100, 1, 0.1)).toBeCloseTo(0.5)
    expect(learningRateAt(100, 100, 1, 0.1)).toBeCloseTo(0)
  })
})

describe('batches', () => {
  it('group examples by bucket, keep a fixed size with masked fillers, and cover every example once', () => {
    const model = tinyModel()
    const config = resolveConfig('ttt', { 'data.cap': 40 })
    const examples = tttExamples(constantOutputTask('constant', [1, 2, 3, 5, 6]), config, model.config, 1)
    const batches = epochBatches(examples, model.config, 3, createRng(1))
    expect(batches.reduce((n, b) => n + b.examples, 0)).toBe(examples.length)
    for (const b of batches) {
      expect(b.size).toBe(3)
      expect(b.feeds.tokens!.shape).toEqual([3, b.bucket])
      expect(b.targetTokens).toBe(Array.from(b.feeds.loss_mask!.data as Float32Array).reduce((s, x) => s + x, 0))
    }
    const total = examples.reduce((n, e) => n + e.targetTokens, 0)
    expect(batches.reduce((n, b) => n + b.targetTokens, 0)).toBe(total)
  })
})
