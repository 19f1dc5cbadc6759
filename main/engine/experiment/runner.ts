// The experiment runner: a resolved config applied to a selection of tasks with one model,
// every result logged as it is made. A run killed at any moment is resumed with `resume`: finished
// tasks are kept and not recomputed, and because every random choice is derived from the seed and
// the task id, the resumed run ends with the results of an uninterrupted one (on the CPU provider).
import type { Dataset } from '../arc/load'
import type { Task } from '../arc/types'
import { ModelSessions } from '../inference/model-sessions'
import type { LoadedModel } from '../model/model-files'
import { saveHfAdapterArtifact } from '../model/hf/adapt/adapter-artifact'
import { hfLoraConfig } from '../model/hf/adapt/task-run'
import { HfTaskRunner, isHfRunModel, type HfRunModel } from '../model/hf/run-model'
import type { RuntimeOptions } from '../runtime/session'
import { deriveSeed } from '../random'
import type { ExperimentLog } from '../store'
import { TrainGraphs } from '../ttt/adapt/train-graphs'
import { CancelledError, trainOnExamples, type TrainingOptions } from '../ttt/adapt/train-on-examples'
import type { ExperimentConfig } from './config'
import { configHash } from './config-hash'
import { saveAdapterArtifact } from './adapter-artifacts'
import type { RunEvent } from './events'
import { runEnsembleTask } from './ensemble-task-run'
import { runSearchTask } from './search-task-run'
import { runTask, trainingOptions, tttExamples, type TaskRunContext } from './task-run'
import { solvedBy } from './task-score'

export interface RunRequest {
  readonly dataset: Dataset
  /** Task ids in the order to run them (run-setup.ts refuses unknown ids); invalid tasks are logged as skipped. */
  readonly taskIds: readonly string[]
  readonly preset: string
  readonly config: ExperimentConfig
  /** The bundled ARC transformer family, or a Hugging Face checkpoint (model/hf/run-model.ts). */
  readonly model: LoadedModel | HfRunModel
  readonly runtime: RuntimeOptions
  readonly log: ExperimentLog
  readonly name?: string
  readonly tags?: readonly string[]
  readonly onEvent?: (event: RunEvent) => void
  readonly signal?: AbortSignal
}

export class RunSetupError extends Error {}

/** Starts a new run and runs it to the end. Returns the run id. */
export async function startRun(request: RunRequest): Promise<string> {
  const { log, config, model, dataset } = request
  const runId = log.createRun({
    name: request.name ?? `${request.preset} on ${dataset.path.split('/').filter(Boolean).pop() ?? dataset.path}`,
    preset: request.preset,
    config,
    configHash: configHash(config),
    seed: config.seed,
    modelId: model.id,
    modelHash: model.hash,
    datasetPath: dataset.path,
    datasetFingerprint: dataset.fingerprint,
    provider: request.runtime.provider ?? 'cpu',
    tags: request.tags ?? []
  })
  log.setRunTasks(runId, request.taskIds)
  await continueRun(runId, request)
  return runId
}

/** Checks that a resumed run sees the same model and dataset it started with. */
export function checkResumable(log: ExperimentLog, runId: string, model: Pick<LoadedModel, 'id' | 'hash'>, dataset: Dataset): void {
  const run = log.getRun(runId)
  if (run.modelHash !== model.hash)
    throw new RunSetupError(
      `run ${runId} used model ${run.modelId} (hash ${run.modelHash.slice(0, 12)}), ` +
        `not ${model.id} (hash ${model.hash.slice(0, 12)}); pass --model with the original model`
    )
  if (run.datasetFingerprint !== dataset.fingerprint)
    throw new RunSetupError(
      `run ${runId} ran on a dataset with fingerprint ${run.datasetFingerprint.slice(0, 12)} (${run.datasetPath}); ` +
        `${dataset.path} has ${dataset.fingerprint.slice(0, 12)}`
    )
}

