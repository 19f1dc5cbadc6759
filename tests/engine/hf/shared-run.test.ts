// The shared-adapter preset with the tiny Llama through the runner and log, as the ARC transformer
// runs it: one adapter trained once on both tasks' TTT data (its loss curve under phase
// `shared-adapter`), then each task predicted with it and recorded with no TTT steps of its own; a
// resumed run trains the adapter again and ends with the uninterrupted run's results.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDataset } from '../../../main/engine/arc'
import { resolveConfig } from '../../../main/engine/experiment/config'
import type { RunEvent } from '../../../main/engine/experiment/events'
import { continueRun, startRun, type RunRequest } from '../../../main/engine/experiment/runner'
import { openHfRunModel } from '../../../main/engine/model/hf/run-model'
import { ExperimentLog } from '../../../main/engine/store'
import { PROJECT_ROOT } from '../../cli/run-cli'
import { fixtureDir } from './fixtures'

const scratch = mkdtempSync(join(tmpdir(), 'hf-shared-run-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('the shared-adapter preset with a Hugging Face model', () => {
  it('trains one adapter for both tasks, predicts each with it, and resumes to the same results', async () => {
    const log = ExperimentLog.open(join(scratch, 'log.sqlite'))
    const dataset = await loadDataset(join(PROJECT_ROOT, 'resources/sample-tasks'))
    const overrides = { 'ttt.maxSteps': 3, 'ttt.batchSize': 1, 'ttt.loraRank': 4, 'inference.augment': false, 'inference.maxNewTokens': 40 }
    const config = resolveConfig('shared-adapter', overrides)
    const model = openHfRunModel(fixtureDir('llama-gqa'))
    const taskIds = ['flip-horizontal', 'gravity']
    const request: RunRequest = { dataset, taskIds, preset: 'shared-adapter', config, model, runtime: {}, log }
    const events: RunEvent[] = []
    const whole = await startRun({ ...request, onEvent: (e) => events.push(e) })
    expect(log.getRun(whole).status).toBe('completed')
    const sharedPhases = events.filter((e) => e.kind === 'phase' && e.phase === 'shared-adapter')
    expect(sharedPhases).toHaveLength(1)
    const steps = events.flatMap((e) => (e.kind === 'step' ? [{ taskId: e.taskId, step: e.step }] : []))
    expect(steps).toEqual([1, 2, 3].map((step) => ({ taskId: '*', step })))
    const losses = log.metricSeries(whole, 'ttt.loss', { phase: 'shared-adapter' })
    expect(losses.map((p) => p.step)).toEqual([1, 2, 3])
    expect(losses.every((p) => Number.isFinite(p.value))).toBe(true)
    const outcome = (runId: string) =>
      log.taskResults(runId).map((r) => ({ taskId: r.taskId, status: r.status, outputs: r.outputs, steps: r.tttSteps, loss: r.finalLoss }))
    expect(outcome(whole).map(({ taskId, status, steps, loss }) => ({ taskId, status, steps, loss }))).toEqual(
      taskIds.map((taskId) => ({ taskId, status: 'done', steps: 0, loss: null }))
    )
    for (const taskId of taskIds) expect(log.metricSeries(whole, 'ttt.loss', { taskId, phase: 'ttt' })).toEqual([])

    const controller = new AbortController()
    const stopAfterFirstTask = (e: RunEvent) => e.kind === 'task-finished' && controller.abort()
    const interrupted = await startRun({ ...request, signal: controller.signal, onEvent: stopAfterFirstTask })
    expect(log.getRun(interrupted).status).toBe('cancelled')
    const resumedEvents: RunEvent[] = []
    await continueRun(interrupted, { ...request, onEvent: (e) => resumedEvents.push(e) })
    expect(log.getRun(interrupted).status).toBe('completed')
    expect(resumedEvents.filter((e) => e.kind === 'phase' && e.phase === 'shared-adapter')).toHaveLength(1)
    expect(resumedEvents.filter((e) => e.kind === 'task-started').map((e) => e.kind === 'task-started' && e.taskId)).toEqual(['gravity'])
    expect(outcome(interrupted)).toEqual(outcome(whole))
    expect(log.metricSeries(interrupted, 'ttt.loss', { phase: 'shared-adapter' })).toEqual(losses)
    log.close()
  })
})
