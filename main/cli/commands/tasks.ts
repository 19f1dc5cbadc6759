// `arc-ttt tasks PATH [--json]`: one line per task with its sizes and compact-encoding length.
import { summarizeTask } from '../../engine/arc'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatProblem } from '../format-problem'
import { formatTable } from '../format-table'
import { openDataset } from '../open-dataset'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

export const tasksCommand: Command = {
  name: 'tasks',
  summary: 'list the tasks of a dataset with their sizes and token lengths',
  usage: `arc-ttt tasks PATH [--json]

  PATH    a task file, a folder of task files, or a Kaggle challenges file
  --json  print a JSON list on stdout instead of a table

Columns: id, demonstrations, test inputs, largest grid (rows x columns), and the task's length
in tokens of the compact encoding (one token per cell, one per row end, a role marker and an
end marker per grid). Invalid tasks are listed with their problems on stderr.`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('json?'))
    if (positionals.length !== 1) throw new UsageError('tasks needs exactly one PATH')
    const dataset = await openDataset(positionals[0]!)
    const rows = dataset.entries.map((entry) => ({ entry, summary: entry.task ? summarizeTask(entry.task) : undefined }))
    if (values.json) {
      const list = rows.map(({ entry, summary }) => (summary ? { ...summary, file: entry.file, valid: true } : { id: entry.id, file: entry.file, valid: false, problems: entry.problems }))
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`)
    } else {
      const table = rows.map(({ entry, summary }) =>
        summary
          ? [summary.id, summary.demonstrations, summary.testInputs, `${summary.largestGrid.height}x${summary.largestGrid.width}`, summary.tokens]
          : [entry.id, '-', '-', 'invalid', '-']
      )
      process.stdout.write(`${formatTable(['task', 'demos', 'tests', 'largest', 'tokens'], table)}\n`)
    }
    const problems = [...dataset.problems, ...dataset.entries.flatMap((e) => e.problems)]
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`)
    return problems.length === 0 ? EXIT_OK : EXIT_FAILURE
  }
}
