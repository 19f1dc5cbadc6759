// Transformer building blocks over the graph IR (after nanoGPT / llm.c).
// Shape legend: B batch, T time (sequence), C channels (d_model), NH heads, HS head size (C / NH),
// F MLP hidden size, V vocabulary, R LoRA rank.
import type { Value } from '../onnx/graph'
import * as op from '../onnx/ops'
import type { Shape } from '../onnx/shape'

/**
 * Where a block's weights come from, by scoped name. Every model graph takes its weights, trained
 * or frozen, as graph inputs (model/weight-sources.ts), so one session serves any weights.
 */
export interface WeightSource {
  weight(name: string, shape: Shape): Value
}

export interface LoraSpec {
  readonly rank: number
  readonly alpha: number
  /** Source of the trainable A and B matrices (the base weight stays frozen). */
  readonly adapters: WeightSource
}

/**
 * y = x W (+ b), with an optional LoRA update (Hu et al. 2021): y += (x A) B * alpha / r.
 * W [Cin, Cout]; A [Cin, R]; B [R, Cout], B initialised to zero so an untrained adapter is a no-op.
 */
export function linear(
  x: Value,
  source: WeightSource,
  name: string,
  inFeatures: number,
  outFeatures: number,
  options: { bias?: boolean; lora?: LoraSpec } = {}
): Value {
  const graph = x.graph
  return graph.scope(name, () => {
    let y = op.MatMul(x, source.weight('weight', [inFeatures, outFeatures]), 'out') // [..., Cout]
    if (options.bias) y = op.Add(y, source.weight('bias', [outFeatures]))
    if (options.lora) {
      const { rank, alpha, adapters } = options.lora
      const down = op.MatMul(x, adapters.weight('lora_a', [inFeatures, rank])) // [..., R]
      const up = op.MatMul(down, adapters.weight('lora_b', [rank, outFeatures])) // [..., Cout]
      y = op.Add(y, op.Mul(up, graph.scalar(alpha / rank, x.dtype)), 'out_lora')
    }
    return y
  })
}

export function layerNorm(x: Value, source: WeightSource, name: string, channels: number): Value {
  return x.graph.scope(name, () => op.LayerNormalization(x, source.weight('scale', [channels]), source.weight('bias', [channels])))
}

/** GELU, exact form: x * 0.5 * (1 + erf(x / sqrt 2)). */
function gelu(x: Value): Value {
  const g = x.graph
  return op.Mul(op.Mul(x, g.scalar(0.5, x.dtype)), op.Add(g.scalar(1, x.dtype), op.Erf(op.Mul(x, g.scalar(Math.SQRT1_2, x.dtype)))))
}

/** Additive causal mask [T, T]: 0 on and below the diagonal, a large negative number above. */
export function causalMask(x: Value, t: number): Value {
  const data = x.dtype === 'float64' ? new Float64Array(t * t) : new Float32Array(t * t)
  for (let i = 0; i < t; i++) for (let j = i + 1; j < t; j++) data[i * t + j] = -1e9
  return x.graph.constant(data, [t, t], 'causal_mask')
}

export interface MlpConfig {
  readonly channels: number
  readonly hidden: number
  readonly lora?: { readonly up?: LoraSpec; readonly down?: LoraSpec }
}

/** x [B, T, C] -> GELU(x W_up + b) W_down + b. */
export function mlp(x: Value, source: WeightSource, config: MlpConfig): Value {
  const up = linear(x, source, 'up', config.channels, config.hidden, { bias: true, ...optionalLora(config.lora?.up) }) // [B, T, F]
  const hidden = gelu(up) // [B, T, F]
  return linear(hidden, source, 'down', config.hidden, config.channels, { bias: true, ...optionalLora(config.lora?.down) }) // [B, T, C]
}

function optionalLora(lora: LoraSpec | undefined): { lora?: LoraSpec } {
  return lora ? { lora } : {}
}
