// Ops that move or select elements: Reshape, Transpose, Squeeze, Unsqueeze, Concat, Slice, Split,
// Expand, Gather. Shape-like arguments are plain numbers here and become int64 constants.
import { attr, type Value } from '../graph'
import { broadcastShapes, formatShape, sizeOf, type Shape } from '../shape'
import { axesOf, axisOf, fail, sameDtype } from './check'

/** Reshape to a static shape; one -1 may stand for the remaining size. */
export function Reshape(x: Value, shape: readonly number[], name?: string): Value {
  const known = shape.filter((d) => d !== -1)
  if (shape.length - known.length > 1 || known.some((d) => !Number.isInteger(d) || d < 1))
    fail('Reshape', `bad target shape ${formatShape(shape)}`, [x])
  const rest = sizeOf(x.shape) / sizeOf(known)
  const resolved = shape.map((d) => (d === -1 ? rest : d))
  if (!Number.isInteger(rest) || sizeOf(resolved) !== sizeOf(x.shape)) fail('Reshape', `cannot reshape to ${formatShape(shape)}`, [x])
  return x.graph.addNode('Reshape', [x, x.graph.int64s(resolved, 'shape')], [{ dtype: x.dtype, shape: resolved }], {}, name)[0]!
}

export function Transpose(x: Value, perm: readonly number[], name?: string): Value {
  const sorted = [...perm].sort((a, b) => a - b)
  if (perm.length !== x.rank || sorted.some((p, i) => p !== i))
    fail('Transpose', `perm ${JSON.stringify(perm)} is not a permutation of rank ${x.rank}`, [x])
  const shape = perm.map((p) => x.shape[p]!)
  return x.graph.addNode('Transpose', [x], [{ dtype: x.dtype, shape }], { perm: attr.ints(perm) }, name)[0]!
}

export function Squeeze(x: Value, axes: readonly number[], name?: string): Value {
  const normalized = axesOf('Squeeze', axes, x)
  if (normalized.some((a) => x.shape[a] !== 1)) fail('Squeeze', `axes ${JSON.stringify(axes)} are not all of size 1`, [x])
  const shape = x.shape.filter((_, i) => !normalized.includes(i))
  return x.graph.addNode('Squeeze', [x, x.graph.int64s(normalized, 'axes')], [{ dtype: x.dtype, shape }], {}, name)[0]!
}

export function Unsqueeze(x: Value, axes: readonly number[], name?: string): Value {
  const rank = x.rank + axes.length
  const normalized = axesOf('Unsqueeze', axes, x, rank)
  const shape: number[] = []
  let source = 0
  for (let i = 0; i < rank; i++) shape.push(normalized.includes(i) ? 1 : x.shape[source++]!)
  return x.graph.addNode('Unsqueeze', [x, x.graph.int64s(normalized, 'axes')], [{ dtype: x.dtype, shape }], {}, name)[0]!
}

export function Concat(xs: readonly Value[], axis: number, name?: string): Value {
  if (xs.length === 0) fail('Concat', 'needs at least one input')
  const dtype = sameDtype('Concat', xs)
  const a = axisOf('Concat', axis, xs[0]!)
  const first = xs[0]!.shape
  if (xs.some((x) => x.rank !== first.length || x.shape.some((d, i) => i !== a && d !== first[i])))
    fail('Concat', `shapes differ outside axis ${axis}`, xs)
  const shape = first.map((d, i) => (i === a ? xs.reduce((sum, x) => sum + x.shape[i]!, 0) : d))
  return xs[0]!.graph.addNode('Concat', xs, [{ dtype, shape }], { axis: attr.int(a) }, name)[0]!
}

/** Static Slice with step 1 on the given axes; starts/ends are clamped like ONNX does. */
export function Slice(x: Value, starts: readonly number[], ends: readonly number[], axes: readonly number[], name?: string): Value {
  if (starts.length !== axes.length || ends.length !== axes.length) fail('Slice', 'starts, ends and axes must have the same length', [x])
  const normalized = axes.map((a) => axisOf('Slice', a, x))
  const shape = [...x.shape]
  const clampedStarts: number[] = []
  const clampedEnds: number[] = []
  normalized.forEach((a, i) => {
    const dim = x.shape[a]!
    const clamp = (v: number) => Math.min(Math.max(v < 0 ? v + dim : v, 0), dim)
    const s = clamp(starts[i]!)
    const e = clamp(ends[i]!)
    if (e <= s) fail('Slice', `empty slice ${starts[i]}:${ends[i]} on axis ${a}`, [x])
    clampedStarts.push(s)
    clampedEnds.push(e)
    shape[a] = e - s
  })
  const g = x.graph
  return g.addNode(
    'Slice',
    [x, g.int64s(clampedStarts, 'starts'), g.int64s(clampedEnds, 'ends'), g.int64s(normalized, 'axes')],
    [{ dtype: x.dtype, shape }],
    {},
    name
  )[0]!
}

export function Split(x: Value, sizes: readonly number[], axis: number, name?: string): Value[] {
  const a = axisOf('Split', axis, x)
  if (sizes.reduce((s, d) => s + d, 0) !== x.shape[a] || sizes.some((d) => d < 1))
    fail('Split', `sizes ${JSON.stringify(sizes)} do not add up to ${x.shape[a]}`, [x])
  const outputs = sizes.map((d) => ({ dtype: x.dtype, shape: x.shape.map((s, i) => (i === a ? d : s)) }))
  return x.graph.addNode('Split', [x, x.graph.int64s(sizes, 'split')], outputs, { axis: attr.int(a) }, name)
}

export function Expand(x: Value, shape: Shape, name?: string): Value {
  const out = broadcastShapes(x.shape, shape)
  if (!out) fail('Expand', `cannot expand to ${formatShape(shape)}`, [x])
  return x.graph.addNode('Expand', [x, x.graph.int64s(shape, 'shape')], [{ dtype: x.dtype, shape: out }], {}, name)[0]!
}

/** Gather along `axis` (embedding lookup: data [V, C], indices [B, T] -> [B, T, C]). */
export function Gather(data: Value, indices: Value, axis = 0, name?: string): Value {
  if (indices.dtype !== 'int64' && indices.dtype !== 'int32') fail('Gather', 'indices must be int64 or int32', [indices])
  const a = axisOf('Gather', axis, data)
  const shape = [...data.shape.slice(0, a), ...indices.shape, ...data.shape.slice(a + 1)]
  return data.graph.addNode('Gather', [data, indices], [{ dtype: data.dtype, shape }], { axis: attr.int(a) }, name)[0]!
}

/** Constant zero padding: `pads` = [begin_0..begin_{r-1}, end_0..end_{r-1}] as in ONNX Pad. */
export function Pad(x: Value, pads: readonly number[], name?: string): Value {
  if (pads.length !== 2 * x.rank || pads.some((p) => !Number.isInteger(p) || p < 0))
    fail('Pad', `pads ${JSON.stringify(pads)} must be 2 x rank non-negative integers`, [x])
  const shape = x.shape.map((d, i) => d + pads[i]! + pads[i + x.rank]!)
  return x.graph.addNode('Pad', [x, x.graph.int64s(pads, 'pads')], [{ dtype: x.dtype, shape }], { mode: attr.string('constant') }, name)[0]!
}
