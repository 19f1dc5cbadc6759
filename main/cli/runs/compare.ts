// `arc-ttt runs compare BASELINE RUN...`: the Compare view's numbers in a terminal, for results
// write-ups: accuracy of each run in both conventions with 95% bootstrap intervals over tasks, the
// exact McNemar test of each run against the baseline, the config keys that differ, and the tasks
// each run newly solves or breaks. The statistics are the renderer's (main/engine/analysis).
import { existsSync } from 'node:fs'
import { compareAccuracy, type RunAccuracy } from '../../engine/analysis/accuracy'
import { datasetTruth, runNearMisses, type NearMissSummary, type TruthGrids } from '../../engine/analysis/near-misses'
import { loadDataset } from '../../engine/arc'
import type { ExperimentLog, ParamDifference, RunSummary, TaskOutcome } from '../../engine/store'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatJson } from '../format-json'
import { formatTable } from '../format-table'
import { EXIT_OK, UsageError } from '../usage-error'
import { databasePath, readRun, withLog } from './open-log'
import { formatSeconds, MISSING } from './format-values'

export interface RunsComparison {
  readonly runs: readonly RunSummary[]
  readonly accuracy: readonly RunAccuracy[]
  readonly differences: readonly ParamDifference[]
  /** Per compared run (not the baseline): tasks solved by it and not by the baseline, and the reverse. */
  readonly changes: readonly { readonly runId: string; readonly newlySolved: readonly string[]; readonly newlyBroken: readonly string[] }[]
  /** Per run, how close first attempts come to the truth; absent when the dataset could not be read. */
  readonly nearMisses?: readonly NearMissSummary[]
  /** The dataset the truth came from. */
  readonly truthFrom?: string
}

/** Truth grids by task id and test index from the dataset at `path`. */
async function truthOf(path: string): Promise<TruthGrids> {
  return datasetTruth(await loadDataset(path))
}

function solvedTasks(outcomes: readonly TaskOutcome[], runId: string): Set<string> {
  return new Set(outcomes.filter((o) => o.runId === runId && o.allOrNothing === 1).map((o) => o.taskId))
}

function scoredTasks(outcomes: readonly TaskOutcome[], runId: string): Set<string> {
  return new Set(outcomes.filter((o) => o.runId === runId && o.allOrNothing !== null).map((o) => o.taskId))
}

export function compareRuns(log: ExperimentLog, runIds: readonly string[], truth?: { readonly path: string; readonly grids: TruthGrids }): RunsComparison {
  const runs = runIds.map((id) => readRun(log, id))
  const outcomes = log.taskOutcomes(runIds)
  const [baseline, ...others] = runIds
  const baselineSolved = solvedTasks(outcomes, baseline!)
  const baselineScored = scoredTasks(outcomes, baseline!)
  return {
    runs,
    accuracy: compareAccuracy(runIds, outcomes),
    differences: log.paramDifferences(runIds),
    changes: others.map((runId) => {
      const solved = solvedTasks(outcomes, runId)
      const common = scoredTasks(outcomes, runId)
      return {
        runId,
        newlySolved: [...solved].filter((t) => baselineScored.has(t) && !baselineSolved.has(t)).sort(),
        newlyBroken: [...baselineSolved].filter((t) => common.has(t) && !solved.has(t)).sort()
      }
    }),
    ...(truth ? { truthFrom: truth.path, nearMisses: runIds.map((id) => runNearMisses(log.taskResults(id), truth.grids)) } : {})
  }
}

const interval = (i: RunAccuracy['official']): string => (i === null ? MISSING : `${(i.mean * 100).toFixed(1)}% [${(i.low * 100).toFixed(1)}, ${(i.high * 100).toFixed(1)}]`)

