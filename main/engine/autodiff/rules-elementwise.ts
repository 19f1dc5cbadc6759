// Gradient rules of the element-wise ops. Broadcast reduction happens in the driver, not here.
// y = op(a, b); g = dL/dy.
import type { Value } from '../onnx/graph'
import * as op from '../onnx/ops'
import { gradOut, NOT_DIFFERENTIABLE, type RuleEntry } from './rule'

const scalarLike = (like: Value, value: number): Value => like.graph.scalar(value, like.dtype)

export const elementwiseRules: Record<string, RuleEntry> = {
  Add: (ctx) => [gradOut(ctx), gradOut(ctx)],
  Sub: (ctx) => [gradOut(ctx), ctx.needs(1) ? op.Neg(gradOut(ctx)) : undefined],
  Mul: (ctx) => {
    const [a, b] = ctx.inputs as [Value, Value]
    const g = gradOut(ctx)
    return [ctx.needs(0) ? op.Mul(g, b) : undefined, ctx.needs(1) ? op.Mul(g, a) : undefined]
  },
  // y = a / b: da = g / b, db = -g * y / b
  Div: (ctx) => {
    const [, b] = ctx.inputs as [Value, Value]
    const g = gradOut(ctx)
    return [ctx.needs(0) ? op.Div(g, b) : undefined, ctx.needs(1) ? op.Neg(op.Div(op.Mul(g, ctx.outputs[0]!), b)) : undefined]
  },
  // y = a ^ b: da = g * b * a^(b-1), db = g * y * ln(a)
  Pow: (ctx) => {
    const [a, b] = ctx.inputs as [Value, Value]
    const g = gradOut(ctx)
    const da = ctx.needs(0) ? op.Mul(g, op.Mul(b, op.Pow(a, op.Sub(b, scalarLike(b, 1))))) : undefined
    const db = ctx.needs(1) ? op.Mul(g, op.Mul(ctx.outputs[0]!, op.Log(a))) : undefined
    return [da, db]
  },
  Neg: (ctx) => [op.Neg(gradOut(ctx))],
  Identity: (ctx) => [gradOut(ctx)],
  // y = sqrt(x): dx = g * 0.5 / y
  Sqrt: (ctx) => [op.Div(op.Mul(gradOut(ctx), scalarLike(ctx.outputs[0]!, 0.5)), ctx.outputs[0]!)],
  // y = 1/x: dx = -g * y^2
  Reciprocal: (ctx) => [op.Neg(op.Mul(gradOut(ctx), op.Mul(ctx.outputs[0]!, ctx.outputs[0]!)))],
  Exp: (ctx) => [op.Mul(gradOut(ctx), ctx.outputs[0]!)],
  Log: (ctx) => [op.Div(gradOut(ctx), ctx.inputs[0]!)],
  // y = tanh(x): dx = g * (1 - y^2)
  Tanh: (ctx) => {
    const y = ctx.outputs[0]!
    return [op.Mul(gradOut(ctx), op.Sub(scalarLike(y, 1), op.Mul(y, y)))]
  },
  // y = erf(x): dx = g * 2/sqrt(pi) * exp(-x^2)
  Erf: (ctx) => {
    const x = ctx.inputs[0]!
    return [op.Mul(gradOut(ctx), op.Mul(scalarLike(x, 2 / Math.sqrt(Math.PI)), op.Exp(op.Neg(op.Mul(x, x)))))]
  },
  // y = sigmoid(x): dx = g * y * (1 - y)
  Sigmoid: (ctx) => {
    const y = ctx.outputs[0]!
    return [op.Mul(gradOut(ctx), op.Mul(y, op.Sub(scalarLike(y, 1), y)))]
  },
  // dx = g where x > 0, else 0 (the subgradient 0 at x = 0, as PyTorch)
  Relu: (ctx) => {
    const x = ctx.inputs[0]!
    return [op.Where(op.Greater(x, scalarLike(x, 0)), gradOut(ctx), scalarLike(x, 0))]
  },
  // |x|: dx = g * sign(x), 0 at 0
  Abs: (ctx) => {
    const x = ctx.inputs[0]!
    const zero = scalarLike(x, 0)
    const g = gradOut(ctx)
    return [op.Where(op.Greater(x, zero), g, op.Where(op.Less(x, zero), op.Neg(g), zero))]
  },
  // Max/Min: the gradient goes to the input that was selected (to the first one on ties).
  Max: (ctx) => selectGradient(ctx.inputs[0]!, ctx.inputs[1]!, gradOut(ctx), 'max', ctx.needs(0), ctx.needs(1)),
  Min: (ctx) => selectGradient(ctx.inputs[0]!, ctx.inputs[1]!, gradOut(ctx), 'min', ctx.needs(0), ctx.needs(1)),
  Where: (ctx) => {
    const [condition, a] = ctx.inputs as [Value, Value]
    const g = gradOut(ctx)
    const zero = scalarLike(a, 0)
    return [undefined, ctx.needs(1) ? op.Where(condition, g, zero) : undefined, ctx.needs(2) ? op.Where(condition, zero, g) : undefined]
  },
  Cast: (ctx) => {
    const x = ctx.inputs[0]!
    return [x.dtype === 'float32' || x.dtype === 'float64' ? op.Cast(gradOut(ctx), x.dtype) : undefined]
  },
  Equal: NOT_DIFFERENTIABLE,
  Less: NOT_DIFFERENTIABLE,
  Greater: NOT_DIFFERENTIABLE,
  Not: NOT_DIFFERENTIABLE
}

function selectGradient(a: Value, b: Value, g: Value, kind: 'max' | 'min', needA: boolean, needB: boolean): (Value | undefined)[] {
  const aSelected = kind === 'max' ? op.Not(op.Less(a, b)) : op.Not(op.Greater(a, b))
  const zero = a.graph.scalar(0, a.dtype)
  return [needA ? op.Where(aSelected, g, zero) : undefined, needB ? op.Where(aSelected, zero, g) : undefined]
}
