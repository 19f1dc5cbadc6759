// Full-parameter pretraining of the ARC transformer on ARC training tasks (recipe section 1, the
// "initial fine-tuning"): AdamW with clipping, linear warmup then cosine decay over the whole run,
// a fresh augmented batch every step (sample-examples.ts), a held-out loss every `evalEvery` steps
// and atomic checkpoints (checkpoint.ts). Because the batch of step s depends only on (seed, s) and
// the checkpoint holds the parameters, the AdamW moments and the step, a resumed run reproduces
// the uninterrupted one exactly on a deterministic provider (the CPU).
import { bucketFor, modelConfigProblems, type ArcModelConfig } from '../model/config'
import { initialWeights, parameterTable, type Weights } from '../model/parameters'
import { datasetFingerprint } from '../arc/fingerprint'
import type { Task } from '../arc/types'
import { ModelSessions } from '../inference/model-sessions'
import { hostTensor } from '../runtime/host-tensor'
import type { RuntimeOptions } from '../runtime/session'
import { makeBatch } from '../ttt/adapt/batches'
import { learningRateAt } from '../ttt/adapt/schedule'
import { TrainGraphs } from '../ttt/adapt/train-graphs'
import { DEFAULT_ADAMW } from '../train/optimizer'
import { Trainer } from '../train/trainer'
import { CheckpointError, hasCheckpoint, loadCheckpoint, saveCheckpoint, type TrainerState } from './checkpoint'
import { heldOutLoss } from './held-out-loss'
import { completeStoredOptions, DEFAULT_PRETRAIN_OPTIONS, pretrainOptionProblems, type PretrainOptions } from './options'
import { batchExamples, heldOutExamples, splitTasks, type TaskSplit } from './sample-examples'

export type PretrainEvent =
  | {
      readonly kind: 'started'
      readonly step: number
      readonly totalSteps: number
      readonly split: TaskSplit
      readonly resumed: boolean
      readonly options: PretrainOptions
      readonly modelConfig: ArcModelConfig
      readonly dataFingerprint: string
      /** The run id kept in the checkpoint (a resume), or the one given (a new run). */
      readonly runId?: string
    }
  | {
      readonly kind: 'step'
      readonly step: number
      readonly totalSteps: number
      readonly loss: number
      readonly gradNorm: number
      readonly learningRate: number
      readonly tokens: number
      readonly seconds: number
    }
  | { readonly kind: 'held-out'; readonly step: number; readonly loss: number }
  | { readonly kind: 'checkpoint'; readonly step: number; readonly dir: string }

export interface PretrainRequest {
  /** Every training task (held-out ones are split off by seed); ids must be unique. */
  readonly tasks: readonly Task[]
  /** Output folder of checkpoints. */
  readonly out: string
  /** Continue from OUT's last checkpoint with its own options and model config. */
  readonly resume?: boolean
  /** New runs only (a resume uses the checkpoint's). */
  readonly options?: Partial<PretrainOptions>
  readonly modelConfig?: ArcModelConfig
  /**
   * New runs only: start from these weights (of `modelConfig`) instead of seeded initial ones, e.g. to continue a shipped
   * model with a new schedule.
   */
  readonly initialWeights?: Weights
  /** Experiment-log run id to keep in the checkpoint (new runs; a resume keeps the stored one). */
  readonly runId?: string
  readonly runtime?: RuntimeOptions
  readonly onEvent?: (event: PretrainEvent) => void
  /** Stops (with a checkpoint) before the next step when aborted. */
  readonly signal?: AbortSignal
  /** Stops (with a checkpoint) after this step, as a kill after a checkpoint would; for tests and time-boxed sessions. */
  readonly stopAfterStep?: number
}

export interface PretrainResult {
  readonly step: number
  readonly finished: boolean
  readonly state: Omit<TrainerState, 'format' | 'weightsHash' | 'optimizerHash'>
  readonly checkpointDir: string
  readonly lastLoss: number
  readonly heldOutLoss: number
  readonly weights: Weights
}

