// The run methods' read side over a real experiment log: two runs made by the engine runner with a
// tiny model (one with TTT, one without), then every read, edit and export the UI uses.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../main/api/dispatch'
import { createHandlers, type Handlers } from '../../main/api/handlers'
import { compareNearMisses } from '../../main/api/run-views'
import { datasetTruth } from '../../main/engine/analysis/near-misses'
import { loadDataset } from '../../main/engine/arc'
import { resolveConfig } from '../../main/engine/experiment/config'
import { startRun } from '../../main/engine/experiment/runner'
import { loadModel } from '../../main/engine/model/model-files'
import { ExperimentLog } from '../../main/engine/store'
import { runCli } from '../cli/run-cli'
import { newRun } from '../engine/store/store-fixtures'
import { QUICK_OVERRIDES, makeRunWorld, type RunWorld } from './run-fixtures'

const root = mkdtempSync(join(tmpdir(), 'arc-ttt-run-api-'))
let world: RunWorld
let handlers: Handlers
let tttRun: string
let plainRun: string

beforeAll(async () => {
  world = await makeRunWorld(root, 3)
  const log = ExperimentLog.open(world.databasePath)
  const dataset = await loadDataset(world.dataDir)
  const model = await loadModel(world.modelDir)
  const common = { dataset, model, runtime: { intraOpThreads: 1 }, log, taskIds: world.taskIds }
  tttRun = await startRun({ ...common, preset: 'ttt', config: resolveConfig('ttt', QUICK_OVERRIDES), name: 'with ttt', tags: ['ablation'] })
  plainRun = await startRun({ ...common, preset: 'no-ttt', config: resolveConfig('no-ttt', QUICK_OVERRIDES), name: 'without ttt' })
  log.close()
  mkdirSync(join(root, 'samples'))
  handlers = createHandlers({ version: '0.0.1', mode: 'browser', samplesPath: join(root, 'samples'), recentFile: join(root, 'recent.json'), databasePath: world.databasePath, modelsDir: world.modelsDir })
}, 120_000)
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('run options', () => {
  it('lists presets, the schema, the models, the providers and the task lists beside opened datasets', async () => {
    await handlers.openDataset({ path: world.dataDir })
    const options = await handlers.runOptions({})
    expect(options.presets.find((p) => p.name === 'no-ttt')).toEqual({ name: 'no-ttt', description: expect.stringContaining('fine-tuned model alone'), overrides: { 'ttt.enabled': false } })
    expect(options.schema.find((k) => k.key === 'data.cap')).toMatchObject({ type: { kind: 'integer', min: 1 }, default: 250 })
    expect(options.models.map((m) => [m.id, m.dir, m.isDefault])).toEqual([
      ['tiny', world.modelDir, false],
      ['initial-seed-0', '', true]
    ])
    expect(options.models[0]!.parameterCount).toBeGreaterThan(10_000)
    expect(options.providers.find((p) => p.name === 'cpu')).toMatchObject({ available: true })
    expect(options.providers.find((p) => p.name === 'cuda')).toMatchObject({ available: false, detail: expect.stringContaining('no engine host') })
    expect(options.taskLists).toEqual([
      { path: join(root, 'arc', 'levels.csv'), label: 'arc/levels.csv', count: 3 },
      { path: join(root, 'arc', 'pick.txt'), label: 'arc/pick.txt', count: 2 }
    ])
  })
})

