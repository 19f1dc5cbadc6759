// `arc-ttt bench ttt`: seconds of test-time training and of augmented inference per task, training
// tokens per second and peak memory, with a given config and model, on a fixed set of tasks.
import type { Task } from '../arc/types'
import { compactTaskLength } from '../arc/summary'
import type { ExperimentConfig } from '../experiment/config'
import { runTask } from '../experiment/task-run'
import { ModelSessions } from '../inference/model-sessions'
import type { LoadedModel } from '../model/model-files'
import type { RuntimeOptions } from '../runtime/session'
import { TrainGraphs } from '../ttt/adapt/train-graphs'

export interface TttBenchTask {
  readonly taskId: string
  readonly tokens: number
  readonly tttSeconds: number
  readonly inferenceSeconds: number
  readonly steps: number
  readonly trainingTokens: number
  readonly officialScore: number | null
}

export interface TttBenchReport {
  readonly modelId: string
  readonly provider: string
  readonly tasks: readonly TttBenchTask[]
  readonly tttSecondsPerTask: number
  readonly inferenceSecondsPerTask: number
  /** Training tokens (padded batch x bucket) per second of TTT. */
  readonly tokensPerSecond: number
  readonly peakRssMb: number
}

export async function runTttBench(
  tasks: readonly Task[],
  config: ExperimentConfig,
  model: LoadedModel,
  runtime: RuntimeOptions,
  onProgress: (message: string) => void = () => undefined
): Promise<TttBenchReport> {
  const sessions = new ModelSessions(model.config, model.weights, runtime)
  const trainGraphs = new TrainGraphs(model.config, runtime)
  const rows: TttBenchTask[] = []
  try {
    for (const task of tasks) {
      onProgress(`${task.id} (${compactTaskLength(task)} tokens)...`)
      let trainingTokens = 0
      let steps = 0
      const { result } = await runTask(task, {
        config,
        model: model.config,
        baseWeights: model.weights,
        sessions,
        trainGraphs,
        onPhase: () => undefined,
        onStep: (m) => {
          steps = m.step
          trainingTokens += m.tokens
        }
      })
      const t = result.timings
      rows.push({
        taskId: task.id,
        tokens: compactTaskLength(task),
        tttSeconds: (t['ttt-data'] ?? 0) + (t.ttt ?? 0),
        inferenceSeconds: t.inference ?? 0,
        steps,
        trainingTokens,
        officialScore: result.officialScore
      })
    }
  } finally {
    await sessions.release()
    await trainGraphs.release()
  }
  const mean = (f: (r: TttBenchTask) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length
  const tttSeconds = rows.reduce((s, r) => s + r.tttSeconds, 0)
  return {
    modelId: model.id,
    provider: runtime.provider ?? 'cpu',
    tasks: rows,
    tttSecondsPerTask: mean((r) => r.tttSeconds),
    inferenceSecondsPerTask: mean((r) => r.inferenceSeconds),
    tokensPerSecond: rows.reduce((s, r) => s + r.trainingTokens, 0) / tttSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024
  }
}