/** Runs (or resumes) pretraining until the last step, a stop step or an abort. */
export async function pretrain(request: PretrainRequest): Promise<PretrainResult> {
  const fingerprint = datasetFingerprint(request.tasks)
  const checkpoint = request.resume ? await loadCheckpoint(request.out) : undefined
  if (!checkpoint && (await hasCheckpoint(request.out)))
    throw new CheckpointError(
      `${request.out} already holds a pretraining checkpoint: pass --resume to continue it, or choose another --out`
    )
  if (checkpoint && checkpoint.state.dataFingerprint !== fingerprint) {
    throw new CheckpointError(
      `the checkpoint in ${checkpoint.dir} was trained on other data (fingerprint ${checkpoint.state.dataFingerprint}, ` +
        `these tasks give ${fingerprint}): pass the same --data paths`
    )
  }
  const options: PretrainOptions = checkpoint
    ? completeStoredOptions(checkpoint.state.options)
    : { ...DEFAULT_PRETRAIN_OPTIONS, ...request.options }
  const config = checkpoint ? checkpoint.state.modelConfig : request.modelConfig
  if (!config) throw new Error('pretrain: a new run needs a model config')
  const problems = [...modelConfigProblems(config), ...pretrainOptionProblems(options, config)]
  if (problems.length > 0) throw new CheckpointError(`pretraining options: ${problems.join('; ')}`)
  const runId = checkpoint ? checkpoint.state.runId : request.runId
  const split = splitTasks(request.tasks, options.seed, options.heldOutFraction, options.context)
  const evalExamples = heldOutExamples(split.heldOut, options.seed, options.heldOutExamplesPerTask, options.context, config.maxExamples)
  const startStep = checkpoint?.state.step ?? 0
  const emit = request.onEvent ?? (() => {})
  emit({
    kind: 'started',
    step: startStep,
    totalSteps: options.steps,
    split,
    resumed: checkpoint !== undefined,
    options,
    modelConfig: config,
    dataFingerprint: fingerprint,
    ...(runId !== undefined ? { runId } : {})
  })

  const weights = checkpoint?.weights ?? request.initialWeights ?? initialWeights(config, options.seed)
  const parameters = new Map(parameterTable(config).map((p) => [p.name, hostTensor(Float32Array.from(weights.get(p.name)!), p.shape)]))
  const optimizer = { ...DEFAULT_ADAMW, weightDecay: options.weightDecay }
  const graphs = new TrainGraphs(config, request.runtime ?? {})
  const sessions = new ModelSessions(config, weights, request.runtime ?? {})
  const lora = { rank: 1, alpha: 1, targets: [] } // unused in full mode; part of the graph cache key
  let trainer: Trainer | undefined
  const currentWeights = (): Map<string, Float32Array> =>
    trainer ? new Map([...trainer.parameters()].map(([name, t]) => [name, t.data as Float32Array])) : new Map(weights)
  const stateOf = (step: number): Omit<TrainerState, 'format' | 'weightsHash' | 'optimizerHash'> => ({
    step,
    options,
    modelConfig: config,
    dataFingerprint: fingerprint,
    heldOutTaskIds: split.heldOut.map((t) => t.id),
    ...(runId !== undefined ? { runId } : {})
  })
  let step = startStep
  let lastLoss = Number.NaN
  let lastHeldOut = Number.NaN
  let checkpointDir = checkpoint?.dir ?? ''
  let savedStep = checkpoint ? startStep : -1
  const save = async () => {
    if (savedStep === step || !trainer) return
    checkpointDir = await saveCheckpoint(request.out, stateOf(step), currentWeights(), trainer.optimizerState())
    savedStep = step
    emit({ kind: 'checkpoint', step, dir: checkpointDir })
  }
  try {
    while (step < options.steps && !request.signal?.aborted && !(request.stopAfterStep !== undefined && step >= request.stopAfterStep)) {
      const next = step + 1
      const started = performance.now()
      const examples = batchExamples(
        split.training,
        options.batchSeed ?? options.seed,
        next,
        options.batchSize,
        options.context,
        config.maxExamples,
        options
      )
      const bucket = bucketFor(config, Math.max(...examples.map((e) => e.sequence.length)))!
      const batch = makeBatch(examples, bucket, options.batchSize)
      const graph = await graphs.get({
        mode: 'full',
        lora,
        batch: options.batchSize,
        sequence: bucket,
        optimizer,
        maxGradNorm: options.maxGradNorm
      })
      if (!trainer)
        trainer = new Trainer(
          graph.session,
          graph.signature,
          parameters,
          {},
          checkpoint ? { state: checkpoint.optimizerState, steps: startStep } : undefined
        )
      else trainer.switchTo(graph.session, graph.signature)
      const learningRate = learningRateAt(next, options.steps, options.learningRate, options.warmupFraction)
      const result = await trainer.step(batch.feeds, learningRate)
      step = next
      lastLoss = result.loss
      const tokens = examples.reduce((sum, e) => sum + e.sequence.length, 0)
      emit({
        kind: 'step',
        step,
        totalSteps: options.steps,
        loss: result.loss,
        gradNorm: result.gradNorm,
        learningRate,
        tokens,
        seconds: (performance.now() - started) / 1000
      })
      if (step % options.evalEvery === 0 || step === options.steps) {
        sessions.setWeights(currentWeights())
        lastHeldOut = await heldOutLoss(sessions, config, evalExamples, options.batchSize)
        emit({ kind: 'held-out', step, loss: lastHeldOut })
      }
      if (step % options.checkpointEvery === 0 || step === options.steps) await save()
    }
    await save()
  } finally {
    await graphs.release()
    await sessions.release()
  }
  return {
    step,
    finished: step >= options.steps,
    state: stateOf(step),
    checkpointDir,
    lastLoss,
    heldOutLoss: lastHeldOut,
    weights: currentWeights()
  }
}
