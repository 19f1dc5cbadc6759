// `arc-ttt runs export RUN_ID --format submission|csv|json [--out FILE]`: a run's results as a file
// (recorded as an artifact of the run) or on stdout.
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { writeSubmissionFile } from '../../engine/scoring'
import { runSubmission } from '../../engine/scoring/run-export'
import type { ArtifactKind, ExperimentLog } from '../../engine/store'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { choiceFlag } from '../integer-flag'
import { EXIT_OK, UsageError } from '../usage-error'
import { EXPORT_FORMATS, exportText, type ExportFormat } from './export-formats'
import { RunsFailure, databasePath, withLog } from './open-log'
import { runReport, type RunReport } from './run-report'

const ARTIFACT_KIND: Readonly<Record<ExportFormat, ArtifactKind>> = { submission: 'submission', csv: 'export', json: 'export' }

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Writes the export to `file`, records it as an artifact of the run, and says so on stderr. */
async function exportToFile(log: ExperimentLog, report: RunReport, format: ExportFormat, file: string): Promise<void> {
  try {
    if (format === 'submission') await writeSubmissionFile(file, runSubmission(report).submission)
    else await writeFile(file, exportText(report, format).text, 'utf8')
  } catch (error) {
    throw new RunsFailure(`cannot write ${file}: ${describe(error)}`)
  }
  const bytes = await readFile(file)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const kind = ARTIFACT_KIND[format]
  log.addArtifact(report.run.id, { kind, path: file, bytes: bytes.length, sha256 })
  process.stderr.write(`wrote ${file} (${bytes.length} bytes), recorded as an artifact of run ${report.run.id} (kind ${kind})\n`)
}

export const exportRunCommand: Command = {
  name: 'export',
  summary: 'a run as a submission file, a CSV of its tasks, or JSON',
  usage: `arc-ttt runs export RUN_ID --format submission|csv|json [--out FILE] [--db FILE]

  --format submission  {task_id: [{"attempt_1": grid, "attempt_2": grid}, ...]}: one entry per test
                       input, in order, [[0]] where there is no answer; a task whose number of test
                       inputs is unknown (skipped with no output recorded, or never reached) is left
                       out and named on stderr
  --format csv         one row per task: task_id, status, reason, official, all_or_nothing, ttt_steps,
                       final_loss, total_seconds, then <phase>_seconds per timed phase (empty = none)
  --format json        everything, as \`arc-ttt runs show RUN_ID --json\` prints it
  --out FILE           write FILE instead of stdout, and record it as an artifact of the run
                       (kind 'submission' or 'export', with its size and sha256)`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('db', 'format', 'out'))
    if (positionals.length !== 1) throw new UsageError('runs export needs exactly one RUN_ID (`arc-ttt runs list` shows them)')
    if (values.format === undefined) throw new UsageError(`--format is required: one of ${EXPORT_FORMATS.join(', ')}`)
    const format = choiceFlag('--format', values.format, EXPORT_FORMATS, 'json')
    if (values.out === '') throw new UsageError('--out needs a file name')
    const out = values.out === undefined ? undefined : resolve(values.out)
    const runId = positionals[0]!
    await withLog(databasePath(values.db), { writable: out !== undefined }, async (log) => {
      const report = runReport(log, runId)
      const { text, omitted } = exportText(report, format)
      for (const { taskId, why } of omitted) process.stderr.write(`note: task ${taskId} left out of the submission: ${why}\n`)
      if (out === undefined) process.stdout.write(text)
      else await exportToFile(log, report, format, out)
    })
    return EXIT_OK
  }
}
