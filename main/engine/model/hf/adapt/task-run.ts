// One task of an experiment with a Llama-family model, as experiment/task-run.ts runs one with the
// ARC transformer: the same TTT data (leave-out tasks, augmenters, cap), written in the model's
// text format; per-task LoRA or full training; augmented inference; the same result record.
import type { Task } from '../../../arc/types'
import type { ExperimentConfig } from '../../../experiment/config'
import type { RunPhase } from '../../../experiment/events'
import { phaseTimer, trainingOptions, type Adaptation } from '../../../experiment/task-run'
import { attemptsCorrect, taskScore } from '../../../experiment/task-score'
import { deriveSeed } from '../../../random'
import type { CandidateRecord, TaskResultInput, TestOutputResult } from '../../../store'
import type { TextFormat, TokenizedExample } from '../../../tokenizer/hf-text-format'
import { buildTttData } from '../../../ttt/data'
import type { StepMetrics, TrainingOptions } from '../../../ttt/adapt/train-on-examples'
import type { LoraTarget } from '../../parameters'
import type { HfLoraConfig } from '../graphs'
import type { LoadedHfModel } from '../model-folder'
import type { HfLoraTarget } from '../parameters'
import type { HfModelSessions } from '../sessions'
import { predictHfOutput } from './predict'
import { trainHfOnExamples, type HfTrainingOptions } from './train'
import type { HfTrainGraphs } from './train-graphs'

export interface HfTaskRunContext {
  readonly config: ExperimentConfig
  readonly model: LoadedHfModel
  readonly format: TextFormat
  /** Token that pads prompts and batches (never a target). */
  readonly padToken: number
  readonly baseWeights: ReadonlyMap<string, Float32Array>
  readonly sessions: HfModelSessions
  readonly trainGraphs: HfTrainGraphs
  readonly signal?: AbortSignal
  readonly onPhase: (phase: RunPhase) => void
  readonly onStep: (metrics: StepMetrics) => void
}

/** The ARC transformer's LoRA targets in a Llama block: its MLP `up` is SwiGLU's gate and up. */
const TARGETS: Readonly<Record<LoraTarget, readonly HfLoraTarget[]>> = {
  q: ['q_proj'],
  k: ['k_proj'],
  v: ['v_proj'],
  o: ['o_proj'],
  up: ['gate_proj', 'up_proj'],
  down: ['down_proj']
}

export function hfLoraConfig(config: ExperimentConfig): HfLoraConfig {
  const targets = new Set(config.ttt.loraTargets.flatMap((t) => TARGETS[t]))
  return {
    rank: config.ttt.loraRank,
    alpha: config.ttt.loraAlpha,
    targets: ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'].filter((t) =>
      targets.has(t as HfLoraTarget)
    ) as HfLoraTarget[]
  }
}

/** The task's TTT examples in the text format; those longer than the context are dropped. */
export function hfTttExamples(task: Task, config: ExperimentConfig, format: TextFormat, limit: number, seed: number): TokenizedExample[] {
  const options = {
    seed,
    cap: config.data.cap,
    maxTokens: Number.MAX_SAFE_INTEGER,
    augment: config.data.augment,
    format: config.data.format,
    leaveTwoOutTopUp: config.data.leaveTwoOutTopUp,
    lossMask: config.data.lossMask
  }
  const { examples } = buildTttData(task, options)
  return examples.map((e) => format.example(e.demonstrations, e.test, config.data.lossMask)).filter((e) => e.ids.length <= limit)
}

/** The task's TTT examples under the run's seed, no longer than the config's limit and the model's context. */
function taskTttExamples(task: Task, context: Pick<HfTaskRunContext, 'config' | 'model' | 'format'>): TokenizedExample[] {
  const { config } = context
  const limit = Math.min(config.data.maxTokens, context.model.config.contextBuckets.at(-1)!)
  return hfTttExamples(task, config, context.format, limit, deriveSeed(config.seed, task.id, 'ttt-data'))
}

