// The model `arc-ttt bench engine` times: the workbench's own ARC transformer (model/graphs.ts),
// at a benchmark shape larger than the default model, with the train step TTT and pretraining
// run (buildModelTrainStep). Either every weight trains, or only LoRA adapters on q, v and the MLP
// (the TTT default), with the base weights fed as fixed graph inputs as TTT feeds them.
import { DEFAULT_MODEL_CONFIG, modelConfigProblems, type ArcModelConfig } from '../model/config'
import { buildModelTrainStep, TOKEN_INPUT_NAMES, type LoraConfig } from '../model/graphs'
import type { LoraTarget } from '../model/parameters'
import { hostTensor, type HostTensor } from '../runtime/host-tensor'
import { createRng } from '../random'
import { DEFAULT_ADAMW } from '../train/optimizer'
import type { TrainStepModel } from '../train/train-step'

export interface BenchShape {
  /** Width d_model, e.g. 256. */
  readonly channels: number
  /** Decoder blocks, e.g. 6. */
  readonly layers: number
  /** Attention heads, e.g. 8 (head size channels / heads). */
  readonly heads: number
  /** MLP hidden size = mlpRatio x channels, e.g. 4. */
  readonly mlpRatio: number
  /** Tokens per sequence (the context bucket the step is built for), e.g. 1024. */
  readonly sequence: number
  /** Sequences per step, e.g. 4. */
  readonly batch: number
  /** LoRA rank of the adapter-only step, e.g. 16. */
  readonly loraRank: number
}

export type BenchMode = 'full' | 'lora'

export const BENCH_SHAPE: BenchShape = { channels: 256, layers: 6, heads: 8, mlpRatio: 4, sequence: 1024, batch: 4, loraRank: 16 }

/** The TTT default's adapted projections (experiment schema `ttt.loraTargets`). */
export const BENCH_LORA_TARGETS: readonly LoraTarget[] = ['q', 'v', 'up', 'down']

/** The default model's config at the benchmark's width, depth and heads, with one context bucket. */
export function benchModelConfig(shape: BenchShape): ArcModelConfig {
  const config: ArcModelConfig = {
    ...DEFAULT_MODEL_CONFIG,
    channels: shape.channels,
    layers: shape.layers,
    heads: shape.heads,
    mlpRatio: shape.mlpRatio,
    maxSequence: Math.max(DEFAULT_MODEL_CONFIG.maxSequence, shape.sequence),
    contextBuckets: [shape.sequence]
  }
  const problems = modelConfigProblems(config)
  if (problems.length > 0) throw new Error(`bench shape ${JSON.stringify(shape)}: ${problems.join('; ')}`)
  return config
}

export function benchLora(shape: BenchShape): LoraConfig {
  return { rank: shape.loraRank, alpha: shape.loraRank, targets: BENCH_LORA_TARGETS }
}

/** The real model's train step at the benchmark shape (AdamW with the TTT default decay, clip 1). */
export function buildBenchTrainStep(shape: BenchShape, mode: BenchMode): TrainStepModel {
  const options = { batch: shape.batch, sequence: shape.sequence, mode, optimizer: DEFAULT_ADAMW, maxGradNorm: 1 }
  return buildModelTrainStep(benchModelConfig(shape), mode === 'lora' ? { ...options, lora: benchLora(shape) } : options)
}

/**
 * One seeded batch of the train step's inputs: random tokens, rows, columns, example indices and
 * roles inside their tables ([B, T] each), next-token targets and a loss mask of ones ([B*T]).
 * The step's cost does not depend on the values, only on the shapes.
 */
export function benchBatch(shape: BenchShape, seed = 5): Record<string, HostTensor> {
  const config = benchModelConfig(shape)
  const count = shape.batch * shape.sequence
  const rng = createRng(seed)
  const ids = (size: number) => BigInt64Array.from({ length: count }, () => BigInt(rng.int(0, size - 1)))
  const sizes = {
    tokens: config.vocabSize,
    rows: config.positionValues,
    cols: config.positionValues,
    examples: config.maxExamples,
    roles: config.roleCount
  }
  const batch: Record<string, HostTensor> = {}
  for (const name of TOKEN_INPUT_NAMES) batch[name] = hostTensor(ids(sizes[name]), [shape.batch, shape.sequence])
  batch.targets = hostTensor(ids(config.vocabSize), [count])
  batch.loss_mask = hostTensor(new Float32Array(count).fill(1), [count])
  return batch
}

/**
 * Model FLOPs of one train step, counted analytically (multiply-adds x 2) over the matrix products:
 * forward 2*N per token for N matmul weights (q, k, v, o, MLP up and down, unembedding; the
 * embeddings are lookups), attention 4*T*C per token per layer (q k^T and weights v). Full
 * training = 3x forward (the backward computes input and weight gradients). With only LoRA
 * trainable, frozen weights need no weight gradient: 2x forward for them, plus the adapters' own
 * 3x; attention keeps both input gradients.
 */
export function trainStepFlops(shape: BenchShape, mode: BenchMode): number {
  const { channels: c, layers: l, sequence: t, batch: b, mlpRatio, loraRank: r } = shape
  const v = benchModelConfig(shape).vocabSize
  const f = c * mlpRatio
  const tokens = b * t
  const matmulWeights = l * (4 * c * c + 2 * c * f) + c * v
  const attention = l * 4 * t * c // per token, forward
  const forward = tokens * (2 * matmulWeights + attention)
  if (mode === 'full') return 3 * forward
  const adapterSizes: Record<LoraTarget, number> = {
    q: 2 * c * r,
    k: 2 * c * r,
    v: 2 * c * r,
    o: 2 * c * r,
    up: c * r + r * f,
    down: f * r + r * c
  }
  const loraWeights = l * BENCH_LORA_TARGETS.reduce((n, target) => n + adapterSizes[target], 0)
  return 2 * forward + 3 * tokens * 2 * loraWeights
}
