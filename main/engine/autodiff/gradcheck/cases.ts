// The table of gradient-check cases: every op with a rule, over shapes that include broadcasting
// pairs, and the composites (cross-entropy, attention, layer norm). float64 where the CPU provider
// implements the op in double precision; float32 otherwise (Erf), with its looser tolerance.
import type { Value } from '../../onnx/graph'
import * as op from '../../onnx/ops'
import type { GradCase, InputSpec } from './check'

const f = (...shape: number[]): InputSpec => ({ shape })
const positive = (...shape: number[]): InputSpec => ({ shape, kind: 'positive' })
const BROADCAST_PAIRS: [number[], number[]][] = [
  [
    [2, 3],
    [2, 3]
  ],
  [[2, 3], [3]],
  [
    [2, 1],
    [1, 3]
  ],
  [
    [4, 1, 3],
    [2, 3]
  ],
  [[3], []]
]

function binaryCases(name: string, build: (a: Value, b: Value) => Value, positiveB = false): GradCase[] {
  return BROADCAST_PAIRS.map(([a, b]) => ({
    name: `${name} ${JSON.stringify(a)}x${JSON.stringify(b)}`,
    op: name,
    dtype: 'float64',
    inputs: name === 'Pow' ? [positive(...a), f(...b)] : [f(...a), positiveB ? positive(...b) : f(...b)],
    build: ([x, y]) => build(x!, y!)
  }))
}

function unaryCase(
  name: string,
  build: (x: Value) => Value,
  input: InputSpec = f(2, 3),
  dtype: 'float32' | 'float64' = 'float64'
): GradCase {
  return { name, op: name.split(' ')[0]!, dtype, inputs: [input], build: ([x]) => build(x!) }
}

/** Single-head causal attention on x [T, C]: softmax(q k^T / sqrt(C) + causal mask) v. */
function causalAttention([x, wq, wk, wv]: Value[]): Value {
  const [t, c] = x!.shape as [number, number]
  const q = op.MatMul(x!, wq!)
  const k = op.MatMul(x!, wk!)
  const v = op.MatMul(x!, wv!)
  const scores = op.Div(op.MatMul(q, op.Transpose(k, [1, 0])), x!.graph.scalar(Math.sqrt(c), x!.dtype))
  const mask = (x!.dtype === 'float64' ? new Float64Array(t * t) : new Float32Array(t * t)).map((_, i) =>
    i % t > Math.floor(i / t) ? -1e9 : 0
  )
  return op.MatMul(op.Softmax(op.Add(scores, x!.graph.constant(mask, [t, t], 'causal_mask')), -1), v)
}

