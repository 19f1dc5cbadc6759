// Runs in the experiment log: creation with provenance, flattened params, listing with filters,
// sorting and pages, edits, status, config differences, and deletion that cascades.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { ExperimentLog, StoreError } from '../../../main/engine/store'
import { doneTask, newRun, removeTemporaryFolders, temporaryFolder } from './store-fixtures'

afterAll(removeTemporaryFolders)

/** A log whose clock advances one second per reading, so creation order is visible in the times. */
function openLog(): ExperimentLog {
  let seconds = 0
  return ExperimentLog.open(join(temporaryFolder(), 'nested', 'folder', 'experiments.sqlite'), {
    clock: () => new Date(Date.UTC(2026, 10, 26, 6, 53, seconds++))
  })
}

describe('creating and reading a run', () => {
  it('creates the parent folder and records the run with host, versions and status', () => {
    const log = openLog()
    expect(existsSync(log.file)).toBe(true)
    const id = log.createRun(newRun({ notes: 'first try', tags: ['ablation', 'lora', 'ablation'] }))
    expect(id).toMatch(/^run-20261126-065300-[0-9a-f]{4}$/)
    const run = log.getRun(id)
    expect(run).toMatchObject({
      id,
      name: 'baseline',
      preset: 'ttt',
      status: 'running',
      statusMessage: null,
      createdAt: '2026-11-26T06:53:00.000Z',
      endedAt: null,
      seed: 1,
      configHash: 'c0ffee',
      modelId: 'arc-tiny',
      modelHash: 'abc123',
      datasetPath: '/data/arc-agi-1/evaluation',
      datasetFingerprint: 'f00d',
      providerRequested: 'cpu',
      providerUsed: null,
      tags: ['ablation', 'lora'],
      notes: 'first try',
      workbenchVersion: '0.1.0',
      tasksDone: 0,
      accuracyOfficial: null,
      secondsPerTask: null,
      artifactCount: 0,
      metricKeyCount: 0
    })
    expect(run.gitRevision === null || /^[0-9a-f]{40}$/.test(run.gitRevision)).toBe(true)
    expect(run.host.cpuCores).toBeGreaterThan(0)
    expect(run.host.totalMemoryBytes).toBeGreaterThan(0)
    expect(run.host.nodeVersion).toBe(process.versions.node)
    expect(run.host.platform).toBe(process.platform)
    expect(run.config).toEqual(newRun().config)
    log.close()
  })

  it('flattens every leaf of the config into params, arrays and null included', () => {
    const log = openLog()
    const run = log.getRun(log.createRun(newRun()))
    expect(run.params).toEqual([
      { key: 'budget', type: 'null', text: 'null', number: null },
      { key: 'seed', type: 'number', text: '1', number: 1 },
      { key: 'ttt.enabled', type: 'boolean', text: 'true', number: null },
      { key: 'ttt.learningRate', type: 'number', text: '0.0001', number: 0.0001 },
      { key: 'ttt.lora.alpha', type: 'number', text: '16', number: 16 },
      { key: 'ttt.lora.rank', type: 'number', text: '8', number: 8 },
      { key: 'ttt.lora.targets', type: 'array', text: '["q","v"]', number: null },
      { key: 'vote', type: 'string', text: 'hierarchical', number: null }
    ])
    log.close()
  })

  it('refuses a config JSON cannot hold, naming the field', () => {
    const log = openLog()
    expect(() => log.createRun(newRun({ config: { ttt: { learningRate: Number.NaN } } }))).toThrow(/config\.ttt\.learningRate must be a finite number/)
    expect(() => log.createRun(newRun({ config: { when: new Date() } }))).toThrow(StoreError)
    expect(() => log.createRun(newRun({ name: ' ' }))).toThrow(/name must be a non-empty string/)
    expect(log.listRuns().total).toBe(0)
    log.close()
  })

  it('sets the provider used, the status with its end time, and edits name, tags and notes', () => {
    const log = openLog()
    const id = log.createRun(newRun())
    log.setProviderUsed(id, 'webgpu')
    log.setRunStatus(id, 'interrupted', 'the engine process exited')
    expect(log.getRun(id)).toMatchObject({ providerUsed: 'webgpu', status: 'interrupted', statusMessage: 'the engine process exited', endedAt: '2026-11-26T06:53:01.000Z' })
    log.setRunStatus(id, 'running') // resumed
    expect(log.getRun(id)).toMatchObject({ status: 'running', statusMessage: null, endedAt: null })
    log.updateRun(id, { name: 'renamed', tags: ['b', 'a'], notes: 'looks good' })
    expect(log.getRun(id)).toMatchObject({ name: 'renamed', tags: ['b', 'a'], notes: 'looks good' })
    log.updateRun(id, { tags: [] })
    expect(log.getRun(id)).toMatchObject({ name: 'renamed', tags: [], notes: 'looks good' })
    expect(() => log.setRunStatus(id, 'finished' as never)).toThrow(/status must be one of running, completed/)
    log.close()
  })

  it('names an unknown run, and a closed log', () => {
    const log = openLog()
    expect(() => log.getRun('run-nope')).toThrow(expect.objectContaining({ code: 'unknown-run', message: expect.stringContaining('no run "run-nope"') }))
    log.close()
    log.close() // again: nothing happens
    expect(() => log.listRuns()).toThrow(expect.objectContaining({ code: 'closed', message: expect.stringContaining('is closed; cannot list runs') }))
  })
})

