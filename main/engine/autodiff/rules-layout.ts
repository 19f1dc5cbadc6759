// Gradient rules of MatMul and of the ops that move or select elements.
import type { Value } from '../onnx/graph'
import * as op from '../onnx/ops'
import { sizeOf } from '../onnx/shape'
import { constantInts, gradOut, intAttr, intsAttr, type GradientContext, type RuleEntry } from './rule'

/** Swaps the last two axes. */
function transposeLast(x: Value): Value {
  const perm = x.shape.map((_, i) => i)
  perm[x.rank - 2] = x.rank - 1
  perm[x.rank - 1] = x.rank - 2
  return op.Transpose(x, perm)
}

function inversePermutation(perm: readonly number[]): number[] {
  const inverse = new Array<number>(perm.length)
  perm.forEach((p, i) => (inverse[p] = i))
  return inverse
}

const reshapeBack = (ctx: GradientContext): Value[] => [op.Reshape(gradOut(ctx), ctx.inputs[0]!.shape)]

export const layoutRules: Record<string, RuleEntry> = {
  // Y = A B: dA = G B^T, dB = A^T G (batch broadcasting is reduced by the driver)
  MatMul: (ctx) => {
    const [a, b] = ctx.inputs as [Value, Value]
    const g = gradOut(ctx)
    return [ctx.needs(0) ? op.MatMul(g, transposeLast(b)) : undefined, ctx.needs(1) ? op.MatMul(transposeLast(a), g) : undefined]
  },
  Transpose: (ctx) => [op.Transpose(gradOut(ctx), inversePermutation(intsAttr(ctx, 'perm')))],
  Reshape: reshapeBack,
  Squeeze: reshapeBack,
  Unsqueeze: reshapeBack,
  Expand: (ctx) => [gradOut(ctx)], // the driver sums the broadcast axes
  Concat: (ctx) => {
    const axis = intAttr(ctx, 'axis')
    const sizes = ctx.inputs.map((x) => x!.shape[axis]!)
    return sizes.length === 1 ? [gradOut(ctx)] : op.Split(gradOut(ctx), sizes, axis)
  },
  Split: (ctx) => {
    const parts = ctx.outputs.map((out, i) => ctx.gradOutput(i) ?? zerosLike(out))
    return [op.Concat(parts, intAttr(ctx, 'axis'))]
  },
  // The gradient of a slice is the output gradient padded with zeros back to the input's shape.
  Slice: (ctx) => {
    const x = ctx.inputs[0]!
    const starts = constantInts(ctx.inputs[1])
    const ends = constantInts(ctx.inputs[2])
    const axes = constantInts(ctx.inputs[3])
    const pads = new Array<number>(2 * x.rank).fill(0)
    axes.forEach((a, i) => {
      pads[a] = starts[i]!
      pads[a + x.rank] = x.shape[a]! - ends[i]!
    })
    return [op.Pad(gradOut(ctx), pads)]
  },
  Pad: (ctx) => {
    const x = ctx.inputs[0]!
    const pads = constantInts(ctx.inputs[1])
    const axes = x.shape.map((_, i) => i)
    return [
      op.Slice(
        gradOut(ctx),
        axes.map((a) => pads[a]!),
        axes.map((a) => pads[a]! + x.shape[a]!),
        axes
      )
    ]
  },
  // Embedding lookup (axis 0 of a [V, C] table): dTable = onehot(indices)^T G, built from standard
  // ops (Equal, Cast, MatMul) rather than a scatter, so every execution provider can run it.
  Gather: (ctx) => {
    const [table, indices] = ctx.inputs as [Value, Value]
    if (intAttr(ctx, 'axis') !== 0 || table.rank !== 2)
      throw new Error(`${ctx.nodeName}: Gather gradient supports axis 0 of a 2-D table only`)
    const [vocab, channels] = table.shape as [number, number]
    const count = sizeOf(indices.shape)
    const flatIndices = op.Reshape(indices.dtype === 'int64' ? indices : op.Cast(indices, 'int64'), [count])
    const ids = table.graph.constant(
      BigInt64Array.from({ length: vocab }, (_, i) => BigInt(i)),
      [vocab],
      'class_ids'
    )
    const onehot = op.Cast(op.Equal(op.Unsqueeze(flatIndices, [1]), ids), table.dtype) // [N, V]
    const g = op.Reshape(gradOut(ctx), [count, channels]) // [N, C]
    return [op.MatMul(op.Transpose(onehot, [1, 0]), g), undefined]
  }
}

function zerosLike(value: Value): Value {
  return op.Expand(value.graph.scalar(0, value.dtype), value.shape)
}
