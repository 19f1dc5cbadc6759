// Reductions, Softmax and LayerNormalization.
import { attr, type Value } from '../graph'
import { axesOf, axisOf, fail, floatInput } from './check'

function reduce(op: string, x: Value, axes: readonly number[], keepdims: boolean, name?: string): Value {
  const normalized = axesOf(op, axes, x)
  if (normalized.length === 0) fail(op, 'needs at least one axis (an empty list would mean "all" or "none" depending on a flag)', [x])
  const shape = keepdims ? x.shape.map((d, i) => (normalized.includes(i) ? 1 : d)) : x.shape.filter((_, i) => !normalized.includes(i))
  return x.graph.addNode(
    op,
    [x, x.graph.int64s(normalized, 'axes')],
    [{ dtype: x.dtype, shape }],
    { keepdims: attr.int(keepdims ? 1 : 0) },
    name
  )[0]!
}

export const ReduceSum = (x: Value, axes: readonly number[], keepdims = true, name?: string): Value =>
  reduce('ReduceSum', x, axes, keepdims, name)
export const ReduceMean = (x: Value, axes: readonly number[], keepdims = true, name?: string): Value =>
  reduce('ReduceMean', x, axes, keepdims, name)
export const ReduceMax = (x: Value, axes: readonly number[], keepdims = true, name?: string): Value =>
  reduce('ReduceMax', x, axes, keepdims, name)

export function Softmax(x: Value, axis = -1, name?: string): Value {
  floatInput('Softmax', x)
  const a = axisOf('Softmax', axis, x)
  return x.graph.addNode('Softmax', [x], [{ dtype: x.dtype, shape: x.shape }], { axis: attr.int(a) }, name)[0]!
}

/** LayerNormalization over the last axis (opset 17+): y = (x - mean) / sqrt(var + eps) * scale + bias. */
export function LayerNormalization(x: Value, scale: Value, bias: Value, epsilon = 1e-5, name?: string): Value {
  floatInput('LayerNormalization', x)
  const channels = x.shape[x.rank - 1]
  if (scale.rank !== 1 || bias.rank !== 1 || scale.shape[0] !== channels || bias.shape[0] !== channels) {
    fail('LayerNormalization', `scale and bias must have shape [${channels}]`, [x, scale, bias])
  }
  const attrs = { axis: attr.int(-1), epsilon: attr.float(epsilon) }
  return x.graph.addNode('LayerNormalization', [x, scale, bias], [{ dtype: x.dtype, shape: x.shape }], attrs, name)[0]!
}
