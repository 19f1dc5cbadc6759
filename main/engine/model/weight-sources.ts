// Where a graph's weights come from. Each source creates one graph input per scoped name and
// returns the same value when a name is asked for again.
import type { Graph, Value } from '../onnx/graph'
import type { Shape } from '../onnx/shape'
import type { WeightSource } from './blocks'

/** Weights as float32 graph inputs named by their scoped names (e.g. `blocks.0.attn.q.weight`). */
export function inputWeights(
  graph: Graph,
  declare: (name: string, shape: Shape) => Value = (name, shape) => graph.input(name, 'float32', shape)
): WeightSource & { readonly declared: ReadonlyMap<string, Value> } {
  const declared = new Map<string, Value>()
  return {
    declared,
    weight(name, shape) {
      const full = graph.scopedName(name)
      let value = declared.get(full)
      if (!value) {
        value = declare(name, shape)
        if (value.name !== full) throw new Error(`weight ${full} was declared as ${value.name}: a name collision in the graph`)
        declared.set(full, value)
      }
      return value
    }
  }
}
