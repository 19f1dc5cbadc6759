// A run with the tiny Llama interrupted after its first task and resumed ends with the results of
// an uninterrupted run, as runs of the ARC transformer do (tests/engine/experiment/resume.test.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDataset } from '../../../main/engine/arc'
import { resolveConfig } from '../../../main/engine/experiment/config'
import { continueRun, startRun, type RunRequest } from '../../../main/engine/experiment/runner'
import { openHfRunModel } from '../../../main/engine/model/hf/run-model'
import { ExperimentLog } from '../../../main/engine/store'
import { PROJECT_ROOT } from '../../cli/run-cli'
import { fixtureDir } from './fixtures'

const scratch = mkdtempSync(join(tmpdir(), 'hf-resume-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('resuming a run with a Hugging Face model', () => {
  it('after a cancellation gives the results of an uninterrupted run', async () => {
    const log = ExperimentLog.open(join(scratch, 'log.sqlite'))
    const dataset = await loadDataset(join(PROJECT_ROOT, 'resources/sample-tasks'))
    const overrides = { 'ttt.maxSteps': 2, 'ttt.batchSize': 1, 'ttt.loraRank': 4, 'inference.augment': false, 'inference.maxNewTokens': 40 }
    const config = resolveConfig('ttt', overrides)
    const model = openHfRunModel(fixtureDir('llama-gqa'))
    const request: RunRequest = { dataset, taskIds: ['flip-horizontal', 'gravity'], preset: 'ttt', config, model, runtime: {}, log }
    const whole = await startRun(request)
    const controller = new AbortController()
    const stopAfterFirstTask = (e: { kind: string }) => e.kind === 'task-finished' && controller.abort()
    const interrupted = await startRun({ ...request, signal: controller.signal, onEvent: stopAfterFirstTask })
    expect(log.getRun(interrupted).status).toBe('cancelled')
    await continueRun(interrupted, request)
    const outcome = (runId: string) =>
      log.taskResults(runId).map((r) => ({ taskId: r.taskId, outputs: r.outputs, steps: r.tttSteps, loss: r.finalLoss }))
    expect(log.getRun(interrupted).status).toBe('completed')
    expect(outcome(interrupted)).toEqual(outcome(whole))
    expect(outcome(whole).map((r) => r.steps)).toEqual([2, 2])
    log.close()
  })
})
