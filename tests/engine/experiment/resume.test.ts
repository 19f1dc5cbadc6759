// Crash-safe resume: a run interrupted after its first task, in-process (cancellation) and for real
// (kill -9 of the CLI), then resumed, ends with exactly the results of an uninterrupted run.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDataset } from '../../../main/engine/arc'
import { resolveConfig } from '../../../main/engine/experiment/config'
import { continueRun, startRun, type RunRequest } from '../../../main/engine/experiment/runner'
import { saveModel } from '../../../main/engine/model/model-files'
import { ExperimentLog } from '../../../main/engine/store'
import { runCli, PROJECT_ROOT } from '../../cli/run-cli'
import { constantOutputTask, tinyModel } from './fixtures'

const dir = mkdtempSync(join(tmpdir(), 'arc-ttt-resume-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const dataDir = join(dir, 'tasks')
mkdirSync(dataDir)
for (const [i, colours] of [[1, 2, 3, 5], [2, 3, 6, 7], [1, 5, 8, 9]].entries()) {
  const task = constantOutputTask(`task-${i}`, colours)
  writeFileSync(join(dataDir, `task-${i}.json`), JSON.stringify({ train: task.train, test: task.test }))
}
const OVERRIDES = { 'data.cap': 24, 'ttt.mode': 'full', 'ttt.epochs': 2, 'ttt.learningRate': 0.01, 'inference.maxNewTokens': 12 }

/** What must not change between an interrupted-and-resumed run and an uninterrupted one. */
function outcome(log: ExperimentLog, runId: string) {
  return log.taskResults(runId).map((r) => ({ taskId: r.taskId, status: r.status, outputs: r.outputs, official: r.officialScore, steps: r.tttSteps, loss: r.finalLoss, candidates: r.candidates }))
}

describe('resume', () => {
  it('after a cancellation mid-run gives the same results as an uninterrupted run', async () => {
    const log = ExperimentLog.open(join(dir, 'in-process.sqlite'))
    const dataset = await loadDataset(dataDir)
    const request: RunRequest = { dataset, taskIds: ['task-0', 'task-1', 'task-2'], preset: 'ttt', config: resolveConfig('ttt', OVERRIDES), model: tinyModel(), runtime: {}, log }
    const whole = await startRun(request)
    const controller = new AbortController()
    const interrupted = await startRun({ ...request, signal: controller.signal, onEvent: (e) => e.kind === 'task-finished' && controller.abort() })
    expect(log.getRun(interrupted).status).toBe('cancelled')
    expect(log.finishedTaskIds(interrupted).size).toBe(1)
    await continueRun(interrupted, request)
    expect(log.getRun(interrupted).status).toBe('completed')
    expect(outcome(log, interrupted)).toEqual(outcome(log, whole))
    log.close()
  })

  it('after kill -9 of the CLI in the middle of the run gives the same results', async () => {
    const modelDir = join(dir, 'tiny-model')
    await saveModel(modelDir, tinyModel().config, tinyModel().weights)
    const db = join(dir, 'cli.sqlite')
    const args = ['run', '--data', dataDir, '--model', modelDir, '--db', db, ...Object.entries(OVERRIDES).flatMap(([k, v]) => ['--set', `${k}=${v}`])]
    const whole = JSON.parse(runCli([...args, '--json']).stdout) as { runId: string }

    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'arc-ttt.mjs'), ...args], { cwd: PROJECT_ROOT })
    let stderr = ''
    const killed = new Promise<string>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        const runId = /run (run-[\w-]+): 3 tasks/.exec(stderr)?.[1]
        if (runId && /task 1\/3 task-0/.test(stderr) && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL') // task-1 is under way: killed in the middle of a task
          resolve(runId)
        }
      })
    })
    const runId = await killed
    await new Promise((resolve) => child.once('exit', resolve))
    const before = ExperimentLog.open(db, { readonly: true })
    expect(before.getRun(runId).status).toBe('running') // nobody could mark it
    expect(before.finishedTaskIds(runId).size).toBeLessThan(3)
    before.close()

    const resumed = runCli(['run', '--resume', runId, '--model', modelDir, '--db', db, '--json'])
    expect(resumed.code, resumed.stderr).toBe(0)
    const log = ExperimentLog.open(db, { readonly: true })
    expect(log.getRun(runId).status).toBe('completed')
    expect(outcome(log, runId)).toEqual(outcome(log, whole.runId))
    log.close()
  })
})
