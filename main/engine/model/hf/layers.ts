// Building blocks of the Llama family over the graph IR, in Hugging Face's weight layout.
// Shape legend: B batch, T time, C channels, F MLP hidden size, NH heads, NKV key/value heads,
// G = NH / NKV query heads per key/value head, HS head size, Tk key positions, R LoRA rank.
import type { Value } from '../../onnx/graph'
import * as op from '../../onnx/ops'
import type { WeightSource } from '../blocks'

/** PEFT's LoRA on one projection: y += (x A^T) B^T * alpha / r, A [R, in], B [out, R]. */
export interface HfLoraSpec {
  readonly rank: number
  readonly alpha: number
  /** Source of `lora_A.weight` and `lora_B.weight` under the projection's scope. */
  readonly adapters: WeightSource
}

/**
 * y = x W^T (+ b) (+ LoRA), W [out, in] as stored by transformers. The transpose of a weight input
 * is fused into the MatMul by onnxruntime, so no copy of the weight is made per run.
 */
export function projection(
  x: Value,
  source: WeightSource,
  name: string,
  shape: readonly [number, number],
  options: { bias?: boolean; lora?: HfLoraSpec } = {}
): Value {
  const [outFeatures, inFeatures] = shape
  return x.graph.scope(name, () => {
    let y = op.MatMul(x, op.Transpose(source.weight('weight', [outFeatures, inFeatures]), [1, 0]), 'out') // [..., out]
    if (options.bias) y = op.Add(y, source.weight('bias', [outFeatures]))
    if (options.lora) y = op.Add(y, loraUpdate(x, options.lora, shape), 'out_lora')
    return y
  })
}

/** The LoRA term (x A^T) B^T * alpha / r of a projection [out, in]; call inside the projection's scope. */
export function loraUpdate(x: Value, lora: HfLoraSpec, shape: readonly [number, number]): Value {
  const [outFeatures, inFeatures] = shape
  const { rank, alpha, adapters } = lora
  const down = op.MatMul(x, op.Transpose(adapters.weight('lora_A.weight', [rank, inFeatures]), [1, 0])) // [..., R]
  const up = op.MatMul(down, op.Transpose(adapters.weight('lora_B.weight', [outFeatures, rank]), [1, 0])) // [..., out]
  return op.Mul(up, x.graph.scalar(alpha / rank, x.dtype))
}

/** RMSNorm (Zhang & Sennrich 2019), as LlamaRMSNorm: x / sqrt(mean(x^2) + eps) * weight. */
export function rmsNorm(x: Value, source: WeightSource, name: string, channels: number, epsilon: number): Value {
  const g = x.graph
  return g.scope(name, () => {
    const meanSquare = op.ReduceMean(op.Mul(x, x), [x.rank - 1]) // [..., 1]
    const inverse = op.Reciprocal(op.Sqrt(op.Add(meanSquare, g.scalar(epsilon, x.dtype))))
    return op.Mul(op.Mul(x, inverse), source.weight('weight', [channels]), 'out')
  })
}

/** SwiGLU MLP (Shazeer 2020), as LlamaMLP: down(silu(gate(x)) * up(x)), silu(z) = z * sigmoid(z). */
export function swiGlu(
  x: Value,
  source: WeightSource,
  channels: number,
  hidden: number,
  lora: (target: 'gate_proj' | 'up_proj' | 'down_proj') => { lora?: HfLoraSpec }
): Value {
  const gate = projection(x, source, 'gate_proj', [hidden, channels], lora('gate_proj')) // [B, T, F]
  const up = projection(x, source, 'up_proj', [hidden, channels], lora('up_proj')) // [B, T, F]
  const activated = op.Mul(op.Mul(gate, op.Sigmoid(gate)), up, 'gated') // [B, T, F]
  return projection(activated, source, 'down_proj', [channels, hidden], lora('down_proj')) // [B, T, C]
}

/**
 * Grouped-query attention (Ainslie et al. 2023): queries [B, NH, T, HS] over keys and values
 * [B, NKV, Tk, HS]; query head h uses key/value head floor(h / G), as transformers' repeat_kv.
 * The G query heads of a group are stacked along time instead of copying keys and values G times.
 * `mask` broadcasts to [B, NKV, G, T, Tk] (0 or a large negative number). Returns [B, T, NH * HS].
 */
export function groupedAttention(q: Value, keys: Value, values: Value, mask: Value): Value {
  const [b, nh, t, hs] = q.shape as [number, number, number, number]
  const [, nkv, tk] = keys.shape as [number, number, number, number]
  const g = nh / nkv
  const graph = q.graph
  const scaled = op.Mul(q, graph.scalar(1 / Math.sqrt(hs), q.dtype)) // [B, NH, T, HS]
  const grouped = op.Reshape(scaled, [b, nkv, g * t, hs]) // [B, NKV, G*T, HS]
  const scores = op.Reshape(op.MatMul(grouped, op.Transpose(keys, [0, 1, 3, 2])), [b, nkv, g, t, tk]) // [B, NKV, G, T, Tk]
  const weights = op.Softmax(op.Add(scores, mask, 'scores'), -1, 'weights')
  const attended = op.MatMul(op.Reshape(weights, [b, nkv, g * t, tk]), values) // [B, NKV, G*T, HS]
  const heads = op.Reshape(attended, [b, nh, t, hs]) // [B, NH, T, HS]
  return op.Reshape(op.Transpose(heads, [0, 2, 1, 3]), [b, t, nh * hs]) // [B, T, NH*HS]
}