describe('the runs table', () => {
  it('lists, sorts and filters the runs from the log', async () => {
    const all = await handlers.listRuns({ orderBy: 'name', descending: false })
    expect(all.total).toBe(2)
    expect(all.runs.map((r) => [r.name, r.status, r.tasksDone])).toEqual([
      ['with ttt', 'completed', 3],
      ['without ttt', 'completed', 3]
    ])
    expect((await handlers.listRuns({ filter: { tag: 'ablation' } })).runs.map((r) => r.id)).toEqual([tttRun])
    expect((await handlers.listRuns({ filter: { params: { 'ttt.enabled': false } } })).runs.map((r) => r.id)).toEqual([plainRun])
  })

  it('gets a run, and edits its name, tags and notes', async () => {
    expect((await handlers.getRun({ runId: tttRun })).config).toMatchObject({ data: { cap: 6 } })
    const updated = await handlers.updateRun({ runId: plainRun, name: 'baseline', tags: ['base'], notes: 'no adaptation' })
    expect(updated).toMatchObject({ name: 'baseline', tags: ['base'], notes: 'no adaptation' })
    expect((await handlers.getRun({ runId: plainRun })).name).toBe('baseline')
  })

  it('returns typed errors for an unknown run', async () => {
    expect(await dispatch(handlers, 'getRun', { runId: 'run-nope' })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('has no run "run-nope"') } })
    expect(await dispatch(handlers, 'startRun', { datasetPath: world.dataDir, selection: { kind: 'all' }, preset: 'ttt', overrides: {}, provider: 'cpu' })).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    expect(await dispatch(handlers, 'activeRuns', {})).toEqual({ ok: true, value: { runs: [] } })
  })

  it('exports the same submission and CSV as `arc-ttt runs export`', async () => {
    for (const format of ['submission', 'csv'] as const) {
      const exported = await handlers.exportRun({ runId: tttRun, format })
      const cli = runCli(['runs', 'export', tttRun, '--format', format, '--db', world.databasePath])
      expect(cli.code, cli.stderr).toBe(0)
      expect(exported.content).toBe(cli.stdout)
    }
    const csv = await handlers.exportRun({ runId: tttRun, format: 'csv' })
    expect(csv).toMatchObject({ filename: `${tttRun}-tasks.csv`, mimeType: 'text/csv' })
    expect(csv.content.split('\n')[0]).toMatch(/^task_id,status,reason,official,all_or_nothing,ttt_steps,final_loss,total_seconds,/)
    const submission = await handlers.exportRun({ runId: tttRun, format: 'submission' })
    expect(Object.keys(JSON.parse(submission.content) as object).sort()).toEqual([...world.taskIds])
  }, 60_000)
})

