// `arc-ttt score --data PATH --submission FILE [--solutions FILE] [--json]`: scores a submission in both
// conventions of recipe section 9 over the tasks of PATH that have test outputs.
import { allProblems, loadDataset, validTasks, type Dataset } from '../../engine/arc'
import { readSubmissionFile, scoreSubmission, type DatasetScore } from '../../engine/scoring'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatProblem } from '../format-problem'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

/** A fraction as a percentage with two decimals: 0.375 -> "37.50". */
export function formatPercent(fraction: number): string {
  return (fraction * 100).toFixed(2)
}

/**
 * A (possibly fractional) number of tasks: at most two decimals, trailing zeros dropped, so whole
 * counts read as counts: 12.5 -> "12.5", 3 -> "3", 1/3 -> "0.33".
 */
export function formatTaskCount(count: number): string {
  return String(Number(count.toFixed(2)))
}

export function scoreLines(score: DatasetScore): [string, string] {
  const tasks = score.taskCount
  return [
    `official: ${formatPercent(score.official)}% (${formatTaskCount(score.officialSolved)}/${tasks} tasks)`,
    `all-or-nothing: ${formatPercent(score.allOrNothing)}% (${score.allOrNothingSolved}/${tasks} tasks)`
  ]
}

function fail(json: boolean, lines: readonly string[], payload: object): number {
  if (json) process.stdout.write(`${JSON.stringify({ ok: false, ...payload }, null, 2)}\n`)
  else for (const line of lines) process.stderr.write(`${line}\n`)
  return EXIT_FAILURE
}

export const scoreCommand: Command = {
  name: 'score',
  summary: 'score a submission file against tasks with known test outputs',
  usage: `arc-ttt score --data PATH --submission FILE [--solutions FILE] [--json]

  --data PATH        the tasks: a task file, a folder of task files, or a Kaggle challenges file
  --submission FILE  {task_id: [{"attempt_1": grid, "attempt_2": grid}, ...]}, one entry per test input
  --solutions FILE   the Kaggle solutions file, when it is not beside the challenges file
  --json             print per-task and per-output results and the totals as JSON on stdout

Prints two lines over the tasks of PATH that have test outputs:
  official: X.XX% (a/b tasks)        a = sum of per-task fractions of test outputs solved (e.g. 12.5)
  all-or-nothing: Y.YY% (c/b tasks)  c = tasks with every test output solved
A test output is solved when attempt_1 or attempt_2 matches it exactly. Tasks missing from the
submission count as unsolved and are listed on stderr; submission tasks not in PATH are ignored.

Exit status: 0 when scored, 1 when the submission or the data cannot be used, 2 on a usage error.`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('data', 'submission', 'solutions', 'json?'))
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}": give the files with --data and --submission`)
    if (values.data === undefined) throw new UsageError('--data PATH is required')
    if (values.submission === undefined) throw new UsageError('--submission FILE is required')
    const json = values.json === true
    const where = { data: values.data, submission: values.submission }

    const dataset = await loadDataset(values.data, values.solutions === undefined ? {} : { solutions: values.solutions })
    const tasks = validTasks(dataset)
    if (tasks.length === 0) {
      const problems = allProblems(dataset)
      return fail(json, [...problems.map(formatProblem), `arc-ttt score: no valid task in ${values.data}`], { ...where, problems })
    }
    const read = await readSubmissionFile(values.submission, tasks)
    if (!read.submission) {
      const summary = `arc-ttt score: the submission has ${read.problems.length} problem(s); nothing was scored`
      return fail(json, [...read.problems.map(formatProblem), summary], { ...where, problems: read.problems })
    }
    const score = scoreSubmission(tasks, read.submission)
    if (score.taskCount === 0) {
      const reason = `arc-ttt score: no task in ${values.data} has test outputs to score against (a Kaggle solutions file goes beside its challenges file, or with --solutions)`
      return fail(json, [reason], { ...where, problems: [] })
    }

    if (json) {
      const unknownTaskIds = read.warnings.map((w) => w.taskId)
      const invalidTaskIds = invalidTasks(dataset)
      process.stdout.write(`${JSON.stringify({ ok: true, ...where, ...score, unknownTaskIds, invalidTaskIds }, null, 2)}\n`)
      return EXIT_OK
    }
    for (const line of scoreLines(score)) process.stdout.write(`${line}\n`)
    writeNotes(score, dataset, read.warnings.map((w) => w.taskId))
    return EXIT_OK
  }
}

function invalidTasks(dataset: Dataset): string[] {
  return dataset.entries.filter((entry) => !entry.task).map((entry) => entry.id)
}

/** Everything besides the two score lines goes to stderr, so stdout stays exactly the score. */
function writeNotes(score: DatasetScore, dataset: Dataset, unknownTaskIds: readonly string[]): void {
  const note = (line: string): void => {
    process.stderr.write(`${line}\n`)
  }
  if (score.missingTaskIds.length > 0) {
    note(`${score.missingTaskIds.length} task(s) missing from the submission, scored as unsolved:`)
    for (const id of score.missingTaskIds) note(`  ${id}`)
  }
  const invalid = invalidTasks(dataset)
  if (invalid.length > 0) note(`warning: ${invalid.length} invalid task(s) in ${dataset.path} not scored (arc-ttt validate shows why): ${invalid.join(', ')}`)
  if (score.unscoredTaskIds.length > 0) note(`note: ${score.unscoredTaskIds.length} task(s) without test outputs not scored: ${score.unscoredTaskIds.join(', ')}`)
  if (unknownTaskIds.length > 0) note(`warning: ${unknownTaskIds.length} submission task(s) not in the data, ignored: ${unknownTaskIds.join(', ')}`)
}