function formatComparison(c: RunsComparison): string {
  const rows = c.runs.map((run, index) => {
    const a = c.accuracy[index]!
    const test = a.versusBaseline
    return [
      index === 0 ? `${run.id} (baseline)` : run.id,
      run.name,
      run.preset,
      run.status,
      `${a.solved}/${a.scored}`,
      interval(a.allOrNothing),
      interval(a.official),
      test === null ? MISSING : `b=${test.b} c=${test.c} p=${test.p.toPrecision(3)}`,
      formatSeconds(run.secondsPerTask)
    ]
  })
  const accuracy = formatTable(['run', 'name', 'preset', 'status', 'solved', 'all-or-nothing [95% CI]', 'official [95% CI]', 'McNemar vs baseline', 's/task'], rows)
  const differences =
    c.differences.length === 0
      ? 'Config: no key differs.'
      : `Config keys that differ (${c.differences.length}):\n` +
        formatTable(['key', ...c.runs.map((r) => r.id)], c.differences.map((d) => [d.key, ...d.values.map((v) => v?.text ?? MISSING)]))
  const changes = c.changes.map((ch) => `${ch.runId}: newly solved ${ch.newlySolved.length ? ch.newlySolved.join(', ') : 'none'}; newly broken ${ch.newlyBroken.length ? ch.newlyBroken.join(', ') : 'none'}`)
  const nearMisses =
    c.nearMisses === undefined
      ? ['Near misses: the dataset with the truth could not be read (pass --data PATH).']
      : [
          `Near misses, first attempts against the truth in ${c.truthFrom}:`,
          formatTable(
            ['run', 'test outputs', 'right size', 'cells right (right-size attempts)', 'right among candidates', 'solved', 'of the ceiling', 'solved from search / ttt / both'],
            c.runs.map((run, i) => {
              const n = c.nearMisses![i]!
              const share = (count: number): string => (n.outputs === 0 ? MISSING : `${count} (${((count / n.outputs) * 100).toFixed(1)}%)`)
              const reach = n.rightCandidate === 0 ? MISSING : `${((n.solved / n.rightCandidate) * 100).toFixed(1)}%`
              const from = `${n.solvedFrom.search} / ${n.solvedFrom.ttt} / ${n.solvedFrom.both}`
              return [run.id, n.outputs, share(n.rightShape), n.cellAccuracy === null ? MISSING : `${(n.cellAccuracy * 100).toFixed(1)}%`, share(n.rightCandidate), share(n.solved), reach, from]
            })
          ),
          'Right among candidates: test outputs where some candidate (any TTT prediction before voting, any search answer; for an ensemble, its pool) is the truth;',
          'no choice of two attempts can solve more. Of the ceiling: solved / right among candidates. Solved from: the solver whose candidate the right attempt was.'
        ]
  return [
    accuracy,
    'Intervals: percentile bootstrap over tasks, 2000 resamples. McNemar: exact two-sided test on the tasks both runs scored (b = solved by the baseline only, c = by the run only).',
    '',
    differences,
    '',
    'Against the baseline (all-or-nothing):',
    ...changes,
    '',
    ...nearMisses
  ].join('\n')
}

export const compareRunsCommand: Command = {
  name: 'compare',
  summary: 'accuracy with confidence intervals, McNemar tests, config differences and task changes of runs against a baseline',
  usage: `arc-ttt runs compare BASELINE_RUN RUN [RUN...] [--db FILE] [--data PATH] [--json]

  The first run is the baseline. Prints each run's accuracy in both conventions (all-or-nothing, as
  in the paper's ablations, and the official per-output score) with 95% percentile bootstrap
  intervals over tasks, the exact McNemar test against the baseline on the tasks both scored, the
  config keys whose values differ, the tasks each run newly solves or breaks, and near misses:
  the share of test outputs whose first attempt has the right size, its share of right cells, and
  the test outputs with the truth among their candidates, the ceiling of any voting method
  (truth from --data PATH, default the baseline run's dataset when it can be read).
  --json  the same as one JSON object {"runs", "accuracy", "differences", "changes", "nearMisses", "truthFrom"}`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('db', 'data', 'json?'))
    if (positionals.length < 2) throw new UsageError('runs compare needs a baseline run id and at least one more run id (`arc-ttt runs list` shows them)')
    const duplicate = positionals.find((id, i) => positionals.indexOf(id) !== i)
    if (duplicate !== undefined) throw new UsageError(`run ${duplicate} is given twice`)
    const comparison = await withLog(databasePath(values.db), {}, async (log) => {
      const path = values.data ?? readRun(log, positionals[0]!).datasetPath
      if (values.data !== undefined && !existsSync(path)) throw new UsageError(`--data ${path}: no such file or folder`)
      const grids = existsSync(path) ? await truthOf(path) : undefined
      return compareRuns(log, positionals, grids ? { path, grids } : undefined)
    })
    process.stdout.write(`${values.json ? formatJson(comparison) : formatComparison(comparison)}\n`)
    return EXIT_OK
  }
}
