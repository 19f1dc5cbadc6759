// The per-task training loop for a Llama-family model: the ARC transformer's schedule and options
// (ttt/adapt/train-on-examples.ts: warmup + cosine, AdamW, clipping, step cap, time budget,
// cancellation) over tokenized text-format examples. Returns the merged weights and the adapter.
import { createRng } from '../../../random'
import { hostTensor, type HostTensor } from '../../../runtime/host-tensor'
import type { TokenizedExample } from '../../../tokenizer/hf-text-format'
import { DEFAULT_ADAMW } from '../../../train/optimizer'
import { Trainer } from '../../../train/trainer'
import { learningRateAt } from '../../../ttt/adapt/schedule'
import { CancelledError, type StopReason, type TrainingOptions } from '../../../ttt/adapt/train-on-examples'
import { hfBucketFor, type HfModelConfig } from '../config'
import type { HfLoraConfig } from '../graphs'
import { hfAdapterTable, initialHfAdapters, mergeHfAdapters } from '../lora'
import { hfParameterTable } from '../parameters'
import { hfEpochBatches, type HfTrainingBatch } from './batches'
import type { HfTrainGraphs } from './train-graphs'

export interface HfTrainingOptions extends Omit<TrainingOptions, 'lora'> {
  readonly lora: HfLoraConfig
  readonly padToken: number
}

export interface HfTrainingOutcome {
  readonly weights: Map<string, Float32Array>
  readonly adapters?: Map<string, Float32Array>
  readonly steps: number
  readonly totalSteps: number
  readonly finalLoss: number | null
  readonly stoppedBy: StopReason
  readonly seconds: number
  readonly examples: number
}

function planSteps(examples: readonly TokenizedExample[], config: HfModelConfig, options: HfTrainingOptions): HfTrainingBatch[] {
  const rng = createRng(options.seed)
  const whole = Math.floor(options.epochs)
  const plan: HfTrainingBatch[] = []
  for (let epoch = 0; epoch < Math.ceil(options.epochs); epoch++) {
    const batches = hfEpochBatches(examples, config, options.batchSize, options.padToken, rng)
    plan.push(...(epoch < whole ? batches : batches.slice(0, Math.round(batches.length * (options.epochs - whole)))))
  }
  return options.maxSteps > 0 ? plan.slice(0, options.maxSteps) : plan
}

export async function trainHfOnExamples(
  allExamples: readonly TokenizedExample[],
  config: HfModelConfig,
  base: ReadonlyMap<string, Float32Array>,
  graphs: HfTrainGraphs,
  options: HfTrainingOptions
): Promise<HfTrainingOutcome> {
  const start = performance.now()
  const examples = allExamples.filter((e) => hfBucketFor(config, e.ids.length) !== undefined && e.lossMask.some((bit) => bit === 1))
  const plan = planSteps(examples, config, options)
  const optimizer = { ...DEFAULT_ADAMW, weightDecay: options.weightDecay }
  const table = hfParameterTable(config)
  const initial: Map<string, HostTensor> =
    options.mode === 'lora'
      ? new Map(
          hfAdapterTable(config, options.lora).map((a) => [
            a.name,
            hostTensor(initialHfAdapters(config, options.lora, options.seed).get(a.name)!, a.shape)
          ])
        )
      : new Map(table.map((p) => [p.name, hostTensor(Float32Array.from(base.get(p.name)!), p.shape)]))
  const fixed = options.mode === 'lora' ? Object.fromEntries(table.map((p) => [p.name, hostTensor(base.get(p.name)!, p.shape)])) : {}
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
    const tokens = batch.size * batch.bucket
    options.onStep?.({
      step: i + 1,
      totalSteps: plan.length,
      loss: result.loss,
      learningRate,
      gradNorm: result.gradNorm,
      tokensPerSecond: tokens / seconds,
      tokens,
      bucket: batch.bucket
    })
  }
  const source = trainer ? trainer.parameters() : initial
  const trained = new Map([...source].map(([name, t]) => [name, t.data as Float32Array]))
  return {
    weights: options.mode === 'lora' ? mergeHfAdapters(config, base, options.lora, trained) : trained,
    ...(options.mode === 'lora' ? { adapters: trained } : {}),
    steps: trainer?.steps ?? 0,
    totalSteps: plan.length,
    finalLoss,
    stoppedBy,
    seconds: (performance.now() - start) / 1000,
    examples: examples.length
  }
}
