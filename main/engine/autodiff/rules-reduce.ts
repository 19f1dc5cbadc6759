// Gradient rules of reductions, Softmax, LayerNormalization and the fused cross-entropy.
import type { Value } from '../onnx/graph'
import * as op from '../onnx/ops'
import { SOFTMAX_CROSS_ENTROPY, oneHot } from '../onnx/ops/loss'
import { constantInts, gradOut, intAttr, type GradientContext, type RuleEntry } from './rule'

/** The output gradient with the reduced axes restored as size-1 axes. */
function keptDims(ctx: GradientContext): Value {
  const x = ctx.inputs[0]!
  const axes = constantInts(ctx.inputs[1])
  return op.Reshape(
    gradOut(ctx),
    x.shape.map((d, i) => (axes.includes(i) ? 1 : d))
  )
}

function reducedCount(ctx: GradientContext): number {
  const x = ctx.inputs[0]!
  return constantInts(ctx.inputs[1]).reduce((n, a) => n * x.shape[a]!, 1)
}

export const reduceRules: Record<string, RuleEntry> = {
  ReduceSum: (ctx) => [op.Expand(keptDims(ctx), ctx.inputs[0]!.shape), undefined],
  ReduceMean: (ctx) => {
    const x = ctx.inputs[0]!
    return [op.Expand(op.Div(keptDims(ctx), x.graph.scalar(reducedCount(ctx), x.dtype)), x.shape), undefined]
  },
  // The gradient is shared equally among the positions that hold the maximum.
  ReduceMax: (ctx) => {
    const x = ctx.inputs[0]!
    const axes = constantInts(ctx.inputs[1])
    const max = op.Reshape(
      ctx.outputs[0]!,
      x.shape.map((d, i) => (axes.includes(i) ? 1 : d))
    )
    const isMax = op.Cast(op.Equal(x, max), x.dtype)
    const ties = op.ReduceSum(isMax, axes)
    return [op.Mul(isMax, op.Div(keptDims(ctx), ties)), undefined]
  },
  // y = softmax(x): dx = y * (g - sum(g * y, axis))
  Softmax: (ctx) => {
    const y = ctx.outputs[0]!
    const g = gradOut(ctx)
    return [op.Mul(y, op.Sub(g, op.ReduceSum(op.Mul(g, y), [intAttr(ctx, 'axis')])))]
  },
  // xhat = (x - mean) * r with r = 1/sqrt(var + eps); y = xhat * scale + bias. With gs = g * scale:
  // dx = r * (gs - mean(gs) - xhat * mean(gs * xhat)); dscale = sum(g * xhat); dbias = sum(g).
  LayerNormalization: (ctx) => {
    const [x, scale] = ctx.inputs as [Value, Value]
    const epsilon = ctx.attrs.epsilon?.kind === 'float' ? ctx.attrs.epsilon.value : 1e-5
    const g = gradOut(ctx)
    const last = x.rank - 1
    const centred = op.Sub(x, op.ReduceMean(x, [last]))
    const variance = op.ReduceMean(op.Mul(centred, centred), [last])
    const r = op.Reciprocal(op.Sqrt(op.Add(variance, x.graph.scalar(epsilon, x.dtype))))
    const xhat = op.Mul(centred, r)
    const leading = x.shape.slice(0, -1).map((_, i) => i)
    const sumLeading = (v: Value) => (leading.length === 0 ? v : op.ReduceSum(v, leading, false))
    let dx: Value | undefined
    if (ctx.needs(0)) {
      const gs = op.Mul(g, scale)
      dx = op.Mul(r, op.Sub(op.Sub(gs, op.ReduceMean(gs, [last])), op.Mul(xhat, op.ReduceMean(op.Mul(gs, xhat), [last]))))
    }
    return [dx, ctx.needs(1) ? sumLeading(op.Mul(g, xhat)) : undefined, ctx.needs(2) ? sumLeading(g) : undefined]
  },
  // d loss / d logits = g * (softmax - onehot) * mask / count, with count = max(sum(mask), 1)
  [SOFTMAX_CROSS_ENTROPY]: (ctx) => {
    const [logits, targets, mask] = ctx.inputs as [Value, Value, Value]
    const g = gradOut(ctx)
    const count = op.Max(op.ReduceSum(mask, [0], false), logits.graph.scalar(1, logits.dtype))
    const weight = op.Unsqueeze(op.Div(op.Mul(mask, g), count), [1]) // [N, 1]
    return [op.Mul(op.Sub(op.Softmax(logits, 1), oneHot(targets, logits)), weight), undefined, undefined]
  }
}
