// The per-task training loop (recipe section 5): batches by context bucket, warmup + cosine
// schedule over epochs or a step cap, AdamW with clipping, per-step metrics, an optional time
// budget, cancellation between steps. Returns the adapted weights (LoRA merged into the base, or
// the fully trained weights) and the adapter itself.
import { bucketFor, type ArcModelConfig } from '../../model/config'
import type { LoraConfig } from '../../model/graphs'
import { adapterTable, initialAdapters, mergeAdapters } from '../../model/lora'
import { parameterTable, type Weights } from '../../model/parameters'
import { hostTensor, type HostTensor } from '../../runtime/host-tensor'
import { createRng } from '../../random'
import { DEFAULT_ADAMW } from '../../train/optimizer'
import { Trainer } from '../../train/trainer'
import type { EncodedTttExample } from '../data'
import { epochBatches, type TrainingBatch } from './batches'
import { learningRateAt } from './schedule'
import type { TrainGraphs } from './train-graphs'

export interface TrainingOptions {
  readonly mode: 'lora' | 'full'
  readonly lora: LoraConfig
  readonly epochs: number
  /** 0 = no cap. */
  readonly maxSteps: number
  readonly batchSize: number
  readonly learningRate: number
  readonly warmupFraction: number
  readonly weightDecay: number
  readonly maxGradNorm: number
  /** 0 = no budget. */
  readonly timeBudgetSeconds: number
  readonly seed: number
  readonly signal?: AbortSignal
  readonly onStep?: (metrics: StepMetrics) => void
}

export interface StepMetrics {
  readonly step: number
  readonly totalSteps: number
  readonly loss: number
  readonly learningRate: number
  readonly gradNorm: number
  readonly tokensPerSecond: number
  /** Tokens the step processed (batch x bucket, padding included). */
  readonly tokens: number
  readonly bucket: number
}

export type StopReason = 'completed' | 'time-budget' | 'cancelled'

export interface TrainingOutcome {
  readonly weights: Map<string, Float32Array>
  readonly adapters?: Map<string, Float32Array>
  readonly steps: number
  readonly totalSteps: number
  readonly finalLoss: number | null
  readonly stoppedBy: StopReason
  readonly seconds: number
  readonly examples: number
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled')
  }
}

function planSteps(examples: readonly EncodedTttExample[], config: ArcModelConfig, options: TrainingOptions): TrainingBatch[] {
  const rng = createRng(options.seed)
  const whole = Math.floor(options.epochs)
  const plan: TrainingBatch[] = []
  for (let epoch = 0; epoch < Math.ceil(options.epochs); epoch++) {
    const batches = epochBatches(examples, config, options.batchSize, rng)
    plan.push(...(epoch < whole ? batches : batches.slice(0, Math.round(batches.length * (options.epochs - whole)))))
  }
  return options.maxSteps > 0 ? plan.slice(0, options.maxSteps) : plan
}

export async function trainOnExamples(
  allExamples: readonly EncodedTttExample[],
  config: ArcModelConfig,
  base: Weights,
  graphs: TrainGraphs,
  options: TrainingOptions
): Promise<TrainingOutcome> {
  const start = performance.now()
  const examples = allExamples.filter((e) => bucketFor(config, e.sequence.length) !== undefined && e.targetTokens > 0)
  const plan = planSteps(examples, config, options)
  const optimizer = { ...DEFAULT_ADAMW, weightDecay: options.weightDecay }
  const initial: Map<string, HostTensor> =
    options.mode === 'lora'
      ? new Map(
          adapterTable(config, options.lora).map((a) => [
            a.name,
            hostTensor(initialAdapters(config, options.lora, options.seed).get(a.name)!, a.shape)
          ])
        )
      : new Map(parameterTable(config).map((p) => [p.name, hostTensor(Float32Array.from(base.get(p.name)!), p.shape)]))
  const fixed =
    options.mode === 'lora' ? Object.fromEntries(parameterTable(config).map((p) => [p.name, hostTensor(base.get(p.name)!, p.shape)])) : {}
  let trainer: Trainer | undefined
  let finalLoss: number | null = null
  let stoppedBy: StopReason = 'completed'
  for (const [i, batch] of plan.entries()) {
    if (options.signal?.aborted) throw new CancelledError()
    if (options.timeBudgetSeconds > 0 && (performance.now() - start) / 1000 > options.timeBudgetSeconds) {
      stoppedBy = 'time-budget'
      break
    }
    const graph = await graphs.get({
      mode: options.mode,
      lora: options.lora,
      batch: batch.size,
      sequence: batch.bucket,
      optimizer,
      maxGradNorm: options.maxGradNorm
    })
    if (!trainer) trainer = new Trainer(graph.session, graph.signature, initial, fixed)
    else trainer.switchTo(graph.session, graph.signature)
    const stepStart = performance.now()
    const learningRate = learningRateAt(i + 1, plan.length, options.learningRate, options.warmupFraction)
    const result = await trainer.step(batch.feeds, learningRate)
    finalLoss = result.loss
    const seconds = (performance.now() - stepStart) / 1000
    options.onStep?.({
      step: i + 1,
      totalSteps: plan.length,
      loss: result.loss,
      learningRate,
      gradNorm: result.gradNorm,
      tokensPerSecond: (batch.size * batch.bucket) / seconds,
      tokens: batch.size * batch.bucket,
      bucket: batch.bucket
    })
  }
  const trained = trainer
    ? new Map([...trainer.parameters()].map(([name, t]) => [name, t.data as Float32Array]))
    : new Map([...initial].map(([name, t]) => [name, t.data as Float32Array]))
  const weights = options.mode === 'lora' ? mergeAdapters(config, base, options.lora, trained) : trained
  return {
    weights,
    ...(options.mode === 'lora' ? { adapters: trained } : {}),
    steps: trainer?.steps ?? 0,
    totalSteps: plan.length,
    finalLoss,
    stoppedBy,
    seconds: (performance.now() - start) / 1000,
    examples: examples.length
  }
}
