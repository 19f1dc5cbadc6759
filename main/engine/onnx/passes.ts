// Small cleanup passes over the graph IR, each a named function:
//  - removeDeadNodes: drops nodes no graph output depends on;
//  - foldConstants: evaluates small nodes whose inputs are all constants (shape arithmetic and
//    scalar maths the gradient rules emit, e.g. `b - 1` for a constant exponent) into constants.
import { allocate, type TensorData } from './dtype'
import { Value, type Graph, type Node } from './graph'
import { broadcastShapes, shapesEqual, sizeOf } from './shape'

export function removeDeadNodes(graph: Graph): number {
  const live = new Set<Value>(graph.outputs)
  const kept: Node[] = []
  for (let i = graph.nodes.length - 1; i >= 0; i--) {
    const node = graph.nodes[i]!
    if (!node.outputs.some((o) => live.has(o))) continue
    kept.push(node)
    node.inputs.forEach((v) => v && live.add(v))
  }
  const removed = graph.nodes.length - kept.length
  graph.nodes.splice(0, graph.nodes.length, ...kept.reverse())
  return removed
}

/** Folded outputs larger than this stay computed, so folding never bloats a model. */
const MAX_FOLDED_ELEMENTS = 4096

type Numeric = (a: number, b: number) => number
const BINARY: Readonly<Record<string, Numeric>> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Mul: (a, b) => a * b,
  Div: (a, b) => a / b,
  Pow: (a, b) => a ** b
}
const UNARY: Readonly<Record<string, (a: number) => number>> = {
  Neg: (a) => -a,
  Sqrt: Math.sqrt,
  Reciprocal: (a) => 1 / a,
  Exp: Math.exp,
  Log: Math.log
}
const RESHAPING = new Set(['Identity', 'Reshape', 'Squeeze', 'Unsqueeze'])

function evaluate(node: Node): TensorData | undefined {
  const out = node.outputs[0]!
  const inputs = node.inputs.map((v) => v?.data)
  const x = inputs[0]
  if (!x || (out.dtype === 'int64' && !RESHAPING.has(node.op))) return undefined
  if (RESHAPING.has(node.op)) return x.slice()
  const result = allocate(out.dtype, sizeOf(out.shape)) as Float32Array | Float64Array
  const read = (d: TensorData, i: number) => Number(d[i % d.length])
  if (node.op === 'Expand' && x.length === 1) return result.fill(read(x, 0))
  const unary = UNARY[node.op]
  if (unary && result.length === x.length) return result.map((_, i) => unary(read(x, i)))
  const binary = BINARY[node.op]
  const y = inputs[1]
  // Same-shape inputs, or one side a single element: no general broadcasting needed here.
  if (binary && y && (x.length === y.length || x.length === 1 || y.length === 1))
    return result.map((_, i) => binary(read(x, i), read(y, i)))
  return undefined
}

export function foldConstants(graph: Graph): number {
  const replaced = new Map<Value, Value>()
  const outputs = new Set(graph.outputs)
  let folded = 0
  for (const node of graph.nodes) {
    node.inputs = node.inputs.map((v) => (v && replaced.get(v)) ?? v)
    if (node.composite || node.outputs.length !== 1 || node.inputs.length === 0) continue
    const out = node.outputs[0]!
    if (outputs.has(out) || sizeOf(out.shape) > MAX_FOLDED_ELEMENTS) continue
    if (!node.inputs.every((v) => v === undefined || v.role === 'constant')) continue
    if (
      node.op !== 'Expand' &&
      !RESHAPING.has(node.op) &&
      broadcastShapes(...node.inputs.map((v) => v!.shape)) &&
      !shapesEqual(out.shape, out.shape)
    )
      continue
    const data = evaluate(node)
    if (!data) continue
    const constant = new Value(graph, out.name, out.dtype, out.shape, 'constant', undefined, data)
    graph.constants.push(constant)
    replaced.set(out, constant)
    folded++
  }
  if (folded > 0) removeDeadNodes(graph)
  return folded
}

/** The standard cleanup: fold constants, then drop dead nodes. Returns what each pass did. */
export function optimizeGraph(graph: Graph): { folded: number; removed: number } {
  const folded = foldConstants(graph)
  return { folded, removed: removeDeadNodes(graph) }
}