/** Runs the tasks of `runId` that are not finished yet. */
export async function continueRun(runId: string, request: RunRequest): Promise<void> {
  const { log, config, model, dataset } = request
  const emit = request.onEvent ?? (() => undefined)
  const finished = log.finishedTaskIds(runId)
  const selection = log.runTasks(runId)
  const total = selection.length
  log.setRunStatus(runId, 'running')
  log.setProviderUsed(runId, request.runtime.provider ?? 'cpu')
  emit({ kind: 'run-started', runId, total, alreadyDone: selection.filter((id) => finished.has(id)).length })
  // A Hugging Face model runs tasks through its own runner; the ARC transformer through sessions here.
  const hf = isHfRunModel(model) ? new HfTaskRunner(model, request.runtime) : undefined
  const arc = isHfRunModel(model) ? undefined : arcTools(model, request.runtime)
  const entries = new Map(dataset.entries.map((e) => [e.id, e]))
  let status: 'completed' | 'cancelled' | 'failed' = 'completed'
  try {
    if (config.solver === 'ttt' && config.ttt.enabled && config.ttt.mode === 'shared')
      await trainSharedAdapter(runId, request, hf ?? arc!, selection, emit)
    const durations: number[] = []
    for (const [index, taskId] of selection.entries()) {
      if (finished.has(taskId)) continue
      if (request.signal?.aborted) throw new CancelledError()
      emit({ kind: 'task-started', runId, taskId, index, total })
      const start = performance.now()
      const entry = entries.get(taskId)
      log.clearMetrics(runId, { taskId })
      let outcome
      if (!entry?.task) {
        const reason = entry
          ? `invalid task: ${entry.problems.map((p) => `${p.path || 'file'}: ${p.reason}`).join('; ')}`
          : `task ${taskId} is not in ${dataset.path}`
        outcome = {
          result: {
            taskId,
            status: 'skipped' as const,
            reason,
            outputs: [],
            officialScore: null,
            allOrNothing: null,
            timings: {},
            tttSteps: 0,
            finalLoss: null,
            candidates: []
          }
        }
      } else if (config.solver === 'search') {
        emit({ kind: 'phase', runId, taskId, phase: 'search' })
        outcome = await runSearchTask(entry.task, config, request.signal)
      } else {
        const points: { key: string; context: { taskId: string; phase: string }; step: number; value: number }[] = []
        const runForSolver = config.solver === 'ensemble' ? runEnsembleTask : runTask
        const hooks: Pick<TaskRunContext, 'signal' | 'onPhase' | 'onStep'> = {
          ...(request.signal ? { signal: request.signal } : {}),
          onPhase: (phase) => emit({ kind: 'phase', runId, taskId, phase }),
          onStep: (m) => {
            const context = { taskId, phase: 'ttt' }
            points.push(
              { key: 'ttt.loss', context, step: m.step, value: m.loss },
              { key: 'ttt.learning_rate', context, step: m.step, value: m.learningRate },
              { key: 'ttt.grad_norm', context, step: m.step, value: m.gradNorm },
              { key: 'ttt.tokens_per_second', context, step: m.step, value: m.tokensPerSecond }
            )
            emit({
              kind: 'step',
              runId,
              taskId,
              step: m.step,
              totalSteps: m.totalSteps,
              loss: m.loss,
              learningRate: m.learningRate,
              tokensPerSecond: m.tokensPerSecond
            })
          }
        }
        outcome = hf
          ? await hf.run(entry.task, { config, ...hooks })
          : await runForSolver(entry.task, {
              config,
              model: arc!.model.config,
              baseWeights: arc!.baseWeights,
              ...arc!.sessionsAndGraphs,
              ...hooks
            })
        log.recordMetrics(runId, points)
        if (config.ttt.saveAdapters && outcome.adapters) {
          if (hf) saveHfAdapterArtifact(log, runId, taskId, hf.model, hfLoraConfig(config), outcome.adapters)
          else {
            const lora = { rank: config.ttt.loraRank, alpha: config.ttt.loraAlpha, targets: config.ttt.loraTargets }
            await saveAdapterArtifact(log, runId, taskId, arc!.model.config, lora, outcome.adapters)
          }
        }
      }
      // Skipped tasks with ground truth count as unsolved.
      const known = entry?.task?.test.some((p) => p.output) ?? false
      const result =
        outcome.result.status === 'skipped' && known && outcome.result.officialScore === null
          ? { ...outcome.result, officialScore: 0, allOrNothing: 0 as const }
          : outcome.result
      log.recordTaskResult(runId, { ...result, solvedBy: entry?.task ? solvedBy(entry.task, result.outputs, result.candidates) : null })
      const seconds = (performance.now() - start) / 1000
      durations.push(seconds)
      const remaining = selection.slice(index + 1).filter((id) => !finished.has(id)).length
      emit({
        kind: 'task-finished',
        runId,
        taskId,
        index,
        total,
        status: result.status,
        officialScore: result.officialScore,
        seconds,
        etaSeconds: (remaining * durations.reduce((a, b) => a + b, 0)) / durations.length
      })
    }
  } catch (error) {
    status = error instanceof CancelledError ? 'cancelled' : 'failed'
    log.setRunStatus(runId, status, error instanceof Error ? error.message : String(error))
    emit({ kind: 'run-finished', runId, status })
    if (status === 'failed') throw error
    return
  } finally {
    await arc?.sessions.release()
    await arc?.trainGraphs.release()
    await hf?.release()
  }
  log.setRunStatus(runId, 'completed')
  emit({ kind: 'run-finished', runId, status })
}

