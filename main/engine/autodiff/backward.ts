// The backward driver: op-agnostic reverse-mode autodiff over the graph IR (after micrograd and
// tinygrad's gradient.py). It walks the units (nodes, or composites as one unit) between the
// parameters and the loss in reverse topological order, sums fan-in gradients, reduces broadcast
// gradients back to each input's shape, and emits only the gradients that lead to a parameter.
import { GraphError, type Composite, type Node, type Value } from '../onnx/graph'
import * as op from '../onnx/ops'
import { shapesEqual } from '../onnx/shape'
import { GRADIENT_RULES } from './rules'
import type { GradientContext } from './rule'

/** A node, or a composite treated as one node with its own rule. */
interface Unit {
  readonly op: string
  readonly name: string
  readonly inputs: readonly (Value | undefined)[]
  readonly outputs: readonly Value[]
  readonly attrs: Node['attrs']
}

function unitsOf(nodes: readonly Node[]): Unit[] {
  const units: Unit[] = []
  const seen = new Set<Composite>()
  // A composite is placed at its last node, where all its outputs exist.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!
    if (!node.composite) units.push(node)
    else if (!seen.has(node.composite)) {
      seen.add(node.composite)
      const c = node.composite
      units.push({ op: c.op, name: c.outputs[0]!.name, inputs: c.inputs, outputs: c.outputs, attrs: c.attrs })
    }
  }
  return units.reverse()
}

/**
 * Sums `gradient` (which may have a broadcast shape) back to `shape`: leading extra axes are
 * summed away, and axes where the input had size 1 are summed with keepdims.
 */
function reduceToShape(gradient: Value, target: Value): Value {
  if (shapesEqual(gradient.shape, target.shape)) return gradient
  const extra = gradient.rank - target.rank
  const axes: number[] = []
  gradient.shape.forEach((d, i) => {
    const t = i < extra ? undefined : target.shape[i - extra]
    if (t === undefined || (t === 1 && d !== 1)) axes.push(i)
  })
  const summed = axes.length > 0 ? op.ReduceSum(gradient, axes, true) : gradient
  return shapesEqual(summed.shape, target.shape) ? summed : op.Reshape(summed, target.shape)
}

/**
 * Emits the gradient of scalar `loss` with respect to each of `parameters`, named `grad.<name>`.
 * Throws when a parameter does not influence the loss or an op on the path has no rule.
 */
export function gradients(loss: Value, parameters: readonly Value[]): Map<Value, Value> {
  const graph = loss.graph
  if (loss.shape.length !== 0) throw new GraphError(`gradients: the loss must be a scalar, got ${loss}`)
  const units = unitsOf(graph.nodes)
  // Forward: values that depend on some parameter.
  const dependsOnParameter = new Set<Value>(parameters)
  for (const unit of units) {
    if (unit.inputs.some((v) => v && dependsOnParameter.has(v))) unit.outputs.forEach((o) => dependsOnParameter.add(o))
  }
  // Backward: values the loss depends on.
  const leadsToLoss = new Set<Value>([loss])
  for (let i = units.length - 1; i >= 0; i--) {
    const unit = units[i]!
    if (unit.outputs.some((o) => leadsToLoss.has(o))) unit.inputs.forEach((v) => v && leadsToLoss.add(v))
  }
  const onPath = (v: Value | undefined): v is Value => v !== undefined && dependsOnParameter.has(v) && leadsToLoss.has(v)
  for (const p of parameters) {
    if (!leadsToLoss.has(p)) throw new GraphError(`gradients: parameter ${p.name} does not influence the loss ${loss.name}`)
  }

  const pending = new Map<Value, Value[]>([[loss, [graph.scalar(1, loss.dtype, 'grad.seed')]]])
  const total = (v: Value): Value | undefined => {
    const parts = pending.get(v)
    if (!parts) return undefined
    const sum = parts.reduce((acc, part) => op.Add(acc, part))
    pending.set(v, [sum])
    return sum
  }

  for (let i = units.length - 1; i >= 0; i--) {
    const unit = units[i]!
    if (!unit.outputs.some((o) => onPath(o) && pending.has(o))) continue
    const rule = GRADIENT_RULES[unit.op]
    if (rule === undefined) throw new GraphError(`gradients: no gradient rule for op ${unit.op} (node ${unit.name})`)
    if (rule === 'not-differentiable') continue
    const ctx: GradientContext = {
      inputs: unit.inputs,
      outputs: unit.outputs,
      attrs: unit.attrs,
      nodeName: unit.name,
      gradOutput: (k) => total(unit.outputs[k]!),
      needs: (k) => onPath(unit.inputs[k])
    }
    const inputGrads = graph.scope(`grad.${unit.name}`, () => rule(ctx))
    unit.inputs.forEach((input, k) => {
      const g = inputGrads[k]
      if (!onPath(input) || !g) return
      const reduced = graph.scope(`grad.${unit.name}`, () => reduceToShape(g, input))
      pending.set(input, [...(pending.get(input) ?? []), reduced])
    })
  }

  const result = new Map<Value, Value>()
  for (const p of parameters) {
    const g = total(p)
    if (!g) throw new GraphError(`gradients: no gradient reached parameter ${p.name}`)
    result.set(p, op.Identity(g, `grad.${p.name}`))
  }
  return result
}
