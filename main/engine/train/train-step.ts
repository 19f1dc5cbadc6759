// The train-step model: forward + loss + backward + optimizer update as one ONNX graph, so one
// InferenceSession.run is one optimizer step (architecture.md section 1).
//
// Signature (names as they appear in the ONNX model):
//   inputs   <param>                 each trainable parameter, e.g. `blocks.0.attn.wq`
//            optimizer.m.<param>     AdamW first moment (AdamW only)
//            optimizer.v.<param>     AdamW second moment (AdamW only)
//            step                    float scalar, the 1-based step number t (bias correction)
//            learning_rate           float scalar (the schedule lives on the host)
//            <batch inputs>          whatever the forward declares with graph.input
//   outputs  loss                    float scalar
//            grad_norm               global gradient norm before clipping
//            updated.<param>         the parameter after the step
//            updated.optimizer.m.<param>, updated.optimizer.v.<param>
// Frozen weights (a LoRA step's base weights) are graph inputs too, fed unchanged every step; they
// are not parameters, so they get no gradient and no optimizer state.
import type { DType } from '../onnx/dtype'
import { Graph, type Value } from '../onnx/graph'
import * as op from '../onnx/ops'
import type { Shape } from '../onnx/shape'
import { gradients } from '../autodiff/backward'
import { optimizeGraph } from '../onnx/passes'
import { clipByGlobalNorm, emitUpdate, stateSlots, validateOptimizer, type OptimizerConfig } from './optimizer'

export interface ForwardContext {
  readonly graph: Graph
  /** Declares a trainable parameter (a graph input under the current scope). */
  parameter(name: string, shape: Shape): Value
}

export interface TrainStepDefinition {
  readonly name: string
  readonly dtype?: Extract<DType, 'float32' | 'float64'>
  /** Builds the forward pass from parameters, frozen weights and batch inputs (graph inputs); returns the scalar loss. */
  readonly forward: (ctx: ForwardContext) => Value
  readonly optimizer: OptimizerConfig
  /** Global gradient-norm clip; 0 disables it. */
  readonly maxGradNorm: number
  /** Which parameters get weight decay; by default matrices (rank >= 2), not biases or norm gains. */
  readonly decays?: (name: string, shape: Shape) => boolean
}

export interface TensorSpec {
  readonly name: string
  readonly dtype: DType
  readonly shape: Shape
}

export interface TrainStepSignature {
  readonly parameters: readonly TensorSpec[]
  /** Optimizer state inputs: one per parameter and slot. */
  readonly state: readonly (TensorSpec & { readonly parameter: string; readonly slot: 'm' | 'v' })[]
  readonly batch: readonly TensorSpec[]
  readonly step: string
  readonly learningRate: string
  readonly loss: string
  readonly gradNorm: string
  /** Input name -> output name of its updated value (parameters and state). */
  readonly updated: Readonly<Record<string, string>>
}

export interface TrainStepModel {
  readonly graph: Graph
  readonly signature: TrainStepSignature
}

const spec = (v: Value): TensorSpec => ({ name: v.name, dtype: v.dtype, shape: v.shape })

export function buildTrainStep(definition: TrainStepDefinition): TrainStepModel {
  validateOptimizer(definition.optimizer)
  const dtype = definition.dtype ?? 'float32'
  const graph = new Graph(definition.name)
  const step = graph.input('step', dtype, [])
  const learningRate = graph.input('learning_rate', dtype, [])
  const parameters: Value[] = []
  const forwardStart = graph.inputs.length
  const loss = definition.forward({
    graph,
    parameter: (name, shape) => {
      const p = graph.input(name, dtype, shape)
      parameters.push(p)
      return p
    }
  })
  if (parameters.length === 0) throw new Error(`${definition.name}: the forward declared no trainable parameter`)
  const batch = graph.inputs.slice(forwardStart).filter((v) => !parameters.includes(v))
  const namedLoss = op.Identity(loss, 'loss')
  graph.output(namedLoss)

  const grads = gradients(loss, parameters)
  const { norm, clipped } = graph.scope('optimizer', () =>
    clipByGlobalNorm(
      parameters.map((p) => grads.get(p)!),
      definition.maxGradNorm
    )
  )
  graph.output(op.Identity(norm, 'grad_norm'))

  const decays = definition.decays ?? ((_name: string, shape: Shape) => shape.length >= 2)
  const slots = stateSlots(definition.optimizer)
  const state: TrainStepSignature['state'][number][] = []
  const updated: Record<string, string> = {}
  parameters.forEach((p, i) => {
    const slotInputs = Object.fromEntries(
      slots.map((slot) => [slot, graph.input(`optimizer.${slot}.${p.name}`, dtype, p.shape)])
    ) as Record<'m' | 'v', Value>
    slots.forEach((slot) => state.push({ ...spec(slotInputs[slot]), parameter: p.name, slot }))
    const result = graph.scope(`optimizer.${p.name}`, () =>
      emitUpdate(definition.optimizer, {
        param: p,
        grad: clipped[i]!,
        state: slotInputs,
        learningRate,
        step,
        decay: decays(p.name, p.shape)
      })
    )
    updated[p.name] = graph.output(op.Identity(result.param, `updated.${p.name}`)).name
    for (const slot of slots)
      updated[slotInputs[slot].name] = graph.output(op.Identity(result.state[slot]!, `updated.${slotInputs[slot].name}`)).name
  })
  optimizeGraph(graph)
  return {
    graph,
    signature: {
      parameters: parameters.map(spec),
      state,
      batch: batch.map(spec),
      step: step.name,
      learningRate: learningRate.name,
      loss: namedLoss.name,
      gradNorm: 'grad_norm',
      updated
    }
  }
}
