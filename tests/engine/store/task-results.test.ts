// Task results: a round trip with grids, replacement on re-record, resume ids, the run's summary
// accuracy in both conventions, all-or-nothing transactions, the tasks x runs outcomes, artifacts.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { gridsEqual } from '../../../main/engine/arc/grid'
import { ExperimentLog, type TaskResultInput } from '../../../main/engine/store'
import { doneTask, g, newRun, removeTemporaryFolders, skippedTask, temporaryFolder } from './store-fixtures'

afterAll(removeTemporaryFolders)

function openLogWithRun(): { log: ExperimentLog; runId: string } {
  const log = ExperimentLog.open(join(temporaryFolder(), 'experiments.sqlite'), { clock: () => new Date('2026-11-26T07:00:00Z') })
  return { log, runId: log.createRun(newRun()) }
}

describe('task results', () => {
  it('round-trip every field, with grids equal and frozen', () => {
    const { log, runId } = openLogWithRun()
    const twoOutputs = doneTask('t2', {
      outputs: [
        { testIndex: 0, attempts: [g([[1]])], correct: false, provenance: null },
        { testIndex: 1, attempts: [], correct: null, provenance: { note: 'no prediction' } }
      ],
      officialScore: 0,
      allOrNothing: 0,
      candidates: [
        { testIndex: 0, grid: g([[1]]), transforms: [], promptIds: [], votes: 0, score: 2.75, source: 'search', program: 'crop(x)', demosExplained: 3, demos: 3 }
      ],
      finalLoss: null,
      solvedBy: null
    })
    log.recordTaskResult(runId, doneTask('t1'))
    log.recordTaskResult(runId, twoOutputs)
    const [t1, t2] = log.taskResults(runId)
    expect(t1).toEqual({ ...doneTask('t1'), reason: null, totalSeconds: 3, recordedAt: '2026-11-26T07:00:00.000Z' })
    expect(t2).toEqual({ ...twoOutputs, reason: null, totalSeconds: 3, recordedAt: '2026-11-26T07:00:00.000Z' })
    const attempt = t1!.outputs[0]!.attempts[0]!
    expect(gridsEqual(attempt, g([[1, 2], [3, 4]]))).toBe(true)
    expect(Object.isFrozen(attempt) && Object.isFrozen(attempt[0])).toBe(true)
    expect(log.taskResult(runId, 't2')).toEqual(t2)
    expect(log.taskResult(runId, 'missing')).toBeUndefined()
    log.close()
  })

  it('reads a candidate recorded without provenance as a TTT one, and refuses an unknown solver', () => {
    const { log, runId } = openLogWithRun()
    const plain = { testIndex: 0, grid: g([[1]]), transforms: ['identity'], promptIds: ['p0'], votes: 1, score: null }
    log.recordTaskResult(runId, doneTask('t1', { candidates: [plain] }))
    expect(log.taskResult(runId, 't1')!.candidates).toEqual([{ ...plain, source: 'ttt', program: null, demosExplained: null, demos: null }])
    const bad = { ...plain, source: 'oracle' } as unknown as typeof plain
    expect(() => log.recordTaskResult(runId, doneTask('t2', { candidates: [bad] }))).toThrow(/candidates\[0\]\.source/)
    log.close()
  })

  it('records a skipped task with its reason, and requires the reason', () => {
    const { log, runId } = openLogWithRun()
    log.recordTaskResult(runId, skippedTask('long', 'longer than the 2048-token context (2311 tokens)'))
    expect(log.taskResult(runId, 'long')).toMatchObject({ status: 'skipped', reason: 'longer than the 2048-token context (2311 tokens)', outputs: [] })
    expect(() => log.recordTaskResult(runId, { ...skippedTask('x'), reason: undefined })).toThrow(/reason \(required for a skipped task\) must be a string/)
    log.close()
  })

  it('replaces a task recorded again, keeping the summary exact', () => {
    const { log, runId } = openLogWithRun()
    log.recordTaskResult(runId, doneTask('t1'))
    log.recordTaskResult(runId, doneTask('t1', { officialScore: 0, allOrNothing: 0, timings: { ttt: 1 }, candidates: [] }))
    const results = log.taskResults(runId)
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ officialScore: 0, totalSeconds: 1, candidates: [] })
    expect(log.getRun(runId)).toMatchObject({ tasksDone: 1, tasksScored: 1, officialScoreSum: 0, accuracyOfficial: 0, secondsPerTask: 1 })
    log.close()
  })

  it('lists finished tasks (done and skipped) for resume', () => {
    const { log, runId } = openLogWithRun()
    expect(log.finishedTaskIds(runId)).toEqual(new Set())
    log.recordTaskResult(runId, doneTask('a'))
    log.recordTaskResult(runId, skippedTask('b'))
    log.recordTaskResult(runId, doneTask('a'))
    expect(log.finishedTaskIds(runId)).toEqual(new Set(['a', 'b']))
    log.close()
  })

  it('keeps the run summary in both conventions as tasks arrive, skipped tasks counted as unsolved', () => {
    const { log, runId } = openLogWithRun()
    const half = doneTask('half', {
      outputs: [
        { testIndex: 0, attempts: [g([[1]])], correct: true, provenance: null },
        { testIndex: 1, attempts: [g([[2]])], correct: false, provenance: null }
      ],
      officialScore: 0.5,
      allOrNothing: 0,
      timings: { ttt: 4, inference: 1 },
      candidates: []
    })
    const tasks: TaskResultInput[] = [doneTask('solved'), half, doneTask('wrong', { officialScore: 0, allOrNothing: 0 }), skippedTask('too-long')]
    const unscored = doneTask('no-truth', { officialScore: null, allOrNothing: null, outputs: [{ testIndex: 0, attempts: [g([[3]])], correct: null, provenance: null }] })
    for (const task of [...tasks, unscored]) log.recordTaskResult(runId, task)
    const summary = log.listRuns().runs[0]!
    expect(summary).toMatchObject({ tasksDone: 4, tasksSkipped: 1, tasksScored: 4, officialScoreSum: 1.5, allOrNothingSum: 1 })
    expect(summary.accuracyOfficial).toBeCloseTo(1.5 / 4, 12)
    expect(summary.accuracyAllOrNothing).toBeCloseTo(1 / 4, 12)
    // Time per task: the done tasks' seconds (3 + 5 + 3 + 3) over the 4 done tasks; skipped tasks take none.
    expect(summary.secondsPerTask).toBeCloseTo(14 / 4, 12)
    log.close()
  })

  it('a task that fails mid-transaction leaves nothing: no partial new task, the old result intact', () => {
    const { log, runId } = openLogWithRun()
    log.recordTaskResult(runId, doneTask('t1'))
    const before = { results: log.taskResults(runId), run: log.getRun(runId) }
    // The bad candidate is reached after the task row and the output row have been written.
    const badCandidate = { testIndex: 0, grid: [[1, 12]], transforms: [], promptIds: [], votes: 1, score: null } as unknown as TaskResultInput['candidates'][number]
    expect(() => log.recordTaskResult(runId, doneTask('t2', { candidates: [badCandidate] }))).toThrow(/taskResult\.candidates\[0\]\.grid must be an ARC grid/)
    expect(() => log.recordTaskResult(runId, doneTask('t1', { officialScore: 0, allOrNothing: 0, candidates: [badCandidate] }))).toThrow(
      expect.objectContaining({ code: 'invalid-value' })
    )
    // Any exception, not only a check, rolls back: a candidate whose field throws when read.
    const crashing = Object.defineProperty({ testIndex: 0, transforms: [], promptIds: [], votes: 1, score: null }, 'grid', {
      get: () => {
        throw new Error('simulated crash')
      }
    }) as unknown as TaskResultInput['candidates'][number]
    expect(() => log.recordTaskResult(runId, doneTask('t1', { candidates: [doneTask('t1').candidates[0]!, crashing] }))).toThrow('simulated crash')
    expect(log.finishedTaskIds(runId)).toEqual(new Set(['t1']))
    expect(log.taskResults(runId)).toEqual(before.results)
    expect(log.getRun(runId)).toEqual(before.run)
    log.close()
  })

  it('checks outputs: at most two attempts, distinct test indexes, candidates of known outputs', () => {
    const { log, runId } = openLogWithRun()
    const three = doneTask('t', { outputs: [{ testIndex: 0, attempts: [g([[1]]), g([[2]]), g([[3]])], correct: false, provenance: null }] })
    expect(() => log.recordTaskResult(runId, three)).toThrow(/outputs\[0\]\.attempts must be at most two grids/)
    const twice = doneTask('t', { outputs: [doneTask('t').outputs[0]!, doneTask('t').outputs[0]!] })
    expect(() => log.recordTaskResult(runId, twice)).toThrow(/outputs\[1\]\.testIndex must be a test index not already given/)
    const orphan = doneTask('t', { candidates: [{ ...doneTask('t').candidates[0]!, testIndex: 4 }] })
    expect(() => log.recordTaskResult(runId, orphan)).toThrow(/candidates\[0\]\.testIndex must be the test index of one of the outputs/)
    expect(() => log.recordTaskResult(runId, doneTask('t', { officialScore: 1.5 }))).toThrow(/officialScore must be a finite number in 0..1/)
    expect(() => log.recordTaskResult(runId, doneTask('t', { allOrNothing: null }))).toThrow(/allOrNothing must be null exactly when officialScore is null/)
    expect(log.taskResults(runId)).toEqual([])
    log.close()
  })

  it('gives the outcomes of several runs for a tasks x runs matrix', () => {
    const { log, runId } = openLogWithRun()
    const other = log.createRun(newRun({ name: 'variant' }))
    log.recordTaskResult(runId, doneTask('a'))
    log.recordTaskResult(runId, skippedTask('b'))
    log.recordTaskResult(other, doneTask('a', { officialScore: 0, allOrNothing: 0 }))
    expect(log.taskOutcomes([runId, other]).map((o) => [o.runId, o.taskId, o.status, o.allOrNothing])).toEqual([
      [runId, 'a', 'done', 1],
      [runId, 'b', 'skipped', 0],
      [other, 'a', 'done', 0]
    ])
    log.close()
  })
})

