// The ARC transformer's forward pass: a decoder-only transformer over the compact vocabulary whose
// token embedding is summed with row, column, example-index, role and 1D-position embeddings, so a
// small model sees grids as grids (architecture.md section 3). Pre-norm blocks, causal attention.
// Shape legend: B batch, T time, C channels, NH heads, HS head size, V vocabulary, S cache slots.
import type { Value } from '../onnx/graph'
import * as op from '../onnx/ops'
import { causalMask, layerNorm, linear, mlp, type LoraSpec, type WeightSource } from './blocks'
import type { ArcModelConfig } from './config'
import type { LoraTarget } from './parameters'

/** The per-token inputs, each int64 [B, T] (tokenizer/encode.ts). */
export interface TokenInputs {
  readonly tokens: Value
  readonly rows: Value
  readonly cols: Value
  readonly examples: Value
  readonly roles: Value
}

export interface AdapterOptions {
  readonly rank: number
  readonly alpha: number
  readonly targets: readonly LoraTarget[]
  readonly source: WeightSource
}

export interface ForwardOptions {
  readonly weights: WeightSource
  readonly lora?: AdapterOptions
}

/** Keys and values of one layer, [B, NH, T, HS]. */
export interface LayerCache {
  readonly keys: Value
  readonly values: Value
}

function loraFor(options: ForwardOptions, target: LoraTarget): { lora?: LoraSpec } {
  const l = options.lora
  return l && l.targets.includes(target) ? { lora: { rank: l.rank, alpha: l.alpha, adapters: l.source } } : {}
}

/** Sum of the five embeddings plus the 1D position embedding `position` ([T, C] or [B, T, C]). */
function embed(config: ArcModelConfig, inputs: TokenInputs, position: Value, w: WeightSource): Value {
  const c = config.channels
  const g = inputs.tokens.graph
  return g.scope('embed', () => {
    const table = (name: string, size: number, ids: Value) => op.Gather(w.weight(name, [size, c]), ids) // [B, T, C]
    let x = table('token', config.vocabSize, inputs.tokens)
    x = op.Add(x, table('row', config.positionValues, inputs.rows))
    x = op.Add(x, table('col', config.positionValues, inputs.cols))
    x = op.Add(x, table('example', config.maxExamples, inputs.examples))
    x = op.Add(x, table('role', config.roleCount, inputs.roles))
    return op.Add(x, position, 'sum')
  })
}

/** [B, T, C] -> [B, NH, T, HS] */
const toHeads = (x: Value, b: number, t: number, nh: number, hs: number): Value => op.Transpose(op.Reshape(x, [b, t, nh, hs]), [0, 2, 1, 3])

/**
 * Attention of queries [B, NH, Tq, HS] over keys/values [B, NH, Tk, HS] with an additive mask that
 * broadcasts to [B, NH, Tq, Tk]; returns [B, Tq, C] after the output projection.
 */
function attend(q: Value, k: Value, v: Value, mask: Value, options: ForwardOptions, config: ArcModelConfig): Value {
  const [b, nh, tq, hs] = q.shape as [number, number, number, number]
  // Scaling q rather than the scores saves a pass over the T x T scores, forward and backward.
  const scaled = op.Mul(q, q.graph.scalar(1 / Math.sqrt(hs), q.dtype))
  const scores = op.Add(op.MatMul(scaled, op.Transpose(k, [0, 1, 3, 2])), mask, 'scores') // [B, NH, Tq, Tk]
  const attended = op.MatMul(op.Softmax(scores, -1, 'weights'), v) // [B, NH, Tq, HS]
  const merged = op.Reshape(op.Transpose(attended, [0, 2, 1, 3]), [b, tq, nh * hs]) // [B, Tq, C]
  return linear(merged, options.weights, 'o', config.channels, config.channels, loraFor(options, 'o'))
}

/** One pre-norm block; `attention` turns the normed input into the attention output. */
function block(x: Value, layer: number, config: ArcModelConfig, options: ForwardOptions, attention: (normed: Value) => Value): Value {
  const g = x.graph
  return g.scope('blocks', () =>
    g.scope(layer, () => {
      const h = op.Add(
        x,
        g.scope('attn', () => attention(layerNorm(x, options.weights, 'norm', config.channels)))
      ) // [B, T, C]
      const up = loraFor(options, 'up').lora
      const down = loraFor(options, 'down').lora
      const lora = { ...(up ? { up } : {}), ...(down ? { down } : {}) }
      const fed = g.scope('mlp', () =>
        mlp(layerNorm(h, options.weights, 'norm', config.channels), options.weights, {
          channels: config.channels,
          hidden: config.channels * config.mlpRatio,
          lora
        })
      )
      return op.Add(h, fed)
    })
  )
}

