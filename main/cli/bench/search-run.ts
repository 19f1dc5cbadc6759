// The measurements behind `arc-ttt bench search`: every test input of every task searched (in a pool
// of worker threads, or on this thread), then the figures a tuning run needs: outputs and tasks
// solved within two attempts, outputs with a program that explains every demonstration, throughput,
// peak memory and where the time went.
import { resourceUsage } from 'node:process'
import { gridsEqual } from '../../engine/arc/grid'
import type { Task } from '../../engine/arc/types'
import { machineDescription } from '../../engine/bench/ttt-data-bench'
import { SearchPool, solveTestInput, type SearchOptions, type SearchOutcome } from '../../engine/search'

export interface SearchBenchRow {
  readonly task: string
  readonly testIndex: number
  /** null where the test output is not known. */
  readonly correct: boolean | null
  readonly explainedAll: boolean
  readonly program: string | null
  readonly states: number
  readonly seconds: number
  readonly stoppedBy: string
}

export interface SearchBenchReport {
  readonly machine: ReturnType<typeof machineDescription>
  readonly options: Omit<SearchOptions, 'signal'>
  readonly workers: number
  readonly tasks: number
  readonly testOutputs: number
  /** Test outputs with a known answer, and those matched by one of the two attempts. */
  readonly knownOutputs: number
  readonly solvedOutputs: number
  /** Tasks whose every test output is known and matched within two attempts. */
  readonly solvedTasks: number
  /** Test inputs with at least one program that reproduces every demonstration. */
  readonly explainedOutputs: number
  readonly wallSeconds: number
  readonly tasksPerSecond: number
  readonly statesPerSecond: number
  /** Seconds of search per task (its test inputs added up): median, mean, max. */
  readonly secondsPerTask: { readonly median: number; readonly mean: number; readonly max: number }
  /** Search seconds by phase, summed over all test inputs. */
  readonly phases: Readonly<Record<string, number>>
  readonly stoppedBy: Readonly<Record<string, number>>
  readonly peakRssMb: number
  readonly rows: readonly SearchBenchRow[]
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function row(task: Task, outcome: SearchOutcome): SearchBenchRow {
  const truth = task.test[outcome.testIndex]!.output
  const best = outcome.candidates[0]
  return {
    task: task.id,
    testIndex: outcome.testIndex,
    correct: truth ? outcome.attempts.some((a) => gridsEqual(a, truth)) : null,
    explainedAll: best !== undefined && best.explains === best.demos,
    program: best?.program ?? null,
    states: outcome.stats.states,
    seconds: outcome.stats.seconds,
    stoppedBy: outcome.stats.stoppedBy
  }
}

/** Searches every test input of `tasks`; `onDone` sees each result as it arrives. */
export async function runSearchBench(
  tasks: readonly Task[],
  options: SearchOptions,
  workers: number,
  onDone?: (row: SearchBenchRow, done: number, total: number) => void
): Promise<SearchBenchReport> {
  const start = performance.now()
  const jobs = tasks.flatMap((task) => task.test.map((_, testIndex) => ({ task, testIndex })))
  const outcomes: SearchOutcome[] = new Array(jobs.length)
  const rows: SearchBenchRow[] = new Array(jobs.length)
  let done = 0
  const finish = (j: number, outcome: SearchOutcome) => {
    outcomes[j] = outcome
    rows[j] = row(jobs[j]!.task, outcome)
    onDone?.(rows[j]!, ++done, jobs.length)
  }
  const pool = workers > 1 ? SearchPool.start(workers) : null
  if (pool) {
    try {
      await Promise.all(jobs.map((job, j) => pool.solve(job.task, job.testIndex, options).then((o) => finish(j, o))))
    } finally {
      await pool.close()
    }
  } else {
    jobs.forEach((job, j) => finish(j, solveTestInput(job.task, job.testIndex, options)))
  }
  const wallSeconds = (performance.now() - start) / 1000

  const phases: Record<string, number> = {}
  const stoppedBy: Record<string, number> = {}
  const perTask = new Map<string, number>()
  let states = 0
  for (const outcome of outcomes) {
    for (const [phase, seconds] of Object.entries(outcome.stats.phases)) phases[phase] = (phases[phase] ?? 0) + seconds
    stoppedBy[outcome.stats.stoppedBy] = (stoppedBy[outcome.stats.stoppedBy] ?? 0) + 1
    states += outcome.stats.states
  }
  for (const r of rows) perTask.set(r.task, (perTask.get(r.task) ?? 0) + r.seconds)
  const known = rows.filter((r) => r.correct !== null)
  const solvedTasks = tasks.filter((task) => {
    const own = rows.filter((r) => r.task === task.id)
    return own.length > 0 && own.every((r) => r.correct === true)
  }).length
  const taskSeconds = [...perTask.values()]
  const { signal: _signal, ...plainOptions } = options
  return {
    machine: machineDescription(),
    options: plainOptions,
    workers: pool ? workers : 1,
    tasks: tasks.length,
    testOutputs: rows.length,
    knownOutputs: known.length,
    solvedOutputs: known.filter((r) => r.correct).length,
    solvedTasks,
    explainedOutputs: rows.filter((r) => r.explainedAll).length,
    wallSeconds,
    tasksPerSecond: tasks.length / wallSeconds,
    statesPerSecond: states / wallSeconds,
    secondsPerTask: {
      median: median(taskSeconds),
      mean: taskSeconds.reduce((a, b) => a + b, 0) / Math.max(1, taskSeconds.length),
      max: Math.max(0, ...taskSeconds)
    },
    phases,
    stoppedBy,
    // maxRSS is in kilobytes; worker threads share the process, so this covers them.
    peakRssMb: resourceUsage().maxRSS / 1024,
    rows
  }
}
