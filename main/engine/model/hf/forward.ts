// The forward pass of a Llama-family checkpoint (transformers' LlamaModel / Qwen2Model):
// token embedding, pre-norm blocks of grouped-query attention with rotary positions and a SwiGLU
// MLP, a final RMSNorm and the output head (tied to the embedding or not). Value and weight names
// follow the checkpoint's module paths (`model.layers.0.self_attn.q_proj.weight`).
// Shape legend: B batch, T time, C channels, V vocabulary, NH heads, NKV key/value heads, HS head
// size, S cache slots.
import type { DType } from '../../onnx/dtype'
import type { Graph, Value } from '../../onnx/graph'
import * as op from '../../onnx/ops'
import type { WeightSource } from '../blocks'
import type { HfModelConfig } from './config'
import { groupedAttention, loraUpdate, projection, rmsNorm, swiGlu, type HfLoraSpec } from './layers'
import { EMBEDDING, projectionShape, type HfLoraTarget } from './parameters'
import { applyRotary, rotaryTables } from './rope'

export interface HfAdapterOptions {
  readonly rank: number
  readonly alpha: number
  readonly targets: readonly HfLoraTarget[]
  /** Source of the adapters, declared under each projection's scope (`...q_proj.lora_A.weight`). */
  readonly source: WeightSource
}

export interface HfForwardOptions {
  readonly weights: WeightSource
  readonly lora?: HfAdapterOptions
}

/** Keys (after rotation) and values of one layer, [B, NKV, T, HS]. */
export interface HfLayerCache {
  readonly keys: Value
  readonly values: Value
}

/** Rotary tables for the current positions, broadcasting to [B, NH, T, HS]. */
interface Rotary {
  readonly cos: Value
  readonly sin: Value
}

function loraFor(options: HfForwardOptions, target: HfLoraTarget): { lora?: HfLoraSpec } {
  const l = options.lora
  return l && l.targets.includes(target) ? { lora: { rank: l.rank, alpha: l.alpha, adapters: l.source } } : {}
}

const toHeads = (x: Value, b: number, t: number, heads: number, hs: number): Value =>
  op.Transpose(op.Reshape(x, [b, t, heads, hs]), [0, 2, 1, 3]) // [B, heads, T, HS]

/** q [B, NH, T, HS] and k, v [B, NKV, T, HS] of the normed input, q and k rotated. */
function projectQkv(normed: Value, config: HfModelConfig, options: HfForwardOptions, rotary: Rotary) {
  const [b, t] = normed.shape as [number, number]
  const bias = { bias: config.attentionBias }
  const linear = (target: 'q_proj' | 'k_proj' | 'v_proj') =>
    projection(normed, options.weights, target, projectionShape(config, target), { ...bias, ...loraFor(options, target) })
  const q = toHeads(linear('q_proj'), b, t, config.heads, config.headSize)
  const k = toHeads(linear('k_proj'), b, t, config.keyValueHeads, config.headSize)
  const v = toHeads(linear('v_proj'), b, t, config.keyValueHeads, config.headSize)
  return { q: applyRotary(q, rotary.cos, rotary.sin), k: applyRotary(k, rotary.cos, rotary.sin), v }
}

/** One decoder layer; `attend` maps (q, k, v) of the layer to keys/values to attend over and a mask. */
function decoderLayer(
  x: Value,
  layer: number,
  config: HfModelConfig,
  options: HfForwardOptions,
  rotary: Rotary,
  attend: (q: Value, k: Value, v: Value) => Value
): Value {
  const g = x.graph
  const w = options.weights
  return g.scope('layers', () =>
    g.scope(layer, () => {
      const normed = rmsNorm(x, w, 'input_layernorm', config.channels, config.normEpsilon) // [B, T, C]
      const attention = g.scope('self_attn', () => {
        const { q, k, v } = projectQkv(normed, config, options, rotary)
        return projection(attend(q, k, v), w, 'o_proj', projectionShape(config, 'o_proj'), loraFor(options, 'o_proj')) // [B, T, C]
      })
      const h = op.Add(x, attention) // [B, T, C]
      const normedH = rmsNorm(h, w, 'post_attention_layernorm', config.channels, config.normEpsilon)
      return op.Add(
        h,
        g.scope('mlp', () => swiGlu(normedH, w, config.channels, config.hidden, (target) => loraFor(options, target)))
      )
    })
  )
}

function outputHead(x: Value, config: HfModelConfig, options: HfForwardOptions): Value {
  const g = x.graph
  const normed = g.scope('model', () => rmsNorm(x, options.weights, 'norm', config.channels, config.normEpsilon))
  if (!config.tiedEmbeddings)
    return projection(normed, options.weights, 'lm_head', projectionShape(config, 'lm_head'), loraFor(options, 'lm_head')) // [..., V]
  // Tied: the head is the embedding table [V, C]; a LoRA on lm_head still gets its own A and B.
  const embedding = options.weights.weight(EMBEDDING, [config.vocabSize, config.channels])
  return g.scope('lm_head', () => {
    const head = op.MatMul(normed, op.Transpose(embedding, [1, 0]), 'tied') // [..., V]
    const lora = loraFor(options, 'lm_head').lora
    return lora ? op.Add(head, loraUpdate(normed, lora, projectionShape(config, 'lm_head')), 'out_lora') : head
  })
}