describe('listing runs', () => {
  function logWithRuns() {
    const log = openLog()
    const ids = [
      log.createRun(newRun({ name: 'Alpha', preset: 'ttt', tags: ['keep'] })),
      log.createRun(newRun({ name: 'beta', preset: 'no-ttt', config: { ttt: { lora: { rank: 16 } }, vote: 'flat' } })),
      log.createRun(newRun({ name: 'gamma 100%', preset: 'ttt', notes: 'with a note', config: { ttt: { lora: { rank: 8.0 } }, vote: 'none' } })),
      log.createRun(newRun({ name: 'delta', preset: 'full-ft', tags: ['keep', 'gpu'] }))
    ]
    return { log, ids }
  }

  it('pages newest first by default, with the total over all pages', () => {
    const { log, ids } = logWithRuns()
    const first = log.listRuns({ limit: 3 })
    expect(first.total).toBe(4)
    expect(first.runs.map((r) => r.id)).toEqual([ids[3], ids[2], ids[1]])
    expect(log.listRuns({ limit: 3, offset: 3 }).runs.map((r) => r.id)).toEqual([ids[0]])
    expect(log.listRuns({ limit: 3, offset: 9 }).runs).toEqual([])
    log.close()
  })

  it('sorts by a whitelisted column either way, nulls last, and refuses other columns', () => {
    const { log, ids } = logWithRuns()
    expect(log.listRuns({ orderBy: 'name', descending: false }).runs.map((r) => r.name)).toEqual(['Alpha', 'beta', 'delta', 'gamma 100%'])
    log.recordTaskResult(ids[1]!, doneTask('t1'))
    log.recordTaskResult(ids[2]!, doneTask('t1', { officialScore: 0, allOrNothing: 0 }))
    const byAccuracy = (descending: boolean) => log.listRuns({ orderBy: 'accuracyOfficial', descending }).runs.map((r) => r.accuracyOfficial)
    expect(byAccuracy(true)).toEqual([1, 0, null, null])
    expect(byAccuracy(false)).toEqual([0, 1, null, null])
    expect(() => log.listRuns({ orderBy: 'name; DROP TABLE runs' as never })).toThrow(/orderBy must be one of createdAt/)
    expect(() => log.listRuns({ limit: 0 })).toThrow(/limit must be an integer >= 1/)
    log.close()
  })

  it('filters by text, status, preset, tag and params', () => {
    const { log, ids } = logWithRuns()
    const names = (filter: Parameters<ExperimentLog['listRuns']>[0]) => log.listRuns({ ...filter, orderBy: 'name', descending: false }).runs.map((r) => r.name)
    expect(names({ filter: { text: 'ALPHA' } })).toEqual(['Alpha'])
    expect(names({ filter: { text: '100%' } })).toEqual(['gamma 100%']) // % taken literally
    expect(names({ filter: { text: '%' } })).toEqual(['gamma 100%'])
    expect(names({ filter: { text: 'a note' } })).toEqual(['gamma 100%'])
    expect(names({ filter: { text: 'gpu' } })).toEqual(['delta']) // a tag
    expect(names({ filter: { preset: 'ttt' } })).toEqual(['Alpha', 'gamma 100%'])
    expect(names({ filter: { tag: 'keep' } })).toEqual(['Alpha', 'delta'])
    expect(names({ filter: { params: { 'ttt.lora.rank': 8 } } })).toEqual(['Alpha', 'delta', 'gamma 100%'])
    expect(names({ filter: { params: { 'ttt.lora.rank': '16' } } })).toEqual(['beta'])
    expect(names({ filter: { params: { 'ttt.lora.rank': 8, vote: 'none' } } })).toEqual(['gamma 100%'])
    expect(names({ filter: { params: { 'ttt.enabled': true } } })).toEqual(['Alpha', 'delta'])
    expect(names({ filter: { params: { budget: null } } })).toEqual(['Alpha', 'delta'])
    log.setRunStatus(ids[0]!, 'completed')
    expect(names({ filter: { status: 'completed' } })).toEqual(['Alpha'])
    expect(log.listRuns({ filter: { preset: 'ttt', tag: 'keep' } }).total).toBe(1)
    log.close()
  })

  it('lists the config keys that differ between runs', () => {
    const { log, ids } = logWithRuns()
    const differences = log.paramDifferences([ids[0]!, ids[2]!])
    expect(differences.map((d) => d.key)).toEqual(['budget', 'seed', 'ttt.enabled', 'ttt.learningRate', 'ttt.lora.alpha', 'ttt.lora.targets', 'vote'])
    expect(differences.find((d) => d.key === 'vote')!.values.map((v) => v?.text ?? null)).toEqual(['hierarchical', 'none'])
    expect(differences.find((d) => d.key === 'seed')!.values.map((v) => v?.text ?? null)).toEqual(['1', null])
    expect(log.paramDifferences([ids[0]!, ids[3]!])).toEqual([])
    log.close()
  })
})

