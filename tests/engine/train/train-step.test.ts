// The train-step model: one in-graph AdamW step equals a plain TypeScript AdamW step, and small
// models overfit a fixed batch inside onnxruntime-node.
import { describe, expect, it } from 'vitest'
import * as op from '../../../main/engine/onnx/ops'
import { serializeGraph } from '../../../main/engine/onnx/serialize'
import { hostTensor, type HostTensor } from '../../../main/engine/runtime/host-tensor'
import { GraphSession } from '../../../main/engine/runtime/session'
import { DEFAULT_ADAMW, validateOptimizer } from '../../../main/engine/train/optimizer'
import { buildTrainStep } from '../../../main/engine/train/train-step'
import { Trainer } from '../../../main/engine/train/trainer'
import { attentionForward, mlpForward, randomTensor } from './fixtures'

/** Reference AdamW, line by line (Loshchilov & Hutter, Algorithm 2), in float64. */
function referenceAdamW(p: number[], g: number[], m: number[], v: number[], t: number, lr: number, wd: number) {
  const { beta1, beta2, epsilon } = DEFAULT_ADAMW
  for (let i = 0; i < p.length; i++) {
    m[i] = beta1 * m[i]! + (1 - beta1) * g[i]!
    v[i] = beta2 * v[i]! + (1 - beta2) * g[i]! * g[i]!
    const mHat = m[i]! / (1 - beta1 ** t)
    const vHat = v[i]! / (1 - beta2 ** t)
    p[i] = p[i]! - lr * (mHat / (Math.sqrt(vHat) + epsilon) + wd * p[i]!)
  }
}

describe('AdamW in the graph', () => {
  it('equals a plain TypeScript AdamW step over several steps, with clipping', async () => {
    // loss = sum(p * R) so dL/dp = R exactly; clipping to maxNorm scales R by maxNorm/|R|.
    const shape = [3, 5]
    const r = randomTensor(shape, 11, 2)
    const model = buildTrainStep({
      name: 'adamw-check',
      dtype: 'float64',
      optimizer: DEFAULT_ADAMW,
      maxGradNorm: 1,
      forward: ({ graph, parameter }) => {
        const p = parameter('p', shape)
        return op.ReduceSum(op.Reshape(op.Mul(p, graph.constant(Float64Array.from(r.data as Float32Array), shape)), [-1]), [0], false)
      }
    })
    const session = await GraphSession.create(serializeGraph(model.graph))
    const initial = Float64Array.from(randomTensor(shape, 12).data as Float32Array)
    const trainer = new Trainer(session, model.signature, new Map([['p', hostTensor(Float64Array.from(initial), shape)]]))
    const norm = Math.hypot(...Array.from(r.data as Float32Array))
    const grad = Array.from(r.data as Float32Array, (x) => (x * 1) / (norm + 1e-6))
    const p = Array.from(initial)
    const m = new Array<number>(p.length).fill(0)
    const v = new Array<number>(p.length).fill(0)
    for (const lr of [0.1, 0.05, 0.02]) {
      const result = await trainer.step({}, lr)
      referenceAdamW(p, grad, m, v, result.step, lr, DEFAULT_ADAMW.weightDecay)
      expect(result.gradNorm).toBeCloseTo(norm, 10)
    }
    const got = Array.from(trainer.parameter('p').data as Float64Array)
    got.forEach((x, i) => expect(Math.abs(x - p[i]!) / Math.max(1e-12, Math.abs(p[i]!))).toBeLessThan(1e-6))
    await session.release()
  })

  it('names a bad hyper-parameter', () => {
    expect(() => validateOptimizer({ ...DEFAULT_ADAMW, beta2: 1 })).toThrow('optimizer adamw: beta2 must be in [0, 1), got 1')
    expect(() => validateOptimizer({ kind: 'sgd', weightDecay: -1 })).toThrow(/weightDecay must be >= 0, got -1/)
  })
})

async function overfit(model: ReturnType<typeof buildTrainStep>, batch: Record<string, HostTensor>, steps: number, lr: number) {
  const session = await GraphSession.create(serializeGraph(model.graph))
  const initial = new Map(model.signature.parameters.map((p, i) => [p.name, randomTensor([...p.shape], 100 + i, 0.5)]))
  const trainer = new Trainer(session, model.signature, initial)
  const losses: number[] = []
  for (let i = 0; i < steps; i++) losses.push((await trainer.step(batch, lr)).loss)
  await session.release()
  return losses
}

