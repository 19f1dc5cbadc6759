// Rotary position embeddings (Su et al. 2021, RoFormer) as transformers computes them
// (modeling_rope_utils.py): inverse frequencies 1 / theta^(2i / HS), optionally rescaled by Llama 3's
// rule, then cos/sin tables [positions, HS] with each frequency repeated for both halves, applied as
// x * cos + rotate_half(x) * sin where rotate_half([x1, x2]) = [-x2, x1].
// Shape legend: B batch, T time, NH heads, HS head size, P positions.
import type { Value } from '../../onnx/graph'
import * as op from '../../onnx/ops'

export type RopeScaling =
  | { readonly kind: 'default'; readonly theta: number }
  | {
      readonly kind: 'llama3'
      readonly theta: number
      /** `factor`: 8 for Llama 3.1/3.2 (long-wavelength frequencies are divided by it). */
      readonly factor: number
      /** `low_freq_factor`: 1; `high_freq_factor`: 4 (the band between them is interpolated). */
      readonly lowFrequencyFactor: number
      readonly highFrequencyFactor: number
      /** `original_max_position_embeddings`: 8192. */
      readonly originalMaxPositions: number
    }

/** Inverse frequencies [HS / 2], in float32 as transformers keeps them. */
export function inverseFrequencies(rope: RopeScaling, headSize: number): Float32Array {
  const base = Float32Array.from({ length: headSize / 2 }, (_, i) => 1 / rope.theta ** ((2 * i) / headSize))
  if (rope.kind === 'default') return base
  // Llama 3 (transformers _compute_llama3_parameters): keep short wavelengths, divide long ones by
  // `factor`, and blend linearly in between.
  const { factor, lowFrequencyFactor: low, highFrequencyFactor: high, originalMaxPositions: context } = rope
  const lowWavelength = context / low
  const highWavelength = context / high
  return base.map((frequency) => {
    const wavelength = (2 * Math.PI) / frequency
    if (wavelength < highWavelength) return frequency
    if (wavelength > lowWavelength) return frequency / factor
    const smooth = (context / wavelength - low) / (high - low)
    return (1 - smooth) * (frequency / factor) + smooth * frequency
  })
}

/** cos and sin tables [P, HS] for positions 0..P-1 (angles rounded to float32 as in torch). */
export function rotaryTables(rope: RopeScaling, headSize: number, positions: number): { cos: Float32Array; sin: Float32Array } {
  const frequencies = inverseFrequencies(rope, headSize)
  const half = headSize / 2
  const cos = new Float32Array(positions * headSize)
  const sin = new Float32Array(positions * headSize)
  for (let p = 0; p < positions; p++) {
    for (let i = 0; i < half; i++) {
      const angle = Math.fround(p * frequencies[i]!)
      const row = p * headSize
      cos[row + i] = cos[row + half + i] = Math.cos(angle)
      sin[row + i] = sin[row + half + i] = Math.sin(angle)
    }
  }
  return { cos, sin }
}

/** x [B, NH, T, HS] rotated by cos/sin that broadcast to it ([T, HS] or [B, 1, 1, HS]). */
export function applyRotary(x: Value, cos: Value, sin: Value): Value {
  const hs = x.shape[x.rank - 1]!
  const half = hs / 2
  const first = op.Slice(x, [0], [half], [x.rank - 1]) // [..., HS/2]
  const second = op.Slice(x, [half], [hs], [x.rank - 1])
  const rotated = op.Concat([op.Neg(second), first], x.rank - 1) // [..., HS]
  return op.Add(op.Mul(x, cos), op.Mul(rotated, sin))
}
