// `arc-ttt demo`: the main job on the bundled defaults. For now it loads the bundled sample tasks,
// validates them and prints a summary table; later it runs test-time training on them.
import { allProblems, loadDataset, summarizeTask } from '../../engine/arc'
import { parseCommandArgs, type Command } from '../command'
import { formatProblem } from '../format-problem'
import { formatTable } from '../format-table'
import { SAMPLE_TASKS_PATH } from '../project-paths'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

export const demoCommand: Command = {
  name: 'demo',
  summary: 'load, validate and summarise the bundled sample tasks',
  usage: `arc-ttt demo [--data PATH]

  --data PATH  a dataset to use instead of the bundled sample tasks`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { data: { type: 'string' } })
    if (positionals.length > 0) throw new UsageError(`demo takes no positional arguments, got ${positionals.join(' ')}`)
    const path = values.data ?? SAMPLE_TASKS_PATH
    const dataset = await loadDataset(path)
    const summaries = dataset.entries.flatMap((e) => (e.task ? [summarizeTask(e.task)] : []))
    process.stdout.write(`Dataset ${path}\nFingerprint ${dataset.fingerprint}\n\n`)
    const rows = summaries.map((s) => [s.id, s.demonstrations, s.testInputs, `${s.largestGrid.height}x${s.largestGrid.width}`, s.tokens])
    process.stdout.write(`${formatTable(['task', 'demos', 'tests', 'largest', 'tokens'], rows)}\n\n`)
    const problems = allProblems(dataset)
    for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`)
    const tokens = summaries.map((s) => s.tokens).sort((a, b) => a - b)
    const median = tokens.length > 0 ? tokens[Math.floor((tokens.length - 1) / 2)] : 0
    process.stdout.write(`${summaries.length} tasks valid, ${dataset.entries.length - summaries.length} invalid; median ${median} tokens per task\n`)
    return problems.length === 0 ? EXIT_OK : EXIT_FAILURE
  }
}