/** A run's training options for this family: its LoRA targets mapped onto a Llama block, batches padded with `padToken`. */
function hfTrainingOptions(options: TrainingOptions, config: ExperimentConfig, padToken: number): HfTrainingOptions {
  return { ...options, lora: hfLoraConfig(config), padToken }
}

/**
 * `ttt.mode=shared`: one adapter trained on every task's TTT data together (each task's data drawn
 * with its own seed, as per task); returns the merged weights every task is then predicted with.
 */
export async function trainHfSharedAdapter(
  tasks: readonly Task[],
  context: Pick<HfTaskRunContext, 'config' | 'model' | 'format' | 'padToken' | 'baseWeights' | 'trainGraphs'>,
  options: TrainingOptions
): Promise<ReadonlyMap<string, Float32Array>> {
  const examples = tasks.flatMap((task) => taskTttExamples(task, context))
  const hfOptions = hfTrainingOptions(options, context.config, context.padToken)
  const outcome = await trainHfOnExamples(examples, context.model.config, context.baseWeights, context.trainGraphs, hfOptions)
  return outcome.weights
}

/** Per-task LoRA or full training on the task's TTT data, as the config says (the base weights where it trains none per task). */
export async function adaptHfToTask(task: Task, context: HfTaskRunContext, timings: Record<string, number>): Promise<Adaptation> {
  const { config } = context
  if (!config.ttt.enabled || config.ttt.mode === 'shared') return { weights: context.baseWeights, tttSteps: 0, finalLoss: null }
  const time = phaseTimer(timings)
  context.onPhase('ttt-data')
  const examples = await time('ttt-data', async () => taskTttExamples(task, context))
  context.onPhase('ttt')
  const seed = deriveSeed(config.seed, task.id, 'ttt')
  const options = hfTrainingOptions(trainingOptions(config, seed, context.signal, context.onStep), config, context.padToken)
  const outcome = await time('ttt', () =>
    trainHfOnExamples(examples, context.model.config, context.baseWeights, context.trainGraphs, options)
  )
  return {
    weights: outcome.weights,
    tttSteps: outcome.steps,
    finalLoss: outcome.finalLoss,
    ...(outcome.adapters ? { adapters: outcome.adapters } : {})
  }
}

export async function runHfTask(
  task: Task,
  context: HfTaskRunContext
): Promise<{ result: TaskResultInput; adapters?: Map<string, Float32Array> }> {
  const { config, format } = context
  const timings: Record<string, number> = {}
  const time = phaseTimer(timings)
  const { weights, tttSteps, finalLoss, adapters } = await adaptHfToTask(task, context, timings)
  context.sessions.setWeights(weights)
  context.onPhase('inference')
  const outputs: TestOutputResult[] = []
  const candidates: CandidateRecord[] = []
  const reasons: string[] = []
  for (let testIndex = 0; testIndex < task.test.length; testIndex++) {
    const seed = deriveSeed(config.seed, task.id, 'prompts', testIndex)
    const prediction = await time('inference', () =>
      predictHfOutput(task, testIndex, context.sessions, format, config, seed, context.padToken)
    )
    if (prediction.reason) reasons.push(`test ${testIndex}: ${prediction.reason}`)
    outputs.push({
      testIndex,
      attempts: prediction.attempts,
      correct: attemptsCorrect(prediction.attempts, task.test[testIndex]!.output),
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
  const unpredictable = reasons.length === task.test.length
  const result: TaskResultInput = {
    taskId: task.id,
    status: unpredictable ? 'skipped' : 'done',
    ...(unpredictable ? { reason: reasons.join('; ') } : {}),
    outputs,
    ...taskScore(outputs),
    timings,
    tttSteps,
    finalLoss,
    candidates
  }
  return { result, ...(adapters ? { adapters } : {}) }
}
