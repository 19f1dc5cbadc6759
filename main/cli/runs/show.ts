// `arc-ttt runs show RUN_ID`: every recorded field of one run, as text or as one JSON object.
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatJson } from '../format-json'
import { EXIT_OK, UsageError } from '../usage-error'
import { databasePath, withLog } from './open-log'
import { runReport } from './run-report'
import { formatRunReport } from './show-text'

export const showRunCommand: Command = {
  name: 'show',
  summary: 'every recorded field of one run, and one row per task',
  usage: `arc-ttt runs show RUN_ID [--db FILE] [--json]

  --json  print {"run", "taskSelection", "metricSummaries", "artifacts", "taskResults"} on stdout:
          the run record (with its config and flattened params) and every task result with its
          attempts, correctness per test output, provenance and candidates

Sections: the run's identity and status, model, data, provider and machine, the results in both
conventions, the params, the task selection, metric summaries, artifacts, and one row per task
(status and reason, scores, TTT steps, final loss, seconds per phase, correct per test output).`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('db', 'json?'))
    if (positionals.length !== 1) throw new UsageError('runs show needs exactly one RUN_ID (`arc-ttt runs list` shows them)')
    const report = await withLog(databasePath(values.db), {}, (log) => runReport(log, positionals[0]!))
    process.stdout.write(`${values.json ? formatJson(report) : formatRunReport(report)}\n`)
    return EXIT_OK
  }
}
