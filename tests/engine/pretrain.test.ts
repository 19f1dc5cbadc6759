// Pretraining: deterministic fresh batches, held-out tasks kept out, a falling loss, and a resume
// that reproduces the uninterrupted run bit for bit (CPU provider, tiny model).
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDataset, validTasks } from '../../main/engine/arc'
import type { Task } from '../../main/engine/arc/types'
import { DEFAULT_MODEL_CONFIG, type ArcModelConfig } from '../../main/engine/model/config'
import { batchExamples, CheckpointError, loadCheckpoint, pretrain, splitTasks, type PretrainEvent } from '../../main/engine/pretrain'
import { createRng } from '../../main/engine/random'
import { forbiddenDataReason } from '../../main/cli/commands/pretrain'

const CONFIG: ArcModelConfig = { ...DEFAULT_MODEL_CONFIG, channels: 16, layers: 2, heads: 2, maxSequence: 128, contextBuckets: [64, 128] }
const RUNTIME = { intraOpThreads: 2 }

/** Small tasks with learnable rules: recolour c -> c+1 (mod 10, 0 kept) or a left-right flip. */
function makeTasks(count: number): Record<string, unknown> {
  const rng = createRng(11)
  const tasks: Record<string, unknown> = {}
  for (let t = 0; t < count; t++) {
    const rule = t % 2 === 0 ? (g: number[][]) => g.map((row) => row.map((c) => (c === 0 ? 0 : (c % 9) + 1))) : (g: number[][]) => g.map((row) => [...row].reverse())
    const pair = () => {
      const h = rng.int(2, 4)
      const w = rng.int(2, 4)
      const input = Array.from({ length: h }, () => Array.from({ length: w }, () => (rng.chance(0.5) ? 0 : rng.int(1, 9))))
      return { input, output: rule(input) }
    }
    tasks[`task-${String(t).padStart(2, '0')}`] = { train: [pair(), pair(), pair()], test: [pair()] }
  }
  return tasks
}

let root: string
let tasks: Task[]

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'arc-ttt-pretrain-'))
  const dataDir = join(root, 'data')
  await mkdir(dataDir)
  for (const [id, task] of Object.entries(makeTasks(12))) await writeFile(join(dataDir, `${id}.json`), JSON.stringify(task))
  tasks = validTasks(await loadDataset(dataDir))
  expect(tasks).toHaveLength(12)
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

const tokensOf = (step: number, seed = 7) => batchExamples(tasks, seed, step, 6, 128, CONFIG.maxExamples).map((e) => [...e.sequence.tokens.slice(0, e.sequence.length)].join(','))

describe('pretraining data', () => {
  it('samples each batch deterministically from (seed, step), within the context', () => {
    expect(tokensOf(3)).toEqual(tokensOf(3))
    expect(tokensOf(3)).not.toEqual(tokensOf(4))
    expect(tokensOf(3)).not.toEqual(tokensOf(3, 8))
    for (let step = 1; step <= 20; step++) {
      for (const example of batchExamples(tasks, 7, step, 6, 64, CONFIG.maxExamples)) {
        expect(example.sequence.length).toBeLessThanOrEqual(64)
        expect(example.targetTokens).toBeGreaterThan(0)
      }
    }
  })

  it('refuses evaluation sets and the full ARC-AGI-2 training set as pretraining data', () => {
    expect(forbiddenDataReason('../shared/arc/arc-agi-1/evaluation')).toMatch(/evaluation set/)
    expect(forbiddenDataReason('../shared/arc/arc-agi-2/training')).toMatch(/full ARC-AGI-2 training set/)
    expect(forbiddenDataReason('../shared/arc/arc-agi-2/training-extra')).toBeUndefined()
    expect(forbiddenDataReason('../shared/arc/arc-agi-1/training')).toBeUndefined()
  })

  it('never puts a held-out task in a training batch', () => {
    const split = splitTasks(tasks, 5, 0.04, 128)
    expect(split.heldOut).toHaveLength(1)
    expect(split.training).toHaveLength(11)
    const heldIds = new Set(split.heldOut.map((t) => t.id))
    const seen = new Set<string>()
    for (let step = 1; step <= 100; step++) for (const e of batchExamples(split.training, 5, step, 4, 128, CONFIG.maxExamples)) seen.add(e.taskId)
    expect([...seen].filter((id) => heldIds.has(id))).toEqual([])
    expect(seen.size).toBe(11)
  })
})

