// The graph builder: shape checks at the builder call, scoped deterministic names, cleanup passes,
// the standard-op allow-list over every emitted model, and op-sequence snapshots.
import { describe, expect, it } from 'vitest'
import { GRAD_CASES } from '../../../main/engine/autodiff/gradcheck/cases'
import { gradients } from '../../../main/engine/autodiff/backward'
import { Graph } from '../../../main/engine/onnx/graph'
import * as op from '../../../main/engine/onnx/ops'
import { foldConstants, optimizeGraph, removeDeadNodes } from '../../../main/engine/onnx/passes'
import { toModelProto } from '../../../main/engine/onnx/serialize'
import { nonStandardNodes } from '../../../main/engine/onnx/standard-ops'
import { DEFAULT_ADAMW } from '../../../main/engine/train/optimizer'
import { buildTrainStep } from '../../../main/engine/train/train-step'
import { attentionForward, mlpForward } from '../train/fixtures'

describe('builder checks', () => {
  const g = new Graph('checks')
  const a = g.input('a', 'float32', [2, 3])
  const b = g.input('b', 'float32', [4, 5])
  const i = g.input('i', 'int64', [2])
  it.each([
    ['MatMul inner dimensions', () => op.MatMul(a, b), 'MatMul: inner dimensions differ: 3 vs 4 (a:float32[2,3], b:float32[4,5])'],
    ['broadcasting', () => op.Add(a, b), 'Add: shapes do not broadcast (a:float32[2,3], b:float32[4,5])'],
    ['dtype mismatch', () => op.Mul(a, i), 'Mul: inputs must share one dtype (a:float32[2,3], i:int64[2])'],
    ['reshape size', () => op.Reshape(a, [4, 2]), 'Reshape: cannot reshape to [4,2] (a:float32[2,3])'],
    ['axis range', () => op.Softmax(a, 2), 'Softmax: axis 2 is out of range for rank 2 (a:float32[2,3])'],
    ['float-only op', () => op.Exp(i), 'Exp: expects a float tensor, got int64 (i:int64[2])'],
    ['squeeze of a non-1 axis', () => op.Squeeze(a, [0]), 'Squeeze: axes [0] are not all of size 1 (a:float32[2,3])'],
    ['transpose perm', () => op.Transpose(a, [0, 0]), 'Transpose: perm [0,0] is not a permutation of rank 2 (a:float32[2,3])']
  ])('throws at the builder call on %s', (_name, build, message) => {
    expect(build).toThrow(message)
  })
})

describe('names', () => {
  it('are scoped and deterministic, with gradients named grad.<value>', () => {
    const build = () => {
      const g = new Graph('names')
      const x = g.input('x', 'float32', [2, 4])
      const w = g.scope('blocks', () => g.scope(0, () => g.scope('attn', () => g.input('wq', 'float32', [4, 4]))))
      const q = g.scope('blocks', () => g.scope(0, () => g.scope('attn', () => op.MatMul(x, w, 'q'))))
      const loss = op.ReduceSum(op.Reshape(q, [8]), [0], false, 'loss')
      const grads = gradients(loss, [w])
      return { names: g.nodes.map((n) => n.name), q: q.name, grad: grads.get(w)!.name }
    }
    const first = build()
    expect(first.q).toBe('blocks.0.attn.q')
    expect(first.grad).toBe('grad.blocks.0.attn.wq')
    expect(build().names).toEqual(first.names)
  })
})

describe('cleanup passes', () => {
  it('removes nodes no output depends on', () => {
    const g = new Graph('dead')
    const x = g.input('x', 'float32', [3])
    op.Exp(x)
    g.output(op.Neg(x))
    expect(removeDeadNodes(g)).toBe(1)
    expect(g.nodes.map((n) => n.op)).toEqual(['Neg'])
  })

  it('folds constant arithmetic and keeps the result exact', () => {
    const g = new Graph('fold')
    const x = g.input('x', 'float64', [3])
    const exponent = op.Sub(g.scalar(3, 'float64'), g.scalar(1, 'float64')) // constant 2
    const zeros = op.Expand(g.scalar(0, 'float64'), [3])
    g.output(op.Add(op.Pow(x, exponent), zeros))
    expect(foldConstants(g)).toBe(2)
    expect(g.nodes.map((n) => n.op)).toEqual(['Pow', 'Add'])
    const folded = g.nodes[0]!.inputs[1]!
    expect(folded.role).toBe('constant')
    expect(Array.from(folded.data as Float64Array)).toEqual([2])
  })
})

describe('emitted models use only standard ai.onnx operators', () => {
  const trainSteps = [
    buildTrainStep({ name: 'mlp', forward: mlpForward, optimizer: DEFAULT_ADAMW, maxGradNorm: 1 }),
    buildTrainStep({ name: 'attention', forward: attentionForward(6, 5, 8), optimizer: DEFAULT_ADAMW, maxGradNorm: 1 }),
    buildTrainStep({ name: 'mlp-sgd', forward: mlpForward, optimizer: { kind: 'sgd', weightDecay: 0.1 }, maxGradNorm: 0 })
  ]
  it.each(trainSteps.map((m) => [m.graph.name, m.graph] as const))('train step %s', (_name, graph) => {
    expect(nonStandardNodes(toModelProto(graph))).toEqual([])
  })

  it('every gradcheck graph', () => {
    const offenders = GRAD_CASES.flatMap((c) => {
      const g = new Graph(c.name)
      const inputs = c.inputs.map((s, i) => g.input(`x${i}`, s.kind === 'int' ? 'int64' : s.kind === 'bool' ? 'bool' : c.dtype, s.shape))
      const out = c.build(inputs)
      const loss = op.ReduceSum(op.Reshape(out, [-1]), [0], false)
      const params = inputs.filter((_, i) => (c.inputs[i]!.kind ?? 'float') === 'float' || c.inputs[i]!.kind === 'positive')
      gradients(loss, params).forEach((grad) => g.output(grad))
      optimizeGraph(g)
      return nonStandardNodes(toModelProto(g))
    })
    expect(offenders).toEqual([])
  })

  it('the check flags a non-standard op', () => {
    expect(nonStandardNodes({ graph: { node: [{ name: 'n', opType: 'Gradient', domain: 'ai.onnx.preview.training' }, { name: 'm', opType: 'FusedMatMul' }] } })).toEqual([
      'n: ai.onnx.preview.training.Gradient',
      'm: FusedMatMul'
    ])
  })
})

describe('op-sequence snapshots', () => {
  it('of the MLP train step', () => {
    const { graph } = buildTrainStep({ name: 'mlp', forward: mlpForward, optimizer: DEFAULT_ADAMW, maxGradNorm: 1 })
    expect(graph.nodes.map((n) => `${n.op} ${n.name}`).join('\n')).toMatchSnapshot()
  })

  it('of the attention train step', () => {
    const { graph } = buildTrainStep({ name: 'attention', forward: attentionForward(6, 5, 8), optimizer: DEFAULT_ADAMW, maxGradNorm: 1 })
    expect(graph.nodes.map((n) => n.op).join(' ')).toMatchSnapshot()
  })
})
