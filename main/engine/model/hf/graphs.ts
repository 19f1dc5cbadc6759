// The graphs of a Llama-family checkpoint, with the signatures of the ARC transformer's graphs
// (model/graphs.ts) where the inputs mean the same: every weight is a graph input named as in the
// checkpoint, so one session serves the base model, a merged adapter, or weights being trained.
//   train step   `tokens` [B, T], `targets` [B*T], `loss_mask` [B*T] -> loss, grad_norm, updated.*
//   forward      `tokens` [B, T] -> `logits` [B, T, V], `cache.<layer>.keys|values` [B, NKV, T, HS]
//   prefill      `tokens` [B, T], `last_positions` [B] -> `logits` [B, V] there, and the cache as forward
//   decode step  `tokens`, `positions` [B, 1], `past.<layer>.keys|values` [B, NKV, S, HS],
//                `past_mask` [B, S] -> `logits` [B, V], `new.<layer>.keys|values` [B, NKV, 1, HS]
//   nll          `tokens`, `targets`, `target_mask` [B, T] -> `nll` [B]
// The compact model's per-token features (rows, cols, examples, roles) do not exist here.
import { Graph, type Value } from '../../onnx/graph'
import * as op from '../../onnx/ops'
import { optimizeGraph } from '../../onnx/passes'
import type { OptimizerConfig } from '../../train/optimizer'
import { buildTrainStep, type TrainStepModel } from '../../train/train-step'
import { inputWeights } from '../weight-sources'
import type { HfModelConfig } from './config'
import { forwardHfDecodeStep, forwardHfSequence, type HfAdapterOptions, type HfLayerCache } from './forward'
import type { HfLoraTarget } from './parameters'

export interface HfLoraConfig {
  readonly rank: number
  readonly alpha: number
  readonly targets: readonly HfLoraTarget[]
}

/**
 * Element type of a graph's weights and activations. 'float64' is a verification mode (3 to 4x
 * slower on CPU, CPU execution provider only): it removes float32 rounding from the forward and
 * backward passes, for checking training against a reference (docs/hf-models.md).
 */
export type HfPrecision = 'float32' | 'float64'

export interface HfTrainGraphOptions {
  readonly batch: number
  readonly sequence: number
  /** 'lora': only adapters train (base weights are fixed inputs); 'full': every weight trains. */
  readonly mode: 'lora' | 'full'
  readonly lora?: HfLoraConfig
  readonly optimizer: OptimizerConfig
  readonly maxGradNorm: number
  /** Weights, adapters, optimizer state, `loss_mask`, `step` and `learning_rate` in this type; float32 by default. */
  readonly precision?: HfPrecision
}

/** Weights as graph inputs of `dtype` named by their scoped names. */
const typedInputWeights = (graph: Graph, dtype: HfPrecision) => inputWeights(graph, (name, shape) => graph.input(name, dtype, shape))

export function buildHfTrainStep(config: HfModelConfig, options: HfTrainGraphOptions): TrainStepModel {
  const { batch: b, sequence: t } = options
  const dtype = options.precision ?? 'float32'
  if (options.mode === 'lora' && !options.lora) throw new Error('buildHfTrainStep: LoRA mode needs a LoRA config')
  return buildTrainStep({
    name: `hf-train-${options.mode}-b${b}-t${t}${dtype === 'float32' ? '' : `-${dtype}`}`,
    dtype,
    optimizer: options.optimizer,
    maxGradNorm: options.maxGradNorm,
    // PEFT trains every adapter matrix with weight decay; in full mode norms are not decayed.
    decays: (_name, shape) => shape.length >= 2,
    forward: ({ graph, parameter }) => {
      const tokens = graph.input('tokens', 'int64', [b, t])
      const targets = graph.input('targets', 'int64', [b * t])
      const mask = graph.input('loss_mask', dtype, [b * t])
      const trainable = inputWeights(graph, parameter)
      const weights = options.mode === 'full' ? trainable : typedInputWeights(graph, dtype)
      const lora: HfAdapterOptions | undefined = options.mode === 'lora' ? { ...options.lora!, source: trainable } : undefined
      const { logits } = forwardHfSequence(config, tokens, { weights, ...(lora ? { lora } : {}) })
      return op.SoftmaxCrossEntropy(op.Reshape(logits, [b * t, config.vocabSize]), targets, mask)
    }
  })
}

