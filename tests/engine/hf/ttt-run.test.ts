// A TTT run with the tiny Llama through `arc-ttt run --model`, logged like any run: the run, the
// task result with its TTT steps, the loss curve, the trained adapter as a PEFT folder; a folder
// without a tokenizer is refused.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readPeftAdapter } from '../../../main/engine/model/hf/peft-adapter'
import { readHfConfig } from '../../../main/engine/model/hf/model-folder'
import { ExperimentLog } from '../../../main/engine/store'
import { PROJECT_ROOT, runCli } from '../../cli/run-cli'
import { fixtureDir } from './fixtures'

const scratch = mkdtempSync(join(tmpdir(), 'hf-ttt-run-'))
const SAMPLES = join(PROJECT_ROOT, 'resources/sample-tasks')
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('arc-ttt run with a Hugging Face model', () => {
  it('adapts the tiny Llama to a bundled task and logs the run like any other', () => {
    const db = join(scratch, 'log.sqlite')
    const settings = ['ttt.maxSteps=3', 'ttt.batchSize=1', 'ttt.loraRank=4', 'ttt.saveAdapters=true']
    settings.push('inference.augment=false', 'inference.maxNewTokens=120')
    const args = ['run', '--data', SAMPLES, '--tasks', 'flip-horizontal', '--model', fixtureDir('llama-gqa')]
    const result = runCli([...args, ...settings.flatMap((s) => ['--set', s]), '--db', db, '--json'])
    expect(result.stderr).not.toMatch(/internal error/)
    expect(result.code).toBe(0)
    const log = ExperimentLog.open(db)
    try {
      const [run] = log.listRuns().runs
      expect(run).toMatchObject({ status: 'completed', modelId: 'llama-gqa' })
      const [task] = log.taskResults(run!.id)
      expect(task).toMatchObject({ taskId: 'flip-horizontal', status: 'done', tttSteps: 3 })
      expect(Number.isFinite(task!.finalLoss)).toBe(true)
      const losses = log.metricSeries(run!.id, 'ttt.loss', { taskId: 'flip-horizontal', phase: 'ttt' })
      expect(losses.map((p) => p.step)).toEqual([1, 2, 3])
      const [artifact] = log.artifacts(run!.id)
      expect(artifact).toMatchObject({ kind: 'adapter', taskId: 'flip-horizontal' })
      expect(existsSync(artifact!.path)).toBe(true)
      const adapter = readPeftAdapter(dirname(artifact!.path), readHfConfig(fixtureDir('llama-gqa')))
      expect(adapter.lora).toEqual({ rank: 4, alpha: 32, targets: ['q_proj', 'v_proj', 'gate_proj', 'up_proj', 'down_proj'] })
    } finally {
      log.close()
    }
  })

  it('refuses, before logging anything, a folder without a tokenizer', () => {
    const db = join(scratch, 'refused.sqlite')
    const untokenized = runCli(['run', '--data', SAMPLES, '--tasks', 'gravity', '--model', fixtureDir('qwen2-tied'), '--db', db])
    expect(untokenized.code).toBe(1)
    expect(untokenized.stderr).toMatch(/qwen2-tied: no tokenizer\.json; a run writes tasks as text and needs the model's tokenizer/)
    if (existsSync(db)) {
      const log = ExperimentLog.open(db)
      expect(log.listRuns().total).toBe(0)
      log.close()
    }
  })
})
