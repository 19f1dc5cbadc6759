// `arc-ttt demo`: the main job on the bundled defaults: the ensemble of the program search and the
// full TTT method (per-task training, augmented inference, voting) on the bundled sample tasks with the
// bundled model, logged to the experiment database, then a results table that says which solver answered.
import { allProblems, loadDataset } from '../../engine/arc'
import { resolveConfig } from '../../engine/experiment/config'
import { startRun } from '../../engine/experiment/runner'
import { chooseModel } from '../../engine/model/model-choice'
import { ExperimentLog, RUN_BUSY_TIMEOUT_MS, type TaskResultRecord } from '../../engine/store'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { defaultDatabasePath } from '../../services/default-db'
import { formatProblem } from '../format-problem'
import { formatTable } from '../format-table'
import { BUNDLED_MODELS_DIR, SAMPLE_TASKS_PATH } from '../project-paths'
import { progressPrinter } from '../run-progress'
import { formatRunSummary, summarizeRun } from '../run-summary'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

/**
 * A smaller budget than the paper's, so the demo finishes in a few minutes on two CPU cores: 32 TTT
 * examples per task, and outputs of at most 200 tokens (the bundled tasks' outputs are at most
 * 12x12, 157 tokens; an untrained model rarely stops by itself).
 */
export const DEMO_OVERRIDES = { solver: 'ensemble', 'data.cap': 32, 'inference.maxNewTokens': 200 }

/** The program behind a task's first attempt, where the search gave it. */
function firstProgram(result: TaskResultRecord): string {
  const attempt = (result.outputs[0]?.provenance as { attempts?: { program?: string | null }[] } | null)?.attempts?.[0]
  return attempt?.program ?? '-'
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the program search and TTT together on the bundled sample tasks and print the results',
  usage: `arc-ttt demo [--data PATH] [--db FILE]

  --data PATH  a dataset to use instead of the bundled sample tasks
  --db FILE    experiment log (default ${defaultDatabasePath()})

Validates the tasks, then runs the ensemble (preset ensemble, ensemble.rule=search-first-split: the program
search first; where no program explains every demonstration, its best partial answer, then the first attempt
of TTT with the bundled model), with data.cap=${DEMO_OVERRIDES['data.cap']}
and inference.maxNewTokens=200 to keep it short; while no trained model is bundled, TTT is preset full-ft from the
initial weights (a LoRA adapter on an untrained model cannot learn: its output layer is random and frozen).`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('data', 'db'))
    if (positionals.length > 0) throw new UsageError(`demo takes no positional arguments, got ${positionals.join(' ')}`)
    const path = values.data ?? SAMPLE_TASKS_PATH
    const dataset = await loadDataset(path)
    const problems = allProblems(dataset)
    for (const problem of problems) process.stdout.write(`${formatProblem(problem)}\n`)
    const valid = dataset.entries.filter((e) => e.task)
    process.stdout.write(`${valid.length} tasks valid, ${dataset.entries.length - valid.length} invalid (${path}, fingerprint ${dataset.fingerprint.slice(0, 12)})\n`)
    if (valid.length === 0) return EXIT_FAILURE
    const { model, notice } = await chooseModel(BUNDLED_MODELS_DIR, undefined)
    const preset = notice ? 'full-ft' : 'ensemble'
    if (notice) process.stdout.write(`note: ${notice}; using preset full-ft\n`)
    const log = ExperimentLog.open(values.db ?? defaultDatabasePath(), { busyTimeoutMs: RUN_BUSY_TIMEOUT_MS })
    try {
      const runId = await startRun({
        dataset,
        taskIds: valid.map((e) => e.id),
        preset,
        config: resolveConfig(preset, DEMO_OVERRIDES),
        model,
        runtime: {},
        log,
        name: `demo (${preset})`,
        tags: ['demo'],
        onEvent: progressPrinter()
      })
      const rows = log.taskResults(runId).map((r) => [
        r.taskId,
        r.status === 'skipped' ? `skipped: ${r.reason}` : r.allOrNothing === 1 ? 'solved' : r.officialScore ? `${Math.round(r.officialScore * 100)}%` : 'not solved',
        r.solvedBy ?? '-',
        firstProgram(r),
        r.tttSteps,
        r.finalLoss === null ? '-' : r.finalLoss.toFixed(3),
        r.totalSeconds.toFixed(1)
      ])
      const header = ['task', 'result', 'solved by', 'program', 'TTT steps', 'final loss', 'seconds']
      process.stdout.write(`\n${formatTable(header, rows)}\n\n${formatRunSummary(summarizeRun(log, runId))}\n`)
      process.stdout.write(`model ${model.id}; details: arc-ttt runs show ${runId}\n`)
      return problems.length === 0 ? EXIT_OK : EXIT_FAILURE
    } finally {
      log.close()
    }
  }
}
