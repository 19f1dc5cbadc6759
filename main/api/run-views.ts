// The read-only views over the experiment log that combine several sources: a comparison of runs
// (summaries, config differences, the tasks x runs matrix, difficulty levels, near misses), one task across
// runs (truth, results, loss curves) and a preview of a task's TTT training data.
import { runNearMisses, type NearMissSummary, type TruthGrids } from '../engine/analysis/near-misses'
import type { Dataset } from '../engine/arc'
import { readTaskLevels } from '../engine/arc/task-lists'
import type { Task } from '../engine/arc/types'
import { resolveConfig } from '../engine/experiment/config'
import { tttDataOptions } from '../engine/experiment/task-run'
import type { ArcModelConfig } from '../engine/model/config'
import { createRng, deriveSeed } from '../engine/random'
import type { ExperimentLog, RunRecord, RunSummary } from '../engine/store'
import { buildTttData, encodeTttExample } from '../engine/ttt/data'
import { ApiFailure } from './api-failure'
import type { CompareView, TaskAcrossRunsView, TttExampleView, TttPreviewView } from './runs-contract'

/** The metric the runner records per TTT step, and the context it records it under. */
export const TTT_LOSS_KEY = 'ttt.loss'
export const TTT_PHASE = 'ttt'

/** A run record without its config, params and provenance: one row of the runs table. */
export function summaryOf(record: RunRecord): RunSummary {
  const { config: _config, params: _params, modelHash: _hash, datasetPath: _path, host: _host, ...rest } = record
  const { workbenchVersion: _version, gitRevision: _git, artifactCount: _artifacts, metricKeyCount: _metrics, ...summary } = rest
  return summary
}

/** The comparison as the log has it; levels come from the datasets' files (compareLevels). */
export function compareView(
  log: ExperimentLog,
  runIds: readonly string[]
): { view: Omit<CompareView, 'levels' | 'nearMisses'>; datasetPaths: string[]; runDatasetPaths: string[] } {
  const records = runIds.map((id) => log.getRun(id))
  return {
    view: { runs: records.map(summaryOf), differences: log.paramDifferences(runIds), outcomes: log.taskOutcomes(runIds) },
    datasetPaths: [...new Set(records.map((r) => r.datasetPath))],
    runDatasetPaths: records.map((r) => r.datasetPath)
  }
}

/** Each run's near misses against its dataset's truth; null where that dataset could not be read. */
export function compareNearMisses(
  log: ExperimentLog,
  runIds: readonly string[],
  runDatasetPaths: readonly string[],
  truths: ReadonlyMap<string, TruthGrids | null>
): (NearMissSummary | null)[] {
  return runIds.map((runId, i) => {
    const truth = truths.get(runDatasetPaths[i]!)
    return truth ? runNearMisses(log.taskResults(runId), truth) : null
  })
}

/** Task id -> level from the levels files next to the runs' datasets; the first dataset wins a conflict. */
export async function compareLevels(datasetPaths: readonly string[]): Promise<Record<string, string>> {
  const levels: Record<string, string> = {}
  for (const datasetPath of datasetPaths) {
    for (const [taskId, level] of Object.entries(await readTaskLevels(datasetPath))) levels[taskId] ??= level
  }
  return levels
}

function findTask(dataset: Dataset, taskId: string): { task?: Task } {
  const entry = dataset.entries.find((e) => e.id === taskId)
  if (!entry) throw new ApiFailure('not-found', `task "${taskId}" is not in ${dataset.path}`)
  return entry.task ? { task: entry.task } : {}
}

export function taskAcrossRuns(log: ExperimentLog, dataset: Dataset, taskId: string, runIds: readonly string[]): TaskAcrossRunsView {
  const { task } = findTask(dataset, taskId)
  return {
    taskId,
    truth: task ? task.test.map((pair) => pair.output ?? null) : [],
    runs: runIds.map((runId) => ({
      runId,
      result: log.taskResult(runId, taskId) ?? null,
      loss: log.metricSeries(runId, TTT_LOSS_KEY, { taskId, phase: TTT_PHASE })
    }))
  }
}

/**
 * A seeded sample of the task's TTT examples as the preset builds them (the runner's own options
 * and seed), each with its grids and whether each output is in the loss.
 */
export function tttPreview(dataset: Dataset, taskId: string, preset: string, count: number, model: ArcModelConfig): TttPreviewView {
  const { task } = findTask(dataset, taskId)
  if (!task) {
    throw new ApiFailure('bad-request', `task "${taskId}" is invalid, so it has no TTT data; its problems are listed in the task view`)
  }
  const config = resolveConfig(preset)
  const options = tttDataOptions(config, model, deriveSeed(config.seed, task.id, 'ttt-data'))
  const { examples } = buildTttData(task, options)
  const sample = createRng(deriveSeed(config.seed, task.id, 'ttt-preview')).shuffle(examples).slice(0, count)
  const views = sample.map((example): TttExampleView => {
    const encoded = encodeTttExample(example, config.data.lossMask)
    const pairs = [...example.demonstrations, example.test]
    return {
      augmentation: example.id,
      tokens: encoded.sequence.length,
      pairs: pairs.map((pair, index) => {
        const span = encoded.sequence.grids.find((g) => g.kind === 'output' && g.exampleIndex === index)
        return { input: pair.input, output: pair.output, inLoss: span !== undefined && encoded.lossMask[span.start + 1] === 1 }
      })
    }
  })
  return { taskId, total: examples.length, examples: views }
}
