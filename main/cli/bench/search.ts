// `arc-ttt bench search PATH [--depth N] [--seconds S] [--states N] [--limit N] [--workers N] [--list] [--json]`:
// the program search over a dataset: solved test outputs and tasks (pass@2) where the outputs are
// known, tasks/s, states/s, peak memory and the time split by phase (main/cli/bench/search-run.ts).
import { loadDataset, validTasks } from '../../engine/arc'
import { DEFAULT_SEARCH_OPTIONS } from '../../engine/search'
import { parseCommandArgs, type Command } from '../command'
import { formatJson } from '../format-json'
import { formatTable } from '../format-table'
import { integerFlag } from '../integer-flag'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'
import { runSearchBench, type SearchBenchReport } from './search-run'

const defaults = DEFAULT_SEARCH_OPTIONS

function secondsFlag(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) throw new UsageError(`--seconds must be a number > 0, got "${raw}"`)
  return value
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`
}

function reportLines(path: string, report: SearchBenchReport): string[] {
  const o = report.options
  const totalPhase = Object.values(report.phases).reduce((a, b) => a + b, 0)
  return [
    `${report.tasks} tasks (${report.testOutputs} test inputs) of ${path}; depth ${o.depth}, ${o.timeSeconds} s and ` +
      `${o.maxStates} states per test input, ${report.workers} worker thread(s)`,
    `machine: ${report.machine.cpu}, ${report.machine.cores} cores, Node ${report.machine.node}`,
    '',
    report.knownOutputs > 0
      ? `solved (pass@2): ${report.solvedOutputs}/${report.knownOutputs} test outputs ` +
        `(${percent(report.solvedOutputs, report.knownOutputs)}), ` +
        `${report.solvedTasks}/${report.tasks} tasks (${percent(report.solvedTasks, report.tasks)})`
      : 'solved: no test output is known in this dataset',
    `a program explains every demonstration: ${report.explainedOutputs}/${report.testOutputs} test inputs`,
    `wall ${report.wallSeconds.toFixed(1)} s: ${report.tasksPerSecond.toFixed(2)} tasks/s, ` +
      `${Math.round(report.statesPerSecond)} states/s; ` +
      `peak memory ${report.peakRssMb.toFixed(0)} MB`,
    `seconds per task: median ${report.secondsPerTask.median.toFixed(2)}, ` +
      `mean ${report.secondsPerTask.mean.toFixed(2)}, max ${report.secondsPerTask.max.toFixed(2)}`,
    `stopped by: ${Object.entries(report.stoppedBy).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    formatTable(['phase', 'seconds', 'share'], Object.entries(report.phases).map(([p, s]) => [p, s.toFixed(1), percent(s, totalPhase)]))
  ]
}

export const searchBench: Command = {
  name: 'search',
  summary: 'the program search over a dataset: solved outputs and tasks, tasks/s, states/s, memory, time by phase',
  usage: `arc-ttt bench search PATH [--depth N] [--seconds S] [--states N] [--limit N] [--workers N] [--list] [--json]

  PATH         a task file, a folder of task files, or a Kaggle challenges file
  --depth N    search depth (default ${defaults.depth})
  --seconds S  time limit per test input (default ${defaults.timeSeconds})
  --states N   most search states per test input (default ${defaults.maxStates})
  --limit N    only the first N tasks
  --workers N  worker threads (default 2; 1 searches on the main thread)
  --list       one line per test input: solved, states, seconds, best program
  --json       the figures and one row per test input as JSON

Searches every test input with the default options otherwise and prints the test outputs and tasks
solved within two attempts (where the outputs are known), the test inputs with a program that
explains every demonstration, tasks/s, states/s, peak memory and the search time by phase.`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      depth: { type: 'string' },
      seconds: { type: 'string' },
      states: { type: 'string' },
      limit: { type: 'string' },
      workers: { type: 'string' },
      list: { type: 'boolean' },
      json: { type: 'boolean' }
    })
    if (positionals.length !== 1) throw new UsageError('bench search needs exactly one PATH')
    const path = positionals[0]!
    const options = {
      ...defaults,
      depth: integerFlag('--depth', values.depth, defaults.depth, 0),
      timeSeconds: secondsFlag(values.seconds, defaults.timeSeconds),
      maxStates: integerFlag('--states', values.states, defaults.maxStates, 1)
    }
    const limit = integerFlag('--limit', values.limit, Number.MAX_SAFE_INTEGER, 1)
    const workers = integerFlag('--workers', values.workers, 2, 1)
    const tasks = validTasks(await loadDataset(path)).slice(0, limit)
    if (tasks.length === 0) {
      process.stderr.write(`arc-ttt bench search: no valid task in ${path} (arc-ttt validate shows why)\n`)
      return EXIT_FAILURE
    }
    const report = await runSearchBench(tasks, options, workers, (row, done, total) => {
      if (values.list && !values.json) {
        const mark = row.correct === null ? '?' : row.correct ? 'solved' : '-'
        const explained = row.explainedAll ? 'explains-all' : 'partial'
        const figures = `${row.states} states ${row.seconds.toFixed(2)} s ${row.stoppedBy}`
        process.stdout.write(`${row.task}[${row.testIndex}] ${mark} ${figures} ${explained} ${row.program ?? ''}\n`)
      } else if (process.stderr.isTTY) process.stderr.write(`\rbench search: ${done}/${total} test inputs`)
    })
    if (process.stderr.isTTY && !values.list) process.stderr.write('\n')
    process.stdout.write(values.json ? `${formatJson({ path, ...report })}\n` : `${reportLines(path, report).join('\n')}\n`)
    return EXIT_OK
  }
}