/** A float32 table as a constant of `dtype` (float64: widened exactly, the same values). */
function tableConstant(graph: Graph, table: Float32Array, shape: readonly number[], name: string, dtype: DType): Value {
  return graph.constant(dtype === 'float64' ? Float64Array.from(table) : table, shape, name)
}

/** Additive causal mask [T, T]: 0 on and below the diagonal, a large negative number above. */
function causalMask(graph: Graph, t: number, dtype: DType): Value {
  const data = dtype === 'float64' ? new Float64Array(t * t) : new Float32Array(t * t)
  for (let i = 0; i < t; i++) for (let j = i + 1; j < t; j++) data[i * t + j] = -1e9
  return graph.constant(data, [t, t], 'causal_mask')
}

/**
 * Full-sequence forward over `tokens` int64 [B, T] at positions 0..T-1 with a causal mask.
 * Returns logits [B, T, V] and each layer's rotated keys and values (a prefill's cache).
 */
export function forwardHfSequence(
  config: HfModelConfig,
  tokens: Value,
  options: HfForwardOptions,
  /** int64 [B]: when given, logits only at these positions ([B, V]), as a prefill needs: B x T x V can be gigabytes. */
  lastPositions?: Value
): { logits: Value; cache: HfLayerCache[] } {
  const [, t] = tokens.shape as [number, number]
  const g = tokens.graph
  const embedding = (): Value => options.weights.weight('embed_tokens.weight', [config.vocabSize, config.channels]) // [V, C]
  let x = g.scope('model', () => op.Gather(embedding(), tokens)) // [B, T, C]
  const dtype = x.dtype // the weights' float type, for every constant
  const tables = rotaryTables(config.rope, config.headSize, t)
  const rotary = {
    cos: tableConstant(g, tables.cos, [t, config.headSize], 'rope_cos', dtype),
    sin: tableConstant(g, tables.sin, [t, config.headSize], 'rope_sin', dtype)
  } // [T, HS]
  const mask = causalMask(g, t, dtype) // [T, T]
  const cache: HfLayerCache[] = []
  for (let layer = 0; layer < config.layers; layer++) {
    x = g.scope('model', () =>
      decoderLayer(x, layer, config, options, rotary, (q, k, v) => {
        cache.push({ keys: k, values: v })
        return groupedAttention(q, k, v, mask)
      })
    )
  }
  if (!lastPositions) return { logits: outputHead(x, config, options), cache }
  const [b] = tokens.shape as [number]
  const rowStarts = g.constant(
    BigInt64Array.from({ length: b }, (_, i) => BigInt(i * t)),
    [b],
    'row_starts'
  )
  const last = op.Gather(op.Reshape(x, [b * t, config.channels]), op.Add(rowStarts, lastPositions)) // [B, C]
  return { logits: outputHead(last, config, options), cache }
}

/**
 * One decoding step for one new token per sequence. `positions` int64 [B, 1] is each token's
 * position (< S); `past` holds S slots per layer ([B, NKV, S, HS]); `pastMask` float [B, S] is 0
 * for filled slots and -1e9 for empty ones. The new token attends to the past and to itself.
 * Returns logits [B, V] and the new token's keys and values per layer ([B, NKV, 1, HS]).
 */
export function forwardHfDecodeStep(
  config: HfModelConfig,
  tokens: Value,
  positions: Value,
  past: readonly HfLayerCache[],
  pastMask: Value,
  options: HfForwardOptions
): { logits: Value; cache: HfLayerCache[] } {
  const [b] = tokens.shape as [number, number]
  const g = tokens.graph
  const slots = pastMask.shape[1]!
  const hs = config.headSize
  const tables = rotaryTables(config.rope, hs, slots)
  // [B, 1, 1, HS]: the table's row at each sequence's position
  const at = (table: Float32Array, name: string) =>
    op.Unsqueeze(op.Gather(tableConstant(g, table, [slots, hs], name, pastMask.dtype), positions), [1])
  const rotary = { cos: at(tables.cos, 'rope_cos'), sin: at(tables.sin, 'rope_sin') }
  const selfMask = op.Expand(g.scalar(0, pastMask.dtype), [b, 1])
  const mask = op.Reshape(op.Concat([pastMask, selfMask], 1), [b, 1, 1, 1, slots + 1]) // [B, 1, 1, 1, S + 1]
  const cache: HfLayerCache[] = []
  const embedding = (): Value => options.weights.weight('embed_tokens.weight', [config.vocabSize, config.channels]) // [V, C]
  let x = g.scope('model', () => op.Gather(embedding(), tokens)) // [B, 1, C]
  for (let layer = 0; layer < config.layers; layer++) {
    x = g.scope('model', () =>
      decoderLayer(x, layer, config, options, rotary, (q, k, v) => {
        cache.push({ keys: k, values: v })
        const keys = op.Concat([past[layer]!.keys, k], 2) // [B, NKV, S + 1, HS]
        const values = op.Concat([past[layer]!.values, v], 2)
        return groupedAttention(q, keys, values, mask)
      })
    )
  }
  return { logits: op.Reshape(outputHead(x, config, options), [b, config.vocabSize]), cache }
}