describe('artifacts', () => {
  it('records files with size and hash; the same path again replaces the row in place', () => {
    const { log, runId } = openLogWithRun()
    log.addArtifact(runId, { kind: 'adapter', path: '/runs/a/t1.safetensors', bytes: 100, sha256: 'A'.repeat(64), taskId: 't1' })
    log.addArtifact(runId, { kind: 'submission', path: '/runs/a/submission.json', bytes: 5, sha256: 'b'.repeat(64) })
    log.addArtifact(runId, { kind: 'adapter', path: '/runs/a/t1.safetensors', bytes: 120, sha256: 'c'.repeat(64), taskId: 't1' })
    expect(log.artifacts(runId)).toEqual([
      { kind: 'adapter', path: '/runs/a/t1.safetensors', bytes: 120, sha256: 'c'.repeat(64), taskId: 't1', createdAt: '2026-11-26T07:00:00.000Z' },
      { kind: 'submission', path: '/runs/a/submission.json', bytes: 5, sha256: 'b'.repeat(64), taskId: null, createdAt: '2026-11-26T07:00:00.000Z' }
    ])
    expect(log.getRun(runId).artifactCount).toBe(2)
    expect(() => log.addArtifact(runId, { kind: 'adapter', path: '/x', bytes: 1, sha256: 'nope' })).toThrow(/sha256 must be a hex sha256/)
    log.close()
  })
})
