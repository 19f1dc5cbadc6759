// The shape of a gradient rule: a pure function from (node, output gradients) to input gradients.
import type { Attr, Value } from '../onnx/graph'

export interface GradientContext {
  /** The node's (or composite's) inputs and outputs, attributes and name. */
  readonly inputs: readonly (Value | undefined)[]
  readonly outputs: readonly Value[]
  readonly attrs: Readonly<Record<string, Attr>>
  readonly nodeName: string
  /** Gradient of the loss with respect to output `i`; undefined when none flows into it. */
  gradOutput(i: number): Value | undefined
  /** Whether the gradient of input `i` is needed (it leads to a parameter). */
  needs(i: number): boolean
}

/**
 * Returns one gradient per input, `undefined` where not needed or not differentiable. A gradient
 * may have a broadcast shape: the driver reduces it back to the input's shape.
 */
export type GradientRule = (ctx: GradientContext) => (Value | undefined)[]

/** Marks an op as having no gradient (comparisons, integer ops); reaching it is not an error. */
export const NOT_DIFFERENTIABLE = 'not-differentiable' as const

export type RuleEntry = GradientRule | typeof NOT_DIFFERENTIABLE

export function intAttr(ctx: GradientContext, name: string): number {
  const a = ctx.attrs[name]
  if (!a || a.kind !== 'int') throw new Error(`${ctx.nodeName}: missing int attribute ${name}`)
  return a.value
}

export function intsAttr(ctx: GradientContext, name: string): readonly number[] {
  const a = ctx.attrs[name]
  if (!a || a.kind !== 'ints') throw new Error(`${ctx.nodeName}: missing ints attribute ${name}`)
  return a.value
}

/** Reads a constant int64 input (axes, shapes, starts) back as numbers. */
export function constantInts(value: Value | undefined): number[] {
  if (!value?.data || !(value.data instanceof BigInt64Array))
    throw new Error(`expected a constant int64 input, got ${value?.name ?? 'nothing'}`)
  return Array.from(value.data, Number)
}

/** The single output gradient, which the driver guarantees exists for single-output nodes. */
export function gradOut(ctx: GradientContext): Value {
  const g = ctx.gradOutput(0)
  if (!g) throw new Error(`${ctx.nodeName}: no output gradient`)
  return g
}
