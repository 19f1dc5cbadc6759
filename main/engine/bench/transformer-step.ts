// A transformer-shaped train step for the engine benchmark: token and position embeddings, L
// pre-norm blocks (causal multi-head attention + GELU MLP), final norm, unembedding and the masked
// cross-entropy. Either every weight is trainable, or only LoRA adapters on q, v and the MLP.
import type { Value } from '../onnx/graph'
import * as op from '../onnx/ops'
import { sizeOf, type Shape } from '../onnx/shape'
import { causalMask, layerNorm, mlp, selfAttention, type LoraSpec, type WeightSource } from '../model/blocks'
import { createRng } from '../random'
import type { ForwardContext } from '../train/train-step'

export interface BenchShape {
  readonly channels: number
  readonly layers: number
  readonly heads: number
  readonly mlpRatio: number
  readonly sequence: number
  readonly batch: number
  readonly vocab: number
  readonly loraRank: number
}

export const BENCH_SHAPE: BenchShape = { channels: 256, layers: 6, heads: 8, mlpRatio: 4, sequence: 1024, batch: 4, vocab: 16, loraRank: 16 }

/** Deterministic small random weights; norm scales start at 1. */
export function initialWeight(name: string, shape: Shape, seed = 7): Float32Array {
  const size = sizeOf(shape)
  if (name.endsWith('scale')) return new Float32Array(size).fill(1)
  if (name.endsWith('bias') || name.endsWith('lora_b')) return new Float32Array(size)
  const rng = createRng(seed + size)
  return Float32Array.from({ length: size }, () => (rng.next() * 2 - 1) * 0.04)
}

export function benchForward(shape: BenchShape, mode: 'full' | 'lora') {
  return ({ graph, parameter }: ForwardContext): Value => {
    const { batch: b, sequence: t, channels: c, vocab: v } = shape
    const trainable: WeightSource = { weight: parameter }
    const frozen: WeightSource = { weight: (name, s) => graph.initializer(name, initialWeight(name, s), s) }
    const base = mode === 'full' ? trainable : frozen
    const lora: LoraSpec | undefined = mode === 'lora' ? { rank: shape.loraRank, alpha: shape.loraRank, adapters: trainable } : undefined
    const tokens = graph.input('tokens', 'int64', [b, t])
    const targets = graph.input('targets', 'int64', [b * t])
    const lossMask = graph.input('loss_mask', 'float32', [b * t])
    let x = op.Add(op.Gather(base.weight('embed', [v, c]), tokens), base.weight('position', [t, c])) // [B, T, C]
    const mask = causalMask(x, t)
    for (let layer = 0; layer < shape.layers; layer++) {
      x = graph.scope('blocks', () =>
        graph.scope(layer, () => {
          const attended = graph.scope('attn', () => selfAttention(layerNorm(x, base, 'norm', c), base, { channels: c, heads: shape.heads, ...(lora ? { lora: { q: lora, v: lora } } : {}) }, mask))
          const h = op.Add(x, attended) // [B, T, C]
          const fed = graph.scope('mlp', () => mlp(layerNorm(h, base, 'norm', c), base, { channels: c, hidden: c * shape.mlpRatio, ...(lora ? { lora: { up: lora, down: lora } } : {}) }))
          return op.Add(h, fed)
        })
      )
    }
    const logits = op.MatMul(layerNorm(x, base, 'final_norm', c), base.weight('unembed', [c, v])) // [B, T, V]
    return op.SoftmaxCrossEntropy(op.Reshape(logits, [b * t, v]), targets, lossMask)
  }
}

/**
 * Model FLOPs of one train step, counted analytically (multiply-adds x 2) over the matrix products:
 * forward 2*N per token for N matmul weights, attention 4*T*C per token per layer (q k^T and
 * weights v). Full training = 3x forward (the backward computes input and weight gradients). With
 * only LoRA trainable, frozen weights need no weight gradient: 2x forward for them, plus the
 * adapters' own 3x; attention keeps both input gradients.
 */
export function trainStepFlops(shape: BenchShape, mode: 'full' | 'lora'): number {
  const { channels: c, layers: l, sequence: t, batch: b, vocab: v, mlpRatio, loraRank: r } = shape
  const tokens = b * t
  const matmulWeights = l * (4 * c * c + 2 * c * c * mlpRatio) + c * v
  const attention = l * 4 * t * c // per token, forward
  const forward = tokens * (2 * matmulWeights + attention)
  if (mode === 'full') return 3 * forward
  const loraWeights = l * (2 * (c * r + r * c) + (c * r + r * c * mlpRatio) + (c * mlpRatio * r + r * c))
  return 2 * forward + 3 * tokens * 2 * loraWeights
}