describe('overfitting a fixed batch', () => {
  it('a tiny MLP: loss from > 0.8 to below 0.05 within 150 AdamW steps', async () => {
    const model = buildTrainStep({ name: 'mlp', forward: mlpForward, optimizer: DEFAULT_ADAMW, maxGradNorm: 1 })
    const batch = {
      x: randomTensor([8, 4], 1),
      targets: hostTensor(BigInt64Array.from([0, 1, 2, 0, 1, 2, 1, 0].map(BigInt)), [8]),
      mask: hostTensor(new Float32Array(8).fill(1), [8])
    }
    const losses = await overfit(model, batch, 150, 0.05)
    expect(losses[0]).toBeGreaterThan(0.8)
    expect(losses.at(-1)).toBeLessThan(0.05)
  })

  it('a one-layer causal self-attention model: next-token loss below 0.1 within 200 steps', async () => {
    const sequence = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 0]
    const t = sequence.length - 1
    const model = buildTrainStep({ name: 'attention', forward: attentionForward(t, 6, 16), optimizer: DEFAULT_ADAMW, maxGradNorm: 1 })
    const batch = {
      tokens: hostTensor(BigInt64Array.from(sequence.slice(0, -1).map(BigInt)), [t]),
      targets: hostTensor(BigInt64Array.from(sequence.slice(1).map(BigInt)), [t]),
      loss_mask: hostTensor(new Float32Array(t).fill(1), [t])
    }
    const losses = await overfit(model, batch, 200, 0.03)
    expect(losses[0]).toBeGreaterThan(1)
    expect(losses.at(-1)).toBeLessThan(0.1)
  })

  it('SGD also descends', async () => {
    const model = buildTrainStep({ name: 'mlp-sgd', forward: mlpForward, optimizer: { kind: 'sgd', weightDecay: 0 }, maxGradNorm: 0 })
    const batch = { x: randomTensor([8, 4], 1), targets: hostTensor(BigInt64Array.from([0, 1, 2, 0, 1, 2, 1, 0].map(BigInt)), [8]), mask: hostTensor(new Float32Array(8).fill(1), [8]) }
    const losses = await overfit(model, batch, 100, 0.5)
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.5)
  })
})

describe('train-step signature', () => {
  it('lists parameters, optimizer state, batch inputs and updated outputs', () => {
    const { signature, graph } = buildTrainStep({ name: 'mlp', forward: mlpForward, optimizer: DEFAULT_ADAMW, maxGradNorm: 1 })
    expect(signature.parameters.map((p) => p.name)).toEqual(['layer1.w', 'layer1.b', 'layer2.w'])
    expect(signature.batch.map((b) => b.name)).toEqual(['x', 'targets', 'mask'])
    expect(signature.state.map((s) => s.name)).toEqual(['optimizer.m.layer1.w', 'optimizer.v.layer1.w', 'optimizer.m.layer1.b', 'optimizer.v.layer1.b', 'optimizer.m.layer2.w', 'optimizer.v.layer2.w'])
    expect(signature.updated['layer1.w']).toBe('updated.layer1.w')
    expect(signature.updated['optimizer.v.layer2.w']).toBe('updated.optimizer.v.layer2.w')
    expect(graph.outputs.map((o) => o.name).slice(0, 2)).toEqual(['loss', 'grad_norm'])
  })

  it('keeps frozen initializers out of the gradient', () => {
    const { signature, graph } = buildTrainStep({
      name: 'frozen',
      optimizer: DEFAULT_ADAMW,
      maxGradNorm: 0,
      forward: ({ graph: g, parameter }) => {
        const frozen = g.initializer('frozen.w', Float32Array.from([1, 2, 3, 4]), [2, 2])
        const x = g.input('x', 'float32', [1, 2])
        return op.ReduceSum(op.Reshape(op.MatMul(op.MatMul(x, frozen), parameter('w', [2, 2])), [-1]), [0], false)
      }
    })
    expect(signature.parameters.map((p) => p.name)).toEqual(['w'])
    const emitted = graph.nodes.flatMap((n) => n.outputs.map((o) => o.name))
    expect(emitted).toContain('grad.w')
    expect(emitted.filter((name) => name.startsWith('grad.frozen'))).toEqual([])
  })

  it('refuses a parameter that does not reach the loss', () => {
    expect(() =>
      buildTrainStep({
        name: 'unused',
        optimizer: DEFAULT_ADAMW,
        maxGradNorm: 0,
        forward: ({ graph: g, parameter }) => {
          parameter('unused', [2])
          return op.ReduceSum(g.input('x', 'float32', [2]), [0], false)
        }
      })
    ).toThrow('gradients: parameter unused does not influence the loss')
  })
})