/** The ARC transformer's model with its prefill/decode sessions and train graphs for one run. */
function arcTools(model: LoadedModel, runtime: RuntimeOptions) {
  const sessions = new ModelSessions(model.config, model.weights, runtime)
  const trainGraphs = new TrainGraphs(model.config, runtime)
  const tools = {
    model,
    sessions,
    trainGraphs,
    sessionsAndGraphs: { sessions, trainGraphs },
    /** The weights each task starts from: the model's, or its merge with the shared adapter. */
    baseWeights: model.weights,
    async prepareShared(tasks: readonly Task[], config: ExperimentConfig, options: TrainingOptions): Promise<void> {
      const examples = tasks.flatMap((task) => tttExamples(task, config, model.config, deriveSeed(config.seed, task.id, 'ttt-data')))
      tools.baseWeights = (await trainOnExamples(examples, model.config, model.weights, trainGraphs, options)).weights
    }
  }
  return tools
}

/**
 * A model family's part of `ttt.mode=shared` (the ARC transformer's tools above, HfTaskRunner): train
 * one adapter on the tasks' TTT data (each task's drawn with its own seed) with `options`, then run
 * every task from the merged weights.
 */
interface SharedAdapterStep {
  prepareShared(tasks: readonly Task[], config: ExperimentConfig, options: TrainingOptions): Promise<void>
}

/**
 * Shared-adapter ablation: one adapter trained on every selected task's TTT data together, its loss
 * curve logged under phase `shared-adapter`. A resumed run trains it again (the same seeds give the
 * same adapter) and replaces the curve.
 */
async function trainSharedAdapter(
  runId: string,
  request: RunRequest,
  family: SharedAdapterStep,
  selection: readonly string[],
  emit: (e: RunEvent) => void
): Promise<void> {
  const { config, dataset } = request
  emit({ kind: 'phase', runId, taskId: '*', phase: 'shared-adapter' })
  const tasks = selection.flatMap((id) => dataset.entries.find((e) => e.id === id)?.task ?? [])
  const points: { key: string; context: { phase: string }; step: number; value: number }[] = []
  const options = trainingOptions(config, deriveSeed(config.seed, 'shared-adapter'), request.signal, (m) => {
    points.push({ key: 'ttt.loss', context: { phase: 'shared-adapter' }, step: m.step, value: m.loss })
    emit({
      kind: 'step',
      runId,
      taskId: '*',
      step: m.step,
      totalSteps: m.totalSteps,
      loss: m.loss,
      learningRate: m.learningRate,
      tokensPerSecond: m.tokensPerSecond
    })
  })
  // The shared adapter sees every task's data once per epoch, as the per-task adapters see theirs.
  await family.prepareShared(tasks, config, { ...options, mode: 'lora' })
  request.log.clearMetrics(runId, { phase: 'shared-adapter' })
  request.log.recordMetrics(runId, points)
}
