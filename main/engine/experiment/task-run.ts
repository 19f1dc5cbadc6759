// One task of an experiment: TTT data, per-task training (unless the run uses no TTT or a shared
// adapter), augmented inference for every test input, scoring where the outputs are known, and the
// record for the log.
import type { Task } from '../arc/types'
import type { ModelSessions } from '../inference/model-sessions'
import type { ArcModelConfig } from '../model/config'
import type { Weights } from '../model/parameters'
import { deriveSeed } from '../random'
import type { CandidateRecord, TaskResultInput, TestOutputResult } from '../store'
import { buildTttData, encodeTttExample, type TttDataOptions } from '../ttt/data'
import type { TrainGraphs } from '../ttt/adapt/train-graphs'
import { trainOnExamples, type StepMetrics, type TrainingOptions } from '../ttt/adapt/train-on-examples'
import { predictOutput } from '../ttt/predict/predict-output'
import type { ExperimentConfig } from './config'
import type { RunPhase } from './events'
import { attemptsCorrect, taskScore } from './task-score'

export interface TaskRunContext {
  readonly config: ExperimentConfig
  readonly model: ArcModelConfig
  readonly baseWeights: Weights
  readonly sessions: ModelSessions
  readonly trainGraphs: TrainGraphs
  readonly signal?: AbortSignal
  readonly onPhase: (phase: RunPhase) => void
  readonly onStep: (metrics: StepMetrics) => void
}

export interface TaskRunOutcome {
  readonly result: TaskResultInput
  /** The trained adapter (LoRA mode), for saving as an artifact. */
  readonly adapters?: Map<string, Float32Array>
}

/** Training options of the config, with the model's largest bucket as the context limit. */
export function trainingOptions(
  config: ExperimentConfig,
  seed: number,
  signal: AbortSignal | undefined,
  onStep: (m: StepMetrics) => void
): TrainingOptions {
  const t = config.ttt
  return {
    mode: t.mode === 'full' ? 'full' : 'lora',
    lora: { rank: t.loraRank, alpha: t.loraAlpha, targets: t.loraTargets },
    epochs: t.epochs,
    maxSteps: t.maxSteps,
    batchSize: t.batchSize,
    learningRate: t.learningRate,
    warmupFraction: t.warmupFraction,
    weightDecay: t.weightDecay,
    maxGradNorm: t.maxGradNorm,
    timeBudgetSeconds: t.timeBudgetSeconds,
    seed,
    ...(signal ? { signal } : {}),
    onStep
  }
}

/** The TTT data options of the config, with the model's largest bucket as the context limit. */
export function tttDataOptions(config: ExperimentConfig, model: ArcModelConfig, seed: number): Partial<TttDataOptions> {
  const maxTokens = Math.min(config.data.maxTokens, model.contextBuckets.at(-1)!)
  return {
    seed,
    cap: config.data.cap,
    maxTokens,
    augment: config.data.augment,
    format: config.data.format,
    leaveTwoOutTopUp: config.data.leaveTwoOutTopUp,
    lossMask: config.data.lossMask
  }
}

/** The encoded TTT examples of one task under the config (never its test outputs). */
export function tttExamples(task: Task, config: ExperimentConfig, model: ArcModelConfig, seed: number) {
  const { examples } = buildTttData(task, tttDataOptions(config, model, seed))
  return examples.map((e) => encodeTttExample(e, config.data.lossMask))
}

/** A stopwatch that adds each phase's seconds into `timings`. */
export function phaseTimer(timings: Record<string, number>) {
  return async <R>(phase: string, work: () => Promise<R>): Promise<R> => {
    const start = performance.now()
    try {
      return await work()
    } finally {
      timings[phase] = (timings[phase] ?? 0) + (performance.now() - start) / 1000
    }
  }
}

export interface Adaptation {
  readonly weights: Weights
  readonly tttSteps: number
  readonly finalLoss: number | null
  readonly adapters?: Map<string, Float32Array>
}

/** Test-time training on the task's own demonstrations (or the base weights where the config has none per task). */
export async function adaptToTask(task: Task, context: TaskRunContext, timings: Record<string, number>): Promise<Adaptation> {
  const { config } = context
  if (!config.ttt.enabled || config.ttt.mode === 'shared') return { weights: context.baseWeights, tttSteps: 0, finalLoss: null }
  const time = phaseTimer(timings)
  context.onPhase('ttt-data')
  const examples = await time('ttt-data', async () =>
    tttExamples(task, config, context.model, deriveSeed(config.seed, task.id, 'ttt-data'))
  )
  context.onPhase('ttt')
  const seed = deriveSeed(config.seed, task.id, 'ttt')
  const outcome = await time('ttt', () =>
    trainOnExamples(
      examples,
      context.model,
      context.baseWeights,
      context.trainGraphs,
      trainingOptions(config, seed, context.signal, context.onStep)
    )
  )
  return {
    weights: outcome.weights,
    tttSteps: outcome.steps,
    finalLoss: outcome.finalLoss,
    ...(outcome.adapters ? { adapters: outcome.adapters } : {})
  }
}

export async function runTask(task: Task, context: TaskRunContext): Promise<TaskRunOutcome> {
  const { config } = context
  const timings: Record<string, number> = {}
  const time = phaseTimer(timings)
  const { weights, tttSteps, finalLoss, adapters } = await adaptToTask(task, context, timings)
  context.sessions.setWeights(weights)
  context.onPhase('inference')
  const outputs: TestOutputResult[] = []
  const candidates: CandidateRecord[] = []
  const reasons: string[] = []
  for (let testIndex = 0; testIndex < task.test.length; testIndex++) {
    const prediction = await time('inference', () =>
      predictOutput(task, testIndex, context.sessions, config, deriveSeed(config.seed, task.id, 'prompts', testIndex))
    )
    const truth = task.test[testIndex]!.output
    if (prediction.reason) reasons.push(`test ${testIndex}: ${prediction.reason}`)
    outputs.push({
      testIndex,
      attempts: prediction.attempts,
      correct: attemptsCorrect(prediction.attempts, truth),
      provenance: {
        method: config.vote.method,
        prompts: prediction.prompts,
        undecodable: prediction.undecodable,
        attempts: prediction.voting?.attempts.map(({ grid: _grid, ...rest }) => rest) ?? null,
        reason: prediction.reason ?? null
      }
    })
    for (const c of prediction.candidates)
      candidates.push({ testIndex, grid: c.grid, transforms: c.transforms, promptIds: c.promptIds, votes: c.count, score: c.score })
  }
  const everyOutputUnpredictable = reasons.length === task.test.length
  const result: TaskResultInput = {
    taskId: task.id,
    status: everyOutputUnpredictable ? 'skipped' : 'done',
    ...(everyOutputUnpredictable ? { reason: reasons.join('; ') } : {}),
    outputs,
    ...taskScore(outputs),
    timings,
    tttSteps,
    finalLoss,
    candidates
  }
  return { result, ...(adapters ? { adapters } : {}) }
}
