// `arc-ttt pretrain` end to end on a tiny model and tasks the test writes: a checkpoint and a logged
// run, flag errors that name the flag, and the note a resume on another provider leaves in the log.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noteProviderChange } from '../../main/cli/commands/pretrain'
import { ExperimentLog } from '../../main/engine/store'
import { runCli } from './run-cli'

let root: string
let data: string
let modelConfig: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'arc-ttt-pretrain-cli-'))
  data = join(root, 'training')
  await mkdir(data)
  // Six tasks whose rule is "swap colours 1 and 2" on 2x2 grids.
  const swap = (g: number[][]) => g.map((row) => row.map((c) => (c === 1 ? 2 : c === 2 ? 1 : c)))
  for (let t = 0; t < 6; t++) {
    const grid = (k: number) => [[(t + k) % 3, (t + 2 * k) % 3], [(k + 1) % 3, t % 3]]
    const pair = (k: number) => ({ input: grid(k), output: swap(grid(k)) })
    await writeFile(join(data, `swap-${t}.json`), JSON.stringify({ train: [pair(1), pair(2), pair(3)], test: [pair(4)] }))
  }
  modelConfig = join(root, 'tiny.json')
  await writeFile(modelConfig, JSON.stringify({ channels: 16, layers: 1, heads: 2, maxSequence: 128, contextBuckets: [64, 128] }))
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('arc-ttt pretrain', () => {
  it('trains, checkpoints and logs a run with its batch seed', async () => {
    const out = join(root, 'out')
    const db = join(root, 'log.sqlite')
    const result = runCli(['pretrain', '--data', data, '--out', out, '--model-config', modelConfig, '--steps', '2', '--batch', '2', '--context', '128', '--batch-seed', '4', '--eval-every', '2', '--db', db])
    expect(`${result.stdout}${result.stderr}`).toMatch(/finished at step 2/)
    expect(result.code).toBe(0)
    const latest = JSON.parse(await readFile(join(out, 'latest.json'), 'utf8')) as { checkpoint: string }
    const state = JSON.parse(await readFile(join(out, latest.checkpoint, 'trainer-state.json'), 'utf8')) as { step: number; options: { batchSeed?: number } }
    expect(state.step).toBe(2)
    expect(state.options.batchSeed).toBe(4)
    const log = ExperimentLog.open(db)
    try {
      const runs = log.listRuns().runs
      expect(runs).toHaveLength(1)
      expect(runs[0]!.preset).toBe('pretrain')
      expect(log.metricSeries(runs[0]!.id, 'pretrain.loss')).toHaveLength(2)
    } finally {
      log.close()
    }
  })

  it('names the flag in a bad or conflicting value', () => {
    const bad = runCli(['pretrain', '--data', data, '--out', join(root, 'bad'), '--batch-seed', 'x'])
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/--batch-seed must be an integer, got "x"/)
    const conflicting = runCli(['pretrain', '--data', data, '--out', join(root, 'out'), '--resume', '--batch-seed', '3'])
    expect(conflicting.code).not.toBe(0)
    expect(conflicting.stderr).toMatch(/--resume continues with the checkpoint's own options: drop --batch-seed/)
  })

  it('notes a resume on another provider once, and not a resume on the same one', async () => {
    const log = ExperimentLog.open(join(root, 'notes.sqlite'))
    try {
      const id = log.createRun({ name: 'stage', preset: 'pretrain', config: {}, configHash: 'h', seed: 0, modelId: 'm', modelHash: 'x', datasetPath: data, datasetFingerprint: 'f', provider: 'webgpu' })
      log.setProviderUsed(id, 'webgpu')
      noteProviderChange(log, id, 'webgpu', 100)
      expect(log.getRun(id).notes).toBe('')
      noteProviderChange(log, id, 'cpu', 961)
      noteProviderChange(log, id, 'cpu', 961)
      expect(log.getRun(id).notes).toBe('resumed on cpu from step 962 (before: webgpu)')
    } finally {
      log.close()
    }
  })
})
