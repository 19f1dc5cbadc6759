// The ARC transformer's configuration. Every field has a default sized for a 2-core CPU and a
// reason; `validateModelConfig` names any bad value.
import { POSITION_VALUES, ROLE_COUNT, VOCAB_SIZE } from '../tokenizer/vocab'

export interface ArcModelConfig {
  /** Model family, so other families (a Llama-style import) can be told apart. */
  readonly family: 'arc-transformer'
  /** Width d_model. 128: a 2-core CPU trains ~4x more tokens/s than at 256 (bench engine), and the
   *  rules of small ARC grids need little width. */
  readonly channels: number
  /** Decoder blocks. 4: enough depth for compositional rules at a TTT step under a second. */
  readonly layers: number
  /** Attention heads. 4 (head size 32): fewer, wider heads use the CPU's MatMul better. */
  readonly heads: number
  /** MLP hidden size = mlpRatio x channels. 4, as in GPT-2. */
  readonly mlpRatio: number
  /** Token vocabulary (tokenizer/vocab.ts): 10 colours, row end, input/output/end markers, pad. */
  readonly vocabSize: number
  /** Values of the row and of the column embedding (0..30 and "no position"). */
  readonly positionValues: number
  /** Example-index embedding size: up to 15 demonstrations plus the test pair. */
  readonly maxExamples: number
  /** Role embedding size (input cell, output cell, marker, pad). */
  readonly roleCount: number
  /** Size of the 1D position table = the longest context. 2048 covers 69% of ARC-AGI-1 evaluation
   *  tasks whole (ttt-recipe.md section 2) and leave-one-out prompts of most others. */
  readonly maxSequence: number
  /** Sequence length buckets: graphs are built per bucket, sequences padded to the next one. */
  readonly contextBuckets: readonly number[]
  /** LayerNormalization epsilon. */
  readonly normEpsilon: number
  /** Standard deviation of the initial weights (GPT-2's 0.02). */
  readonly initStd: number
}

export const DEFAULT_MODEL_CONFIG: ArcModelConfig = Object.freeze({
  family: 'arc-transformer',
  channels: 128,
  layers: 4,
  heads: 4,
  mlpRatio: 4,
  vocabSize: VOCAB_SIZE,
  positionValues: POSITION_VALUES,
  maxExamples: 16,
  roleCount: ROLE_COUNT,
  maxSequence: 2048,
  contextBuckets: Object.freeze([512, 1024, 2048]),
  normEpsilon: 1e-5,
  initStd: 0.02
})

/** Returns the problems with a config, each naming the field; empty when valid. */
export function modelConfigProblems(config: ArcModelConfig): string[] {
  const problems: string[] = []
  const positiveInt = (name: keyof ArcModelConfig, value: unknown) => {
    if (!Number.isInteger(value) || (value as number) < 1) problems.push(`${name} must be a positive integer, got ${JSON.stringify(value)}`)
  }
  if (config.family !== 'arc-transformer') problems.push(`family must be "arc-transformer", got ${JSON.stringify(config.family)}`)
  for (const key of ['channels', 'layers', 'heads', 'mlpRatio', 'maxExamples', 'maxSequence'] as const) positiveInt(key, config[key])
  if (config.vocabSize !== VOCAB_SIZE) problems.push(`vocabSize must be ${VOCAB_SIZE} (the compact tokenizer), got ${config.vocabSize}`)
  if (config.positionValues !== POSITION_VALUES) problems.push(`positionValues must be ${POSITION_VALUES}, got ${config.positionValues}`)
  if (config.roleCount !== ROLE_COUNT) problems.push(`roleCount must be ${ROLE_COUNT}, got ${config.roleCount}`)
  if (Number.isInteger(config.channels) && Number.isInteger(config.heads) && config.channels % config.heads !== 0) {
    problems.push(`channels (${config.channels}) must be divisible by heads (${config.heads})`)
  }
  const buckets = config.contextBuckets
  if (
    !Array.isArray(buckets) ||
    buckets.length === 0 ||
    buckets.some((b, i) => !Number.isInteger(b) || b < 1 || (i > 0 && b <= buckets[i - 1]!))
  ) {
    problems.push(`contextBuckets must be increasing positive integers, got ${JSON.stringify(buckets)}`)
  } else if (buckets[buckets.length - 1]! > config.maxSequence) {
    problems.push(`the largest context bucket (${buckets[buckets.length - 1]}) exceeds maxSequence (${config.maxSequence})`)
  }
  if (!(config.normEpsilon > 0)) problems.push(`normEpsilon must be > 0, got ${config.normEpsilon}`)
  if (!(config.initStd > 0)) problems.push(`initStd must be > 0, got ${config.initStd}`)
  return problems
}

/** The smallest bucket that holds `length` tokens, or undefined when none does. */
export function bucketFor(config: ArcModelConfig, length: number): number | undefined {
  return config.contextBuckets.find((b) => b >= length)
}