describe('comparing runs and tasks', () => {
  it('compares runs: summaries in order, config differences, the outcome matrix, levels', async () => {
    const view = await handlers.compareRuns({ runIds: [plainRun, tttRun] })
    expect(view.runs.map((r) => r.id)).toEqual([plainRun, tttRun])
    expect(view.runs[0]).not.toHaveProperty('config')
    const enabled = view.differences.find((d) => d.key === 'ttt.enabled')
    expect(enabled?.values.map((v) => v?.text)).toEqual(['false', 'true'])
    expect(view.differences.map((d) => d.key)).not.toContain('data.cap')
    expect(view.outcomes).toHaveLength(6)
    expect(view.levels).toEqual({ 'task-0': 'easy', 'task-1': 'hard', 'task-2': 'easy' })
    // Near misses against the dataset's truth, recounted here straight from the log and the task files.
    const dataset = await loadDataset(world.dataDir)
    const log = ExperimentLog.open(world.databasePath, { readonly: true })
    try {
      const expected = [plainRun, tttRun].map((runId) => {
        let outputs = 0
        let rightShape = 0
        let rightCandidate = 0
        for (const entry of dataset.entries) {
          const result = log.taskResult(runId, entry.id)
          entry.task!.test.forEach((pair, testIndex) => {
            outputs++
            const first = result?.outputs.find((o) => o.testIndex === testIndex)?.attempts[0]
            if (first && first.length === pair.output!.length && first[0]!.length === pair.output![0]!.length) rightShape++
            if (result?.candidates.some((c) => c.testIndex === testIndex && JSON.stringify(c.grid) === JSON.stringify(pair.output))) rightCandidate++
          })
        }
        return { outputs, rightShape, rightCandidate }
      })
      expect(view.nearMisses.map((n) => ({ outputs: n!.outputs, rightShape: n!.rightShape, rightCandidate: n!.rightCandidate }))).toEqual(expected)
      expect(expected[0]!.outputs).toBe(dataset.entries.reduce((sum, e) => sum + e.task!.test.length, 0))
      // A run whose dataset cannot be read gets null, the others their figures.
      const truths = new Map([
        ['here', datasetTruth(dataset)],
        ['gone', null]
      ])
      const partial = compareNearMisses(log, [plainRun, tttRun], ['here', 'gone'], truths)
      expect(partial).toEqual([view.nearMisses[0], null])
    } finally {
      log.close()
    }
  })

  it('gives a run task results and its TTT loss curves, per task and as a mean over tasks', async () => {
    expect((await handlers.runTaskResults({ runId: tttRun })).results.map((r) => r.taskId)).toEqual([...world.taskIds])
    const one = await handlers.lossCurves({ runId: tttRun, taskId: 'task-1' })
    expect(one.points.map((p) => [p.context.taskId, p.step])).toEqual([
      ['task-1', 1],
      ['task-1', 2],
      ['task-1', 3]
    ])
    expect(one.mean.map((s) => [s.step, s.count])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3]
    ])
    expect((await handlers.lossCurves({ runId: tttRun })).points).toHaveLength(9)
    expect((await handlers.lossCurves({ runId: plainRun })).points).toEqual([])
  })

  it('shows one task across runs: the truth, each run result and loss curve', async () => {
    const view = await handlers.taskAcrossRuns({ datasetPath: world.dataDir, taskId: 'task-2', runIds: [tttRun, plainRun] })
    expect(view.truth).toEqual([[[4, 4], [4, 4]]])
    expect(view.runs.map((r) => [r.runId, r.result?.taskId, r.loss.length])).toEqual([
      [tttRun, 'task-2', 3],
      [plainRun, 'task-2', 0]
    ])
    expect(await dispatch(handlers, 'taskAcrossRuns', { datasetPath: world.dataDir, taskId: 'task-9', runIds: [] })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it("previews a task's TTT data under a preset, with the loss mask per output", async () => {
    const preview = await handlers.tttPreview({ datasetPath: world.dataDir, taskId: 'task-0', preset: 'ttt', count: 4 })
    expect(preview.taskId).toBe('task-0')
    expect(preview.total).toBeGreaterThan(4)
    expect(preview.examples).toHaveLength(4)
    for (const example of preview.examples) {
      // Leave-one-out (2 demonstrations + the test) or leave-two-out (1 + the test): the default
      // mask takes the outputs of demonstrations 2..k and of the test, never the first demonstration's.
      expect(example.pairs.map((p) => p.inLoss)).toEqual(example.pairs.map((_, i) => i >= 1))
      expect(example.tokens).toBeGreaterThan(10)
    }
    const testOnly = await handlers.tttPreview({ datasetPath: world.dataDir, taskId: 'task-0', preset: 'test-output-loss', count: 2 })
    for (const example of testOnly.examples) expect(example.pairs.map((p) => p.inLoss).slice(-2)).toEqual([false, true])
    // Seeded: the same request gives the same sample.
    expect(await handlers.tttPreview({ datasetPath: world.dataDir, taskId: 'task-0', preset: 'ttt', count: 4 })).toEqual(preview)
  })
})

describe('deleting', () => {
  it('refuses to delete or resume a run some other process may be executing', async () => {
    const log = ExperimentLog.open(world.databasePath)
    const running = log.createRun(newRun({ name: 'cli run' }))
    log.close()
    expect(await dispatch(handlers, 'deleteRun', { runId: running })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining(`arc-ttt run --resume ${running}`) } })
    expect(await dispatch(handlers, 'resumeRun', { runId: running })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('is marked running but this workbench is not executing it') } })
    expect(await dispatch(handlers, 'resumeRun', { runId: tttRun })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('already completed') } })
    expect((await handlers.getRun({ runId: running })).status).toBe('running')
  })

  it('deletes a finished run and everything recorded for it', async () => {
    expect(await handlers.deleteRun({ runId: plainRun })).toEqual({ deleted: true })
    expect(await dispatch(handlers, 'getRun', { runId: plainRun })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect((await handlers.listRuns({})).runs.map((r) => r.id)).not.toContain(plainRun)
  })
})