function projectQkv(normed: Value, config: ArcModelConfig, options: ForwardOptions) {
  const [b, t] = normed.shape as [number, number]
  const nh = config.heads
  const hs = config.channels / nh
  const c = config.channels
  return {
    q: toHeads(linear(normed, options.weights, 'q', c, c, loraFor(options, 'q')), b, t, nh, hs),
    k: toHeads(linear(normed, options.weights, 'k', c, c, loraFor(options, 'k')), b, t, nh, hs),
    v: toHeads(linear(normed, options.weights, 'v', c, c, loraFor(options, 'v')), b, t, nh, hs)
  }
}

function finalLogits(x: Value, config: ArcModelConfig, options: ForwardOptions): Value {
  const normed = layerNorm(x, options.weights, 'final_norm', config.channels)
  const unembed = (): Value => options.weights.weight('weight', [config.channels, config.vocabSize]) // [C, V]
  return x.graph.scope('unembed', () => op.MatMul(normed, unembed(), 'logits')) // [..., V]
}

/**
 * Full-sequence forward over [B, T] inputs with a causal mask. Returns logits [B, T, V] and each
 * layer's keys and values (for a prefill before cached decoding).
 */
export function forwardSequence(
  config: ArcModelConfig,
  inputs: TokenInputs,
  options: ForwardOptions
): { logits: Value; cache: LayerCache[] } {
  const [, t] = inputs.tokens.shape as [number, number]
  const g = inputs.tokens.graph
  const positions = g.scope('embed', () =>
    op.Slice(options.weights.weight('position', [config.maxSequence, config.channels]), [0], [t], [0])
  ) // [T, C]
  let x = embed(config, inputs, positions, options.weights)
  const mask = causalMask(x, t) // [T, T]
  const cache: LayerCache[] = []
  for (let layer = 0; layer < config.layers; layer++) {
    x = block(x, layer, config, options, (normed) => {
      const { q, k, v } = projectQkv(normed, config, options)
      cache.push({ keys: k, values: v })
      return attend(q, k, v, mask, options, config)
    })
  }
  return { logits: finalLogits(x, config, options), cache }
}

/**
 * One decoding step for one new token per sequence. `positions` int64 [B, 1] is each sequence's
 * position; `past` holds S cache slots per layer ([B, NH, S, HS]) and `pastMask` float [B, S] is 0
 * for filled slots and -1e9 for empty ones. The new token attends to the past and to itself.
 * Returns logits [B, V] and the new token's keys and values per layer ([B, NH, 1, HS]).
 */
export function forwardDecodeStep(
  config: ArcModelConfig,
  inputs: TokenInputs,
  positions: Value,
  past: readonly LayerCache[],
  pastMask: Value,
  options: ForwardOptions
): { logits: Value; cache: LayerCache[] } {
  const [b] = inputs.tokens.shape as [number, number]
  const g = inputs.tokens.graph
  const table = (): Value => options.weights.weight('position', [config.maxSequence, config.channels]) // [maxSequence, C]
  const position = g.scope('embed', () => op.Gather(table(), positions)) // [B, 1, C]
  let x = embed(config, inputs, position, options.weights) // [B, 1, C]
  const selfMask = op.Expand(g.scalar(0, pastMask.dtype), [b, 1])
  const mask = op.Unsqueeze(op.Concat([pastMask, selfMask], 1), [1, 2]) // [B, 1, 1, S + 1]
  const cache: LayerCache[] = []
  for (let layer = 0; layer < config.layers; layer++) {
    x = block(x, layer, config, options, (normed) => {
      const { q, k, v } = projectQkv(normed, config, options)
      cache.push({ keys: k, values: v })
      const keys = op.Concat([past[layer]!.keys, k], 2) // [B, NH, S + 1, HS]
      const values = op.Concat([past[layer]!.values, v], 2)
      return attend(q, keys, values, mask, options, config)
    })
  }
  const logits = finalLogits(x, config, options) // [B, 1, V]
  return { logits: op.Reshape(logits, [b, config.vocabSize]), cache }
}