describe('deleting a run', () => {
  it('cascades to tags, params, metrics, task results, candidates and artifacts, and leaves other runs alone', () => {
    const log = openLog()
    const [doomed, kept] = [log.createRun(newRun()), log.createRun(newRun({ name: 'kept' }))]
    for (const id of [doomed, kept]) {
      log.recordMetrics(id, [{ key: 'ttt/loss', context: { taskId: 't1', phase: 'ttt' }, step: 0, value: 1 }])
      log.recordTaskResult(id, doneTask('t1'))
      log.addArtifact(id, { kind: 'adapter', path: `/tmp/${id}.safetensors`, bytes: 10, sha256: 'a'.repeat(64), taskId: 't1' })
    }
    log.deleteRun(doomed)
    expect(() => log.getRun(doomed)).toThrow(expect.objectContaining({ code: 'unknown-run' }))
    expect(log.listRuns().runs.map((r) => r.id)).toEqual([kept])
    expect(log.taskResults(kept)).toHaveLength(1)
    expect(log.metricSummaries(kept)).toHaveLength(1)
    expect(log.artifacts(kept)).toHaveLength(1)
    log.close()
    // No orphan rows anywhere: every child table holds exactly the kept run's rows.
    const db = new Database(log.file, { readonly: true })
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()
    const counts = Object.fromEntries(['runs', 'run_tags', 'run_params', 'metric_points', 'metric_summaries', 'task_results', 'task_test_outputs', 'task_candidates', 'artifacts'].map((t) => [t, count(t)]))
    expect(counts).toEqual({ runs: 1, run_tags: 1, run_params: 8, metric_points: 1, metric_summaries: 1, task_results: 1, task_test_outputs: 1, task_candidates: 2, artifacts: 1 })
    db.close()
  })
})

describe('task selection', () => {
  it('keeps the ordered task ids of a run, replaced as a whole, deleted with the run', () => {
    const log = openLog()
    const id = log.createRun(newRun())
    expect(log.runTasks(id)).toEqual([])
    log.setRunTasks(id, ['b', 'a', 'c'])
    expect(log.runTasks(id)).toEqual(['b', 'a', 'c'])
    log.setRunTasks(id, ['z'])
    expect(log.runTasks(id)).toEqual(['z'])
    log.deleteRun(id)
    expect(() => log.runTasks(id)).toThrow(StoreError)
    log.close()
  })
})