describe('pretraining loop', () => {
  const options = { steps: 30, batchSize: 4, context: 128, learningRate: 1e-2, warmupFraction: 0.1, evalEvery: 10, checkpointEvery: 10, seed: 3 }

  it('lowers the loss over 30 steps and logs a held-out loss', async () => {
    const events: PretrainEvent[] = []
    const result = await pretrain({ tasks, out: join(root, 'loss'), options, modelConfig: CONFIG, runtime: RUNTIME, onEvent: (e) => events.push(e) })
    const losses = events.flatMap((e) => (e.kind === 'step' ? [e.loss] : []))
    expect(losses).toHaveLength(30)
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(losses.slice(-5))).toBeLessThan(mean(losses.slice(0, 5)) * 0.8)
    const heldOut = events.flatMap((e) => (e.kind === 'held-out' ? [e.loss] : []))
    expect(heldOut).toHaveLength(3)
    expect(heldOut.every(Number.isFinite)).toBe(true)
    expect(heldOut[2]!).toBeLessThan(heldOut[0]!)
    const started = events.find((e) => e.kind === 'started')!
    expect(started.kind === 'started' && started.split.heldOut.length).toBe(1)
    expect(result.finished).toBe(true)
    expect(events.filter((e) => e.kind === 'checkpoint').map((e) => e.step)).toEqual([10, 20, 30])
  })

  it('resumes from a checkpoint to exactly the parameters of an uninterrupted run', async () => {
    const short = { ...options, steps: 8, evalEvery: 4, checkpointEvery: 3 }
    const whole = await pretrain({ tasks, out: join(root, 'whole'), options: short, modelConfig: CONFIG, runtime: RUNTIME })
    const stopped = await pretrain({ tasks, out: join(root, 'split'), options: short, modelConfig: CONFIG, runtime: RUNTIME, stopAfterStep: 3 })
    expect(stopped.step).toBe(3)
    expect(stopped.finished).toBe(false)
    await expect(pretrain({ tasks, out: join(root, 'split'), options: short, modelConfig: CONFIG, runtime: RUNTIME })).rejects.toThrow(/already holds a pretraining checkpoint/)
    const resumed = await pretrain({ tasks, out: join(root, 'split'), resume: true, runtime: RUNTIME })
    expect(resumed.step).toBe(8)
    for (const [name, value] of whole.weights) expect(resumed.weights.get(name), name).toEqual(value)
    const [a, b] = await Promise.all([loadCheckpoint(join(root, 'whole')), loadCheckpoint(join(root, 'split'))])
    expect(b.state.step).toBe(8)
    expect(b.state.weightsHash).toBe(a.state.weightsHash)
    expect(b.state.optimizerHash).toBe(a.state.optimizerHash)
  })

  it('continues given initial weights (pretrain --init) instead of the seeded ones', async () => {
    const first = await pretrain({ tasks, out: join(root, 'init-source'), options: { ...options, steps: 4, evalEvery: 4 }, modelConfig: CONFIG, runtime: RUNTIME })
    const nearlyFrozen = { ...options, steps: 1, evalEvery: 1, learningRate: 1e-12, warmupFraction: 0 }
    const continued = await pretrain({ tasks, out: join(root, 'init-continued'), options: nearlyFrozen, modelConfig: CONFIG, initialWeights: first.weights, runtime: RUNTIME })
    const fresh = await pretrain({ tasks, out: join(root, 'init-fresh'), options: nearlyFrozen, modelConfig: CONFIG, runtime: RUNTIME })
    const maxDifference = (a: ReadonlyMap<string, Float32Array>, b: ReadonlyMap<string, Float32Array>) =>
      Math.max(...[...a].map(([name, value]) => Math.max(...value.map((x, i) => Math.abs(x - b.get(name)![i]!)))))
    expect(maxDifference(continued.weights, first.weights)).toBeLessThan(1e-6)
    expect(maxDifference(fresh.weights, first.weights)).toBeGreaterThan(1e-3)
    expect(continued.heldOutLoss).toBeCloseTo(first.heldOutLoss, 4)
  })

  it('a batch seed (a new --init stage) keeps the held-out split but draws other batches, and is kept for a resume', async () => {
    const stage = { ...options, steps: 2, evalEvery: 2, checkpointEvery: 2 }
    const run = async (out: string, batchSeed?: number) => {
      const events: PretrainEvent[] = []
      await pretrain({ tasks, out: join(root, out), options: { ...stage, ...(batchSeed !== undefined ? { batchSeed } : {}) }, modelConfig: CONFIG, runtime: RUNTIME, onEvent: (e) => events.push(e) })
      const started = events.find((e) => e.kind === 'started')
      return { heldOut: started?.kind === 'started' ? started.split.heldOut.map((t) => t.id) : [], losses: events.flatMap((e) => (e.kind === 'step' ? [e.loss] : [])) }
    }
    const plain = await run('batch-seed-plain')
    const reseeded = await run('batch-seed-9', 9)
    expect(reseeded.heldOut).toEqual(plain.heldOut)
    expect(reseeded.losses[0]).not.toBe(plain.losses[0])
    expect((await loadCheckpoint(join(root, 'batch-seed-9'))).state.options.batchSeed).toBe(9)
  })

  it('refuses an absent or corrupt checkpoint with a clear error', async () => {
    await expect(pretrain({ tasks, out: join(root, 'nothing-here'), resume: true })).rejects.toThrow(/no checkpoint in .*latest\.json is missing/)
    const source = join(root, 'whole')
    const corrupt = async (name: string, file: string, content: string) => {
      const dir = join(root, name)
      await cp(source, dir, { recursive: true })
      await writeFile(join(dir, 'checkpoints', 'step-000008', file), content)
      return dir
    }
    await expect(loadCheckpoint(await corrupt('bad-optimizer', 'optimizer.safetensors', 'garbage'))).rejects.toThrow(/optimizer\.safetensors: contents do not match/)
    await expect(loadCheckpoint(await corrupt('bad-model', 'model.safetensors', 'garbage'))).rejects.toThrow(CheckpointError)
    await expect(loadCheckpoint(await corrupt('bad-state', 'trainer-state.json', '{"step":'))).rejects.toThrow(/trainer-state\.json: cannot read the trainer state/)
    const other = tasks.slice(0, 11)
    await expect(pretrain({ tasks: other, out: source, resume: true })).rejects.toThrow(/trained on other data/)
  })
})
