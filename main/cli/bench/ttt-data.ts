// `arc-ttt bench ttt-data PATH [--seed N] [--cap N] [--context N] [--json]`: time to build the TTT
// data of every task of a dataset, and the examples per task (main/engine/bench/ttt-data-bench.ts).
import { loadDataset, validTasks } from '../../engine/arc'
import { runTttDataBench, type TttDataBenchReport } from '../../engine/bench/ttt-data-bench'
import { DEFAULT_TTT_DATA_OPTIONS, type LengthDistribution } from '../../engine/ttt/data'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatJson } from '../format-json'
import { formatTable } from '../format-table'
import { integerFlag } from '../integer-flag'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

const defaults = DEFAULT_TTT_DATA_OPTIONS

function row(name: string, d: LengthDistribution, digits = 0): (string | number)[] {
  const f = (x: number): string => x.toFixed(digits)
  // The median of an even number of counts can end in .5: show it rather than round it away.
  const median = Number.isInteger(d.median) ? f(d.median) : d.median.toFixed(Math.max(1, digits))
  return [name, f(d.min), median, d.mean.toFixed(1), f(d.max)]
}

function reportLines(path: string, report: TttDataBenchReport): string[] {
  const { machine, options } = report
  return [
    `${report.tasks} tasks of ${path}; seed ${options.seed}, cap ${options.cap}, context ${options.maxTokens}` +
      (options.leaveTwoOutTopUp ? '' : ', no leave-two-out top-up'),
    `machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`,
    `total ${report.totalSeconds.toFixed(2)} s, ${((report.totalSeconds * 1000) / Math.max(1, report.tasks)).toFixed(1)} ms per task on average`,
    '',
    formatTable(
      ['per task', 'min', 'median', 'mean', 'max'],
      [
        row('build time (ms)', report.perTaskMilliseconds, 1),
        row('leave-one-out, distinct', report.leaveOneOutDistinct),
        row('leave-one-out, fitting context (before top-up)', report.leaveOneOut),
        row(`final, after cap ${options.cap}${options.leaveTwoOutTopUp ? ' and top-up' : ''}`, report.final)
      ]
    ),
    '',
    `tasks at the cap: ${report.tasksAtCap}; topped up with leave-two-out: ${report.tasksToppedUp}; without any example: ${report.tasksWithoutExamples}`
  ]
}

export const tttDataBench: Command = {
  name: 'ttt-data',
  summary: 'time the TTT data builder over a dataset; examples per task before and after the cap',
  usage: `arc-ttt bench ttt-data PATH [--seed N] [--cap N] [--context N] [--leave-one-out-only] [--json]

  PATH                  a task file, a folder of task files, or a Kaggle challenges file
  --seed N              seed (default ${defaults.seed})
  --cap N               examples per task (default ${defaults.cap})
  --context N           context length in tokens (default ${defaults.maxTokens})
  --leave-one-out-only  no leave-two-out top-up (to time leave-one-out alone)
  --json                the figures and one row per task as JSON

Builds every task's TTT data once with the default options otherwise, one task after another on
one thread, and prints the total and per-task time and the distribution (min/median/mean/max) of
examples per task: leave-one-out before the top-up, and final after the cap and the top-up.`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('seed', 'cap', 'context', 'leave-one-out-only?', 'json?'))
    if (positionals.length !== 1) throw new UsageError('bench ttt-data needs exactly one PATH')
    const path = positionals[0]!
    const options = {
      seed: integerFlag('--seed', values.seed, defaults.seed),
      cap: integerFlag('--cap', values.cap, defaults.cap, 1),
      maxTokens: integerFlag('--context', values.context, defaults.maxTokens, 1),
      leaveTwoOutTopUp: values['leave-one-out-only'] !== true
    }
    const tasks = validTasks(await loadDataset(path))
    if (tasks.length === 0) {
      process.stderr.write(`arc-ttt bench ttt-data: no valid task in ${path} (arc-ttt validate shows why)\n`)
      return EXIT_FAILURE
    }
    const progress = process.stderr.isTTY ? (done: number, total: number) => process.stderr.write(`\rbench ttt-data: ${done}/${total} tasks`) : undefined
    const report = runTttDataBench(tasks, options, progress)
    if (progress) process.stderr.write('\n')
    process.stdout.write(values.json ? `${formatJson({ path, ...report })}\n` : `${reportLines(path, report).join('\n')}\n`)
    return EXIT_OK
  }
}
