// An experiment log built directly through ExperimentLog for the `arc-ttt runs` tests: three runs
// with known values, so every expected cell can be checked by hand.
import { join } from 'node:path'
import { ExperimentLog } from '../../main/engine/store'
import { doneTask, g, newRun, skippedTask } from '../engine/store/store-fixtures'

export const SHA = 'ab'.repeat(32)

/** A clock that starts at 2026-11-26 06:53:00Z and moves one second per reading. */
function steppingClock(): () => Date {
  let seconds = 0
  return () => new Date(Date.UTC(2026, 10, 26, 6, 53, seconds++))
}

export interface RunsFixture {
  readonly file: string
  /** 'baseline': completed, 2 done + 2 skipped tasks (+1 never reached), metrics, an artifact. */
  readonly baseline: string
  /** 'quick no-ttt': failed with a message, one done task, no provider used recorded. */
  readonly failed: string
  /** 'still going': running, nothing recorded yet. */
  readonly running: string
}

/**
 * baseline's tasks:
 *   t1 done, two test outputs: 0 correct (attempts X, Y), 1 wrong (one attempt W): official 0.5, aon 0
 *   t2 done, one output solved by attempt 2 (doneTask): official 1, aon 1
 *   t3 skipped, no outputs (test inputs unknown)
 *   t4 skipped after its outputs were known: one output with no attempts
 *   t5 selected but never reached
 */
export function buildRunsFixture(folder: string): RunsFixture {
  const file = join(folder, 'experiments.sqlite')
  const log = ExperimentLog.open(file, { clock: steppingClock() })
  try {
    const baseline = log.createRun(newRun({ name: 'baseline', tags: ['ablation', 'lora'], notes: 'first try, with "quotes"' }))
    log.setRunTasks(baseline, ['t1', 't2', 't3', 't4', 't5'])
    log.setProviderUsed(baseline, 'cpu')
    log.recordMetrics(baseline, [
      { key: 'ttt/loss', context: { taskId: 't1', phase: 'ttt' }, step: 0, value: 2 },
      { key: 'ttt/loss', context: { taskId: 't1', phase: 'ttt' }, step: 1, value: 1 },
      { key: 'ttt/loss', context: { taskId: 't1', phase: 'ttt' }, step: 2, value: 0.5 },
      { key: 'run/tokens-per-second', step: 0, value: 1234.5 }
    ])
    log.recordTaskResult(baseline, {
      ...doneTask('t1'),
      outputs: [
        { testIndex: 0, attempts: [g([[1, 2], [3, 4]]), g([[5]])], correct: true, provenance: { votes: [3, 1] } },
        { testIndex: 1, attempts: [g([[7, 7]])], correct: false, provenance: null }
      ],
      candidates: [{ testIndex: 1, grid: g([[7, 7]]), transforms: ['flip-x'], promptIds: ['p1'], votes: 4, score: 2.25 }],
      officialScore: 0.5,
      allOrNothing: 0,
      timings: { ttt: 3, inference: 1.25 },
      tttSteps: 3,
      finalLoss: 0.5
    })
    log.recordTaskResult(baseline, doneTask('t2'))
    log.recordTaskResult(baseline, skippedTask('t3', 'longer than the 2048-token context, by 12 tokens'))
    log.recordTaskResult(baseline, { ...skippedTask('t4', 'out of time'), outputs: [{ testIndex: 0, attempts: [], correct: false, provenance: null }] })
    log.addArtifact(baseline, { kind: 'adapter', path: '/runs/adapters/t1.safetensors', bytes: 4096, sha256: SHA, taskId: 't1' })
    log.setRunStatus(baseline, 'completed')

    const failed = log.createRun(newRun({ name: 'quick no-ttt', preset: 'no-ttt', provider: 'cuda', modelId: 'arc-small', tags: ['smoke'], configHash: 'beef' }))
    log.setRunTasks(failed, ['t1'])
    log.recordTaskResult(failed, { ...doneTask('t1'), timings: { inference: 0.75 }, tttSteps: 0, finalLoss: null })
    log.setRunStatus(failed, 'failed', 'out of memory')

    const running = log.createRun(newRun({ name: 'still going', preset: 'ttt', tags: [] }))
    return { file, baseline, failed, running }
  } finally {
    log.close()
  }
}
