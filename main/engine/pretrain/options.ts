// Options of a pretraining run. Defaults are sized for a small model on a 2-core CPU; the paper's
// values (recipe section 1: lr 2.5e-5, batch 32, 2k warmup of up to 16k steps) are for a 1B model
// fine-tuned from a language model, not for a small one trained from scratch.
import { bucketFor, type ArcModelConfig } from '../model/config'

export interface PretrainOptions {
  /** Optimizer steps of the whole run (the cosine schedule spans them), e.g. 2000. */
  readonly steps: number
  /** Examples per step, e.g. 8. */
  readonly batchSize: number
  /** Longest example in tokens; one of the model's context buckets, e.g. 512. */
  readonly context: number
  /** Peak learning rate, e.g. 1e-3 (a small model from scratch tolerates a large one). */
  readonly learningRate: number
  /** Share of the steps spent in linear warmup, e.g. 0.05; cosine decay to zero after it. */
  readonly warmupFraction: number
  /** AdamW decoupled weight decay, e.g. 0.01. */
  readonly weightDecay: number
  /** Global gradient-norm clipping threshold, e.g. 1. */
  readonly maxGradNorm: number
  /** Seeds the initial weights, the held-out split and (unless batchSeed is set) every batch, e.g. 0. */
  readonly seed: number
  /**
   * Seeds the batches when set, e.g. 3: a new stage continuing a model (--init) keeps `seed`, so the
   * same tasks stay held out, but sees batches the earlier stages did not.
   */
  readonly batchSeed?: number
  /** Steps between held-out evaluations (and one at the end), e.g. 100. */
  readonly evalEvery: number
  /** Steps between checkpoints (and one at the end and on a stop), e.g. 100. */
  readonly checkpointEvery: number
  /** Share of usable tasks set aside for the held-out loss (at least one task), e.g. 0.04. */
  readonly heldOutFraction: number
  /** Fixed augmented examples drawn per held-out task for the held-out loss, e.g. 4. */
  readonly heldOutExamplesPerTask: number
  /** Probability per example of one of the 23 size-changing TTT augmenters on the whole task, e.g. 0.3. */
  readonly sizeAugmentationRate: number
  /** Probability per example of a transform on only the inputs or only the outputs (a new rule), e.g. 0.15. */
  readonly ruleAugmentationRate: number
}

export const DEFAULT_PRETRAIN_OPTIONS: PretrainOptions = Object.freeze({
  steps: 2000,
  batchSize: 8,
  context: 512,
  learningRate: 1e-3,
  warmupFraction: 0.05,
  weightDecay: 0.01,
  maxGradNorm: 1,
  seed: 0,
  evalEvery: 100,
  checkpointEvery: 100,
  heldOutFraction: 0.04,
  heldOutExamplesPerTask: 4,
  sizeAugmentationRate: 0.3,
  ruleAugmentationRate: 0.15
})

/**
 * Options stored in a checkpoint, completed for this version: checkpoints written before the
 * augmentation rates existed were trained without those augmentations, so their rates are 0.
 */
export function completeStoredOptions(stored: Partial<PretrainOptions>): PretrainOptions {
  return { ...DEFAULT_PRETRAIN_OPTIONS, sizeAugmentationRate: 0, ruleAugmentationRate: 0, ...stored }
}

/** The problems with options for a model config, each naming the field; empty when valid. */
export function pretrainOptionProblems(options: PretrainOptions, config: ArcModelConfig): string[] {
  const problems: string[] = []
  for (const key of ['steps', 'batchSize', 'context', 'evalEvery', 'checkpointEvery', 'heldOutExamplesPerTask'] as const) {
    if (!Number.isInteger(options[key]) || options[key] < 1) problems.push(`${key} must be a positive integer, got ${options[key]}`)
  }
  if (!Number.isInteger(options.seed)) problems.push(`seed must be an integer, got ${options.seed}`)
  if (options.batchSeed !== undefined && !Number.isInteger(options.batchSeed))
    problems.push(`batchSeed must be an integer, got ${options.batchSeed}`)
  if (!(options.learningRate > 0)) problems.push(`learningRate must be > 0, got ${options.learningRate}`)
  if (!(options.warmupFraction >= 0 && options.warmupFraction < 1))
    problems.push(`warmupFraction must be in [0, 1), got ${options.warmupFraction}`)
  if (!(options.weightDecay >= 0)) problems.push(`weightDecay must be >= 0, got ${options.weightDecay}`)
  if (!(options.maxGradNorm > 0)) problems.push(`maxGradNorm must be > 0, got ${options.maxGradNorm}`)
  for (const key of ['sizeAugmentationRate', 'ruleAugmentationRate'] as const) {
    if (!(options[key] >= 0 && options[key] <= 1)) problems.push(`${key} must be in [0, 1], got ${options[key]}`)
  }
  if (!(options.heldOutFraction > 0 && options.heldOutFraction < 1))
    problems.push(`heldOutFraction must be in (0, 1), got ${options.heldOutFraction}`)
  if (bucketFor(config, options.context) !== options.context)
    problems.push(`context must be one of the model's context buckets (${config.contextBuckets.join(', ')}), got ${options.context}`)
  return problems
}
