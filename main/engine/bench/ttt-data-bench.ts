// Timing the TTT data builder over a dataset and describing how many examples each task gets:
// the leave-one-out examples before any top-up (the recipe's "about 96 per task at the median" on
// ARC-AGI-1 evaluation, section 3) and the final examples after the cap and top-up.
import { cpus } from 'node:os'
import type { Task } from '../arc/types'
import { buildTttData, distributionOf, resolveTttDataOptions, type LengthDistribution, type TttDataOptions } from '../ttt/data'

export interface TttDataBenchTask {
  readonly id: string
  readonly demonstrations: number
  readonly milliseconds: number
  /** Distinct leave-one-out examples, before the context drop. */
  readonly leaveOneOutDistinct: number
  /** Distinct leave-one-out examples that fit the context: what the cap sees before any top-up. */
  readonly leaveOneOut: number
  /** Examples after the cap and the leave-two-out top-up. */
  readonly final: number
  readonly toppedUp: number
}

export interface TttDataBenchReport {
  readonly machine: { readonly cpu: string; readonly cores: number; readonly node: string }
  readonly options: TttDataOptions
  readonly tasks: number
  readonly totalSeconds: number
  readonly perTaskMilliseconds: LengthDistribution
  readonly leaveOneOutDistinct: LengthDistribution
  readonly leaveOneOut: LengthDistribution
  readonly final: LengthDistribution
  readonly tasksAtCap: number
  readonly tasksToppedUp: number
  readonly tasksWithoutExamples: number
  readonly perTask: readonly TttDataBenchTask[]
}

const EMPTY: LengthDistribution = { min: 0, median: 0, mean: 0, max: 0 }

export function machineDescription(): TttDataBenchReport['machine'] {
  const all = cpus()
  return { cpu: all[0]?.model.trim() ?? 'unknown', cores: all.length, node: process.version }
}

/** Builds the TTT data of every task once, timing each build; `onProgress` after each task. */
export function runTttDataBench(
  tasks: readonly Task[],
  options: Partial<TttDataOptions> = {},
  onProgress?: (done: number, total: number) => void
): TttDataBenchReport {
  const resolved = resolveTttDataOptions(options)
  const perTask: TttDataBenchTask[] = []
  const started = performance.now()
  for (const task of tasks) {
    const before = performance.now()
    const { stats } = buildTttData(task, resolved)
    const milliseconds = performance.now() - before
    const leaveOneOut = stats.perSource['leave-one-out']
    perTask.push({
      id: task.id,
      demonstrations: task.train.length,
      milliseconds,
      leaveOneOutDistinct: leaveOneOut?.afterDedup ?? 0,
      leaveOneOut: leaveOneOut?.available ?? 0,
      final: stats.examples,
      toppedUp: stats.perSource['leave-two-out']?.selected ?? 0
    })
    onProgress?.(perTask.length, tasks.length)
  }
  const totalSeconds = (performance.now() - started) / 1000
  const of = (pick: (t: TttDataBenchTask) => number): LengthDistribution => distributionOf(perTask.map(pick)) ?? EMPTY
  return {
    machine: machineDescription(),
    options: resolved,
    tasks: tasks.length,
    totalSeconds,
    perTaskMilliseconds: of((t) => t.milliseconds),
    leaveOneOutDistinct: of((t) => t.leaveOneOutDistinct),
    leaveOneOut: of((t) => t.leaveOneOut),
    final: of((t) => t.final),
    tasksAtCap: perTask.filter((t) => t.final >= resolved.cap).length,
    tasksToppedUp: perTask.filter((t) => t.toppedUp > 0).length,
    tasksWithoutExamples: perTask.filter((t) => t.final === 0).length,
    perTask
  }
}
