// `arc-ttt validate PATH... [--json] [--solutions FILE]`: one line per problem, then a summary.
import { allProblems } from '../../engine/arc'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatProblem } from '../format-problem'
import { openDataset } from '../open-dataset'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check task files, folders or Kaggle files and report every problem',
  usage: `arc-ttt validate PATH... [--json] [--solutions FILE]

  PATH              a task file, a folder of task files (searched recursively),
                    or a Kaggle challenges file (its solutions file is found beside it)
  --solutions FILE  the Kaggle solutions file, when it is not beside the challenges file
  --json            print one JSON object on stdout instead of text

Exit status: 0 when every task is valid, 1 when any problem was found, 2 on a usage error.`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('json?', 'solutions'))
    if (positionals.length === 0) throw new UsageError('validate needs at least one PATH')
    if (values.solutions !== undefined && positionals.length !== 1) throw new UsageError('--solutions goes with exactly one PATH')
    const datasets = []
    for (const path of positionals) {
      datasets.push(await openDataset(path, values.solutions === undefined ? {} : { solutions: values.solutions }))
    }
    const problems = datasets.flatMap(allProblems)
    const valid = datasets.reduce((n, d) => n + d.entries.filter((e) => e.task).length, 0)
    const invalid = datasets.reduce((n, d) => n + d.entries.filter((e) => !e.task).length, 0)
    if (values.json) {
      const perDataset = datasets.map((d) => ({
        path: d.path,
        fingerprint: d.fingerprint,
        valid: d.entries.filter((e) => e.task).length,
        invalid: d.entries.filter((e) => !e.task).length,
        problems: allProblems(d)
      }))
      process.stdout.write(`${JSON.stringify({ valid, invalid, problems: problems.length, datasets: perDataset }, null, 2)}\n`)
    } else {
      for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`)
      process.stdout.write(`${valid} tasks valid, ${invalid} invalid\n`)
    }
    return problems.length === 0 ? EXIT_OK : EXIT_FAILURE
  }
}
