// A Hugging Face model ready for runs: weights, tokenizer and text format, and the per-task runner
// the experiment runner calls for it (adapt/task-run.ts, or the ensemble over adapt/ensemble-model.ts)
// with its sessions and train graphs, and the shared adapter of `ttt.mode=shared` it predicts with.
import type { Task } from '../../arc/types'
import type { ExperimentConfig } from '../../experiment/config'
import { runEnsembleWith } from '../../experiment/ensemble-task-run'
import type { TaskRunOutcome } from '../../experiment/task-run'
import type { RuntimeOptions } from '../../runtime/session'
import type { TrainingOptions } from '../../ttt/adapt/train-on-examples'
import { textFormat, type TextFormat } from '../../tokenizer/hf-text-format'
import { HfTokenizer } from '../../tokenizer/hf-tokenizer'
import { hfEnsembleModel } from './adapt/ensemble-model'
import { runHfTask, trainHfSharedAdapter, type HfTaskRunContext } from './adapt/task-run'
import { HfTrainGraphs } from './adapt/train-graphs'
import { CheckpointError } from './checkpoint'
import { loadHfModel, type LoadedHfModel } from './model-folder'
import { HfModelSessions } from './sessions'
import { chooseTextFormat } from './text-format-choice'

export interface HfRunModel extends LoadedHfModel {
  readonly tokenizer: HfTokenizer
  readonly format: TextFormat
  /** Pads prompts and batches: the tokenizer's pad token when it has one, else end of text. */
  readonly padToken: number
}

/** Loads a model folder for runs; `textFormatName` (a run's config key) overrides the folder's choice. */
export function openHfRunModel(dir: string, textFormatName?: string): HfRunModel {
  const model = loadHfModel(dir)
  if (!model.tokenizerFile)
    throw new CheckpointError(`${model.dir}: no tokenizer.json; a run writes tasks as text and needs the model's tokenizer`)
  const tokenizer = HfTokenizer.load(model.tokenizerFile)
  const format = textFormat(chooseTextFormat(model.dir, textFormatName).name, tokenizer)
  const padToken = tokenizer.tokenId('<|finetune_right_pad_id|>') ?? tokenizer.tokenId('<|endoftext|>') ?? format.stopTokens[0]!
  return { ...model, tokenizer, format, padToken }
}

export function isHfRunModel(model: { readonly config: { readonly family: string } }): model is HfRunModel {
  return model.config.family === 'hf-llama'
}

/** Sessions and train graphs of one run, and the task runner over them. */
export class HfTaskRunner {
  readonly sessions: HfModelSessions
  readonly trainGraphs: HfTrainGraphs
  /** The weights each task starts from: the model's, or its merge with the shared adapter. */
  private baseWeights: ReadonlyMap<string, Float32Array>

  constructor(
    readonly model: HfRunModel,
    runtime: RuntimeOptions
  ) {
    this.sessions = new HfModelSessions(model.config, model.weights, runtime)
    this.trainGraphs = new HfTrainGraphs(model.config, runtime)
    this.baseWeights = model.weights
  }

  /** `ttt.mode=shared`: trains one adapter on every task's TTT data; the tasks run after it are predicted with it. */
  async prepareShared(tasks: readonly Task[], config: ExperimentConfig, options: TrainingOptions): Promise<void> {
    const { model } = this
    const context = { config, model, format: model.format, padToken: model.padToken, trainGraphs: this.trainGraphs }
    this.baseWeights = await trainHfSharedAdapter(tasks, { ...context, baseWeights: model.weights }, options)
  }

  /** One task of a `solver=ttt` or `solver=ensemble` run (the search solver needs no model). */
  run(task: Task, context: Pick<HfTaskRunContext, 'config' | 'signal' | 'onPhase' | 'onStep'>): Promise<TaskRunOutcome> {
    const { model } = this
    const full: HfTaskRunContext = {
      ...context,
      model,
      format: model.format,
      padToken: model.padToken,
      baseWeights: this.baseWeights,
      sessions: this.sessions,
      trainGraphs: this.trainGraphs
    }
    if (context.config.solver !== 'ensemble') return runHfTask(task, full)
    const { config, signal, onPhase } = context
    return runEnsembleWith(task, { config, model: hfEnsembleModel(full), onPhase, ...(signal ? { signal } : {}) })
  }

  async release(): Promise<void> {
    await Promise.all([this.sessions.release(), this.trainGraphs.release()])
  }
}