export const GRAD_CASES: readonly GradCase[] = [
  ...binaryCases('Add', op.Add),
  ...binaryCases('Sub', op.Sub),
  ...binaryCases('Mul', op.Mul),
  ...binaryCases('Div', op.Div, true),
  ...binaryCases('Pow', op.Pow),
  ...binaryCases('Max', op.Max),
  ...binaryCases('Min', op.Min),
  unaryCase('Neg', op.Neg),
  unaryCase('Identity', op.Identity),
  unaryCase('Abs', op.Abs),
  unaryCase('Sqrt', op.Sqrt, positive(2, 3)),
  unaryCase('Reciprocal', op.Reciprocal, positive(2, 3)),
  unaryCase('Exp', op.Exp),
  unaryCase('Log', op.Log, positive(2, 3)),
  unaryCase('Tanh', op.Tanh),
  unaryCase('Erf', op.Erf, f(2, 3), 'float32'),
  unaryCase('Sigmoid', op.Sigmoid),
  unaryCase('Relu', op.Relu),
  {
    name: 'Where',
    op: 'Where',
    dtype: 'float64',
    inputs: [{ shape: [2, 3], kind: 'bool' }, f(2, 3), f(3)],
    build: ([c, a, b]) => op.Where(c!, a!, b!)
  },
  {
    name: 'Cast float32->float64->float32',
    op: 'Cast',
    dtype: 'float32',
    inputs: [f(2, 3)],
    build: ([x]) => op.Cast(op.Tanh(op.Cast(x!, 'float64')), 'float32')
  },
  { name: 'MatMul [2,3]x[3,4]', op: 'MatMul', dtype: 'float64', inputs: [f(2, 3), f(3, 4)], build: ([a, b]) => op.MatMul(a!, b!) },
  {
    name: 'MatMul batched [2,2,3]x[3,4]',
    op: 'MatMul',
    dtype: 'float64',
    inputs: [f(2, 2, 3), f(3, 4)],
    build: ([a, b]) => op.MatMul(a!, b!)
  },
  {
    name: 'MatMul batched [2,1,2,3]x[3,3,2]',
    op: 'MatMul',
    dtype: 'float64',
    inputs: [f(2, 1, 2, 3), f(3, 3, 2)],
    build: ([a, b]) => op.MatMul(a!, b!)
  },
  unaryCase('Transpose', (x) => op.Transpose(x, [2, 0, 1]), f(2, 3, 4)),
  unaryCase('Reshape', (x) => op.Reshape(x, [3, -1]), f(2, 3, 2)),
  unaryCase('Squeeze', (x) => op.Squeeze(x, [1]), f(2, 1, 3)),
  unaryCase('Unsqueeze', (x) => op.Unsqueeze(x, [0, 2]), f(2, 3)),
  { name: 'Concat', op: 'Concat', dtype: 'float64', inputs: [f(2, 3), f(2, 1), f(2, 2)], build: (xs) => op.Concat(xs, 1) },
  unaryCase('Slice', (x) => op.Slice(x, [1, 0], [3, -1], [0, 2]), f(4, 2, 3)),
  {
    name: 'Split',
    op: 'Split',
    dtype: 'float64',
    inputs: [f(2, 5)],
    build: ([x]) => {
      const [a, , c] = op.Split(x!, [1, 2, 2], 1)
      return op.Concat([c!, a!], 1)
    }
  },
  unaryCase('Expand', (x) => op.Expand(x, [4, 2, 3]), f(2, 1)),
  unaryCase('Pad', (x) => op.Pad(x, [1, 0, 0, 2]), f(2, 3)),
  {
    name: 'Gather (embedding)',
    op: 'Gather',
    dtype: 'float64',
    inputs: [f(5, 3), { shape: [2, 4], kind: 'int', max: 5 }],
    build: ([table, ids]) => op.Gather(table!, ids!)
  },
  unaryCase('ReduceSum', (x) => op.ReduceSum(x, [0, 2], false), f(2, 3, 4)),
  unaryCase('ReduceSum keepdims', (x) => op.ReduceSum(x, [1]), f(2, 3, 4)),
  unaryCase('ReduceMean', (x) => op.ReduceMean(x, [-1]), f(2, 3, 4)),
  unaryCase('ReduceMax', (x) => op.ReduceMax(x, [1], false), f(3, 4)),
  unaryCase('Softmax', (x) => op.Softmax(x, -1), f(2, 3, 4)),
  unaryCase('Softmax axis 0', (x) => op.Softmax(x, 0), f(3, 4)),
  {
    name: 'LayerNormalization',
    op: 'LayerNormalization',
    dtype: 'float64',
    inputs: [f(2, 3, 5), f(5), f(5)],
    build: ([x, s, b]) => op.LayerNormalization(x!, s!, b!)
  },
  {
    name: 'SoftmaxCrossEntropy (masked)',
    op: 'SoftmaxCrossEntropy',
    dtype: 'float64',
    inputs: [f(6, 5), { shape: [6], kind: 'int', max: 5 }, { shape: [6], kind: 'mask' }],
    build: ([logits, targets, mask]) => op.SoftmaxCrossEntropy(logits!, targets!, mask!)
  },
  {
    name: 'causal attention (composite)',
    op: 'attention',
    dtype: 'float64',
    inputs: [f(4, 3), f(3, 3), f(3, 3), f(3, 3)],
    build: causalAttention
  },
  { name: 'fan-in x*x + tanh(x)', op: 'fan-in', dtype: 'float64', inputs: [f(2, 3)], build: ([x]) => op.Add(op.Mul(x!, x!), op.Tanh(x!)) }
]
