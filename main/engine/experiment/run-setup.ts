// The one "prepare a run" of `arc-ttt run` and of runs started from the UI (the engine host): the
// config resolved, the provider checked, the dataset loaded, the tasks chosen and the model picked,
// in that order and before anything is logged, so every mistake is an error with nothing written.
// Starting it is then `startRun({ ...prepared, ...where it runs })` in both callers.
import { resolve } from 'node:path'
import { loadDataset, type Dataset } from '../arc/load'
import { chooseModel, initialModel, INITIAL_MODEL_ID, readModelConfig } from '../model/model-choice'
import { loadModel, type LoadedModel } from '../model/model-files'
import { CheckpointError } from '../model/hf/checkpoint'
import { HfConfigError } from '../model/hf/config'
import { isHfModelFolder } from '../model/hf/model-folder'
import { PeftAdapterError } from '../model/hf/peft-adapter'
import { openHfRunModel, type HfRunModel } from '../model/hf/run-model'
import { SafetensorsReadError } from '../model/hf/safetensors-reader'
import { HfTokenizerError } from '../tokenizer/hf-tokenizer'
import type { ExecutionProviderName } from '../runtime/providers'
import type { ExperimentLog } from '../store'
import { resolveConfig, validateConfig, type ExperimentConfig } from './config'
import { requireProvider, type ProviderStatus } from './provider-check'
import { RunSetupError, checkResumable } from './runner'
import { selectTaskIds, type TaskSelection } from './task-selection'

/** What a user asks for, from command-line flags or the Adapt form. */
export interface RunPlan {
  readonly datasetPath: string
  readonly selection: TaskSelection
  /** Keep the first `limit` selected tasks. */
  readonly limit?: number
  readonly preset: string
  /** Config keys over the preset, values typed or as `--set` strings. */
  readonly overrides: Readonly<Record<string, unknown>>
  /** A model folder; undefined = the bundled default; '' = the seeded initial weights. */
  readonly modelDir?: string
  readonly provider: string
}

/** Where the caller's models are and how it learns whether a provider works. */
export interface RunSetupContext {
  /** Folder of the bundled models (each a sub-folder with config.json and model.safetensors). */
  readonly modelsDir: string
  readonly probeProvider: (provider: ExecutionProviderName) => Promise<ProviderStatus>
}

/** A run ready for startRun / continueRun: every field of RunRequest that says what runs. */
export interface PreparedRun {
  readonly dataset: Dataset
  readonly taskIds: readonly string[]
  readonly preset: string
  readonly config: ExperimentConfig
  readonly model: RunModel
  readonly provider: ExecutionProviderName
  /** Set when the model is the untrained initial one because no trained model is bundled. */
  readonly notice?: string
}

/** The dataset at `path`; one without any task is a setup error naming its first problem. */
export async function loadRunDataset(path: string): Promise<Dataset> {
  const dataset = await loadDataset(resolve(path))
  const problem = dataset.problems[0] ? `: ${dataset.problems[0].reason}` : ''
  if (dataset.entries.length === 0) throw new RunSetupError(`no task found in ${dataset.path}${problem}`)
  return dataset
}

/** Resolves and checks everything a new run needs; throws ConfigError, RunSetupError or ModelFileError. */
export async function prepareRun(plan: RunPlan, context: RunSetupContext): Promise<PreparedRun> {
  const config = resolveConfig(plan.preset, plan.overrides)
  const provider = await requireProvider(plan.provider, context.probeProvider)
  const dataset = await loadRunDataset(plan.datasetPath)
  const taskIds = await selectTaskIds(dataset, plan.selection, plan.limit)
  const hfDir = plan.modelDir && isHfModelFolder(plan.modelDir) ? plan.modelDir : undefined
  const { model, notice } = hfDir ? { model: openHfModel(hfDir), notice: undefined } : await chooseModel(context.modelsDir, plan.modelDir)
  return { dataset, taskIds, preset: plan.preset, config, model, provider, ...(notice ? { notice } : {}) }
}

/** What may change when a run is resumed: its provider, where its dataset and model are now. */
export interface ResumePlan {
  readonly runId: string
  /** Default: the provider the run asked for. */
  readonly provider?: string
  /** Default: the run's own dataset path. */
  readonly datasetPath?: string
  /** Default: the run's model, found by its id among the bundled models. */
  readonly modelDir?: string
}

/** The model of a run: the ARC transformer family or a Hugging Face checkpoint. */
type RunModel = LoadedModel | HfRunModel

/** A Hugging Face checkpoint folder with its tokenizer and text format; what is wrong with it is a setup error. */
function openHfModel(dir: string): HfRunModel {
  try {
    return openHfRunModel(dir)
  } catch (error) {
    const kinds = [HfConfigError, CheckpointError, SafetensorsReadError, HfTokenizerError, PeftAdapterError, RangeError]
    if (kinds.some((kind) => error instanceof kind)) throw new RunSetupError((error as Error).message)
    throw error
  }
}

/** The model a run started with: the folder given, else the initial weights or a bundled folder by id. */
async function resumeModel(runId: string, modelId: string, modelDir: string | undefined, modelsDir: string): Promise<RunModel> {
  if (modelDir !== undefined && isHfModelFolder(modelDir)) return openHfModel(modelDir)
  if (modelDir !== undefined) return (await chooseModel(modelsDir, modelDir)).model
  if (modelId === INITIAL_MODEL_ID) return initialModel()
  const bundled = resolve(modelsDir, modelId)
  if (isHfModelFolder(bundled)) return openHfModel(bundled)
  if (await readModelConfig(bundled)) return loadModel(bundled)
  throw new RunSetupError(
    `run ${runId} used the model "${modelId}", which is not among the bundled models in ${modelsDir}; ` +
      `resume it with \`arc-ttt run --resume ${runId} --model DIR\``
  )
}

/** Checks that a logged run can be finished here and returns it ready for continueRun. */
export async function prepareResume(log: ExperimentLog, plan: ResumePlan, context: RunSetupContext): Promise<PreparedRun> {
  const run = log.getRun(plan.runId)
  if (run.status === 'completed') throw new RunSetupError(`run ${run.id} is already completed: there is nothing left to resume`)
  const provider = await requireProvider(plan.provider ?? run.providerRequested, context.probeProvider)
  const dataset = await loadRunDataset(plan.datasetPath ?? run.datasetPath)
  const model = await resumeModel(run.id, run.modelId, plan.modelDir, context.modelsDir)
  checkResumable(log, run.id, model, dataset)
  return { dataset, taskIds: log.runTasks(run.id), preset: run.preset, config: validateConfig(run.config), model, provider }
}
