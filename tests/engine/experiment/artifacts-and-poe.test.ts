// Saved adapters become artifacts that load back; product-of-experts voting ranks the candidates
// by their summed negative log-likelihood.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDataset } from '../../../main/engine/arc'
import { resolveConfig } from '../../../main/engine/experiment/config'
import { startRun } from '../../../main/engine/experiment/runner'
import { runTask } from '../../../main/engine/experiment/task-run'
import { ModelSessions } from '../../../main/engine/inference/model-sessions'
import { adapterTable } from '../../../main/engine/model/lora'
import { decodeSafetensors } from '../../../main/engine/model/safetensors'
import { ExperimentLog } from '../../../main/engine/store'
import { TrainGraphs } from '../../../main/engine/ttt/adapt/train-graphs'
import { constantOutputTask, tinyModel } from './fixtures'

const dir = mkdtempSync(join(tmpdir(), 'arc-ttt-artifacts-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('adapter artifacts', () => {
  it('are written per task, recorded with size and hash, and hold every adapter tensor', async () => {
    mkdirSync(join(dir, 'tasks'))
    const task = constantOutputTask('one', [1, 2, 3, 5])
    writeFileSync(join(dir, 'tasks', 'one.json'), JSON.stringify({ train: task.train, test: task.test }))
    const log = ExperimentLog.open(join(dir, 'log.sqlite'))
    const config = resolveConfig('ttt', { 'data.cap': 8, 'ttt.saveAdapters': true, 'inference.maxNewTokens': 8 })
    const runId = await startRun({ dataset: await loadDataset(join(dir, 'tasks')), taskIds: ['one'], preset: 'ttt', config, model: tinyModel(), runtime: {}, log })
    const [artifact] = log.artifacts(runId)
    expect(artifact).toMatchObject({ kind: 'adapter', taskId: 'one' })
    const bytes = readFileSync(artifact!.path)
    expect(bytes.length).toBe(artifact!.bytes)
    const { tensors, metadata } = decodeSafetensors(new Uint8Array(bytes), artifact!.path)
    const lora = { rank: 16, alpha: 32, targets: config.ttt.loraTargets }
    expect([...tensors.keys()].sort()).toEqual(adapterTable(tinyModel().config, lora).map((a) => a.name).sort())
    expect(metadata).toMatchObject({ task: 'one', rank: '16' })
    log.close()
  })
})

describe('product-of-experts voting', () => {
  it('scores every candidate and orders the attempts by summed NLL', async () => {
    const model = tinyModel(3)
    const config = resolveConfig('vote-poe', { 'ttt.enabled': false, 'inference.maxNewTokens': 10, 'inference.constrained': true, 'vote.poeViews': 4 })
    const sessions = new ModelSessions(model.config, model.weights)
    const { result } = await runTask(constantOutputTask('poe', [1, 2, 3, 5]), { config, model: model.config, baseWeights: model.weights, sessions, trainGraphs: new TrainGraphs(model.config), onPhase: () => undefined, onStep: () => undefined })
    const scores = result.candidates.map((c) => c.score)
    expect(scores.length).toBeGreaterThan(0)
    expect(scores.every((s) => typeof s === 'number' && s > 0)).toBe(true)
    const best = [...result.candidates].sort((a, b) => a.score! - b.score!)[0]!
    expect(result.outputs[0]!.attempts[0]).toEqual(best.grid)
    await sessions.release()
  })
})