const cacheName = (layer: number, kind: 'keys' | 'values', prefix: string) => `${prefix}.${layer}.${kind}`

function finishWithCache(graph: Graph, logits: Value, cache: readonly HfLayerCache[], prefix: string): Graph {
  graph.output(op.Identity(logits, 'logits'))
  cache.forEach((layer, l) => {
    graph.output(op.Identity(layer.keys, cacheName(l, 'keys', prefix)))
    graph.output(op.Identity(layer.values, cacheName(l, 'values', prefix)))
  })
  optimizeGraph(graph)
  return graph
}

export function buildHfForwardGraph(config: HfModelConfig, b: number, t: number): Graph {
  const graph = new Graph(`hf-forward-b${b}-t${t}`)
  const { logits, cache } = forwardHfSequence(config, graph.input('tokens', 'int64', [b, t]), { weights: inputWeights(graph) })
  return finishWithCache(graph, logits, cache, 'cache')
}

/** Prefill for decoding: `tokens` [B, T] and `last_positions` [B] -> `logits` [B, V] at those positions and the cache. */
export function buildHfPrefillGraph(config: HfModelConfig, b: number, t: number): Graph {
  const graph = new Graph(`hf-prefill-b${b}-t${t}`)
  const tokens = graph.input('tokens', 'int64', [b, t])
  const last = graph.input('last_positions', 'int64', [b])
  const { logits, cache } = forwardHfSequence(config, tokens, { weights: inputWeights(graph) }, last)
  return finishWithCache(graph, logits, cache, 'cache')
}

export function buildHfDecodeStepGraph(config: HfModelConfig, b: number, slots: number): Graph {
  const graph = new Graph(`hf-decode-b${b}-s${slots}`)
  const tokens = graph.input('tokens', 'int64', [b, 1])
  const positions = graph.input('positions', 'int64', [b, 1])
  const shape = [b, config.keyValueHeads, slots, config.headSize]
  const past = Array.from({ length: config.layers }, (_, l) => ({
    keys: graph.input(cacheName(l, 'keys', 'past'), 'float32', shape),
    values: graph.input(cacheName(l, 'values', 'past'), 'float32', shape)
  }))
  const pastMask = graph.input('past_mask', 'float32', [b, slots])
  const { logits, cache } = forwardHfDecodeStep(config, tokens, positions, past, pastMask, { weights: inputWeights(graph) })
  return finishWithCache(graph, logits, cache, 'new')
}

/** Per-sequence nll [B] = sum_t mask * -log softmax(logits_t)[target_t]; weights, `target_mask` and `nll` in `precision`. */
export function buildHfNllGraph(config: HfModelConfig, b: number, t: number, precision: HfPrecision = 'float32'): Graph {
  const graph = new Graph(`hf-nll-b${b}-t${t}${precision === 'float32' ? '' : `-${precision}`}`)
  const weights = typedInputWeights(graph, precision)
  const { logits } = forwardHfSequence(config, graph.input('tokens', 'int64', [b, t]), { weights })
  const targets = graph.input('targets', 'int64', [b, t])
  const mask = graph.input('target_mask', precision, [b, t])
  const shifted = op.Sub(logits, op.ReduceMax(logits, [2])) // [B, T, V]
  const logSumExp = op.Log(op.ReduceSum(op.Exp(shifted), [2], false)) // [B, T]
  const onehot = op.oneHot(targets, logits) // [B, T, V]
  const targetLogit = op.ReduceSum(op.Mul(shifted, onehot), [2], false) // [B, T]
  graph.output(op.ReduceSum(op.Mul(op.Sub(logSumExp, targetLogit), mask), [1], false, 'nll'))
  optimizeGraph(graph)
  return graph
}
