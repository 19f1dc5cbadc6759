// The ARC transformer's graphs, each built per static shape (batch B, sequence bucket T, cache S)
// and cached by the caller. Every weight is a graph input, so one session serves any weights of a
// config: the base model, a merged adapter, or weights being trained.
//   train step   forward + masked next-token loss + backward + AdamW (LoRA adapters or all weights)
//   forward      logits [B, T, V] and each layer's keys/values (the prefill of cached decoding)
//   decode step  one new token per sequence against S cached slots
//   nll          summed negative log-likelihood of masked targets per sequence [B]
import { Graph, type Value } from '../onnx/graph'
import * as op from '../onnx/ops'
import { optimizeGraph } from '../onnx/passes'
import type { OptimizerConfig } from '../train/optimizer'
import { buildTrainStep, type TrainStepModel } from '../train/train-step'
import { forwardDecodeStep, forwardSequence, type AdapterOptions, type LayerCache, type TokenInputs } from './arc-transformer'
import type { ArcModelConfig } from './config'
import type { LoraTarget } from './parameters'
import { inputWeights } from './weight-sources'

export const TOKEN_INPUT_NAMES = ['tokens', 'rows', 'cols', 'examples', 'roles'] as const

function tokenInputs(graph: Graph, b: number, t: number): TokenInputs {
  const [tokens, rows, cols, examples, roles] = TOKEN_INPUT_NAMES.map((name) => graph.input(name, 'int64', [b, t])) as [
    Value,
    Value,
    Value,
    Value,
    Value
  ]
  return { tokens, rows, cols, examples, roles }
}

export interface LoraConfig {
  readonly rank: number
  readonly alpha: number
  readonly targets: readonly LoraTarget[]
}

export interface TrainGraphOptions {
  readonly batch: number
  readonly sequence: number
  /** 'lora': only adapters train (base weights are fixed inputs); 'full': every weight trains. */
  readonly mode: 'lora' | 'full'
  readonly lora?: LoraConfig
  readonly optimizer: OptimizerConfig
  readonly maxGradNorm: number
}

/**
 * Train step over [B, T] sequences. Batch inputs: the five token inputs, `targets` int64 [B*T]
 * (the next token at each position) and `loss_mask` float [B*T]; in LoRA mode also every base
 * weight, by name, as a fixed input.
 */
export function buildModelTrainStep(config: ArcModelConfig, options: TrainGraphOptions): TrainStepModel {
  const { batch: b, sequence: t } = options
  if (options.mode === 'lora' && !options.lora) throw new Error('buildModelTrainStep: LoRA mode needs a LoRA config')
  return buildTrainStep({
    name: `arc-train-${options.mode}-b${b}-t${t}`,
    optimizer: options.optimizer,
    maxGradNorm: options.maxGradNorm,
    forward: ({ graph, parameter }) => {
      const inputs = tokenInputs(graph, b, t)
      const targets = graph.input('targets', 'int64', [b * t])
      const mask = graph.input('loss_mask', 'float32', [b * t])
      const trainable = inputWeights(graph, parameter)
      const weights = options.mode === 'full' ? trainable : inputWeights(graph)
      const lora: AdapterOptions | undefined = options.mode === 'lora' ? { ...options.lora!, source: trainable } : undefined
      const { logits } = forwardSequence(config, inputs, { weights, ...(lora ? { lora } : {}) })
      return op.SoftmaxCrossEntropy(op.Reshape(logits, [b * t, config.vocabSize]), targets, mask)
    }
  })
}

const cacheName = (layer: number, kind: 'keys' | 'values', prefix: string) => `${prefix}.${layer}.${kind}`

/** Outputs `logits` and each layer's keys/values as `<prefix>.<layer>.keys|values`, then cleans up. */
function finishWithCache(graph: Graph, logits: Value, cache: readonly LayerCache[], prefix: string): Graph {
  graph.output(op.Identity(logits, 'logits'))
  cache.forEach((layer, l) => {
    graph.output(op.Identity(layer.keys, cacheName(l, 'keys', prefix)))
    graph.output(op.Identity(layer.values, cacheName(l, 'values', prefix)))
  })
  optimizeGraph(graph)
  return graph
}

/** Prefill: logits [B, T, V] as `logits`, keys/values [B, NH, T, HS] as `cache.<layer>.keys|values`. */
export function buildForwardGraph(config: ArcModelConfig, b: number, t: number): Graph {
  const graph = new Graph(`arc-forward-b${b}-t${t}`)
  const { logits, cache } = forwardSequence(config, tokenInputs(graph, b, t), { weights: inputWeights(graph) })
  return finishWithCache(graph, logits, cache, 'cache')
}

/**
 * Decode step: token inputs [B, 1], `positions` int64 [B, 1], `past.<layer>.keys|values`
 * [B, NH, S, HS], `past_mask` float [B, S]; outputs `logits` [B, V] and `new.<layer>.keys|values`
 * [B, NH, 1, HS] for the host to write into slot `positions`.
 */
export function buildDecodeStepGraph(config: ArcModelConfig, b: number, slots: number): Graph {
  const graph = new Graph(`arc-decode-b${b}-s${slots}`)
  const inputs = tokenInputs(graph, b, 1)
  const positions = graph.input('positions', 'int64', [b, 1])
  const hs = config.channels / config.heads
  const past: LayerCache[] = Array.from({ length: config.layers }, (_, l) => ({
    keys: graph.input(cacheName(l, 'keys', 'past'), 'float32', [b, config.heads, slots, hs]),
    values: graph.input(cacheName(l, 'values', 'past'), 'float32', [b, config.heads, slots, hs])
  }))
  const pastMask = graph.input('past_mask', 'float32', [b, slots])
  const { logits, cache } = forwardDecodeStep(config, inputs, positions, past, pastMask, { weights: inputWeights(graph) })
  return finishWithCache(graph, logits, cache, 'new')
}

/**
 * Per-sequence negative log-likelihood: inputs as the forward plus `targets` int64 [B, T] and
 * `target_mask` float [B, T]; output `nll` [B] = sum_t mask * -log softmax(logits_t)[target_t].
 */
export function buildNllGraph(config: ArcModelConfig, b: number, t: number): Graph {
  const graph = new Graph(`arc-nll-b${b}-t${t}`)
  const { logits } = forwardSequence(config, tokenInputs(graph, b, t), { weights: inputWeights(graph) })
  const targets = graph.input('targets', 'int64', [b, t])
  const mask = graph.input('target_mask', 'float32', [b, t])
  const shifted = op.Sub(logits, op.ReduceMax(logits, [2])) // [B, T, V]
  const logSumExp = op.Log(op.ReduceSum(op.Exp(shifted), [2], false)) // [B, T]
  const ids = graph.constant(
    BigInt64Array.from({ length: config.vocabSize }, (_, i) => BigInt(i)),
    [config.vocabSize],
    'class_ids'
  )
  const onehot = op.Cast(op.Equal(op.Unsqueeze(targets, [2]), ids), 'float32') // [B, T, V]
  const targetLogit = op.ReduceSum(op.Mul(shifted, onehot), [2], false) // [B, T]
  graph.output(op.ReduceSum(op.Mul(op.Sub(logSumExp, targetLogit), mask), [1], false, 'nll'))
  optimizeGraph(graph)
  return graph
}
