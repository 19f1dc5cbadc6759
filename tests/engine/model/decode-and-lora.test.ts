// Model oracles: cached decoding equals full recomputation; an untrained LoRA adapter changes
// nothing; a merged adapter equals the unmerged one; the model files round-trip and refuse damage.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { continueSequence } from '../../../main/engine/inference/continuation'
import { tokenFeeds } from '../../../main/engine/inference/feeds'
import { greedyDecode } from '../../../main/engine/inference/greedy'
import { argmax } from '../../../main/engine/inference/grid-constraint'
import { ModelSessions } from '../../../main/engine/inference/model-sessions'
import { forwardSequence } from '../../../main/engine/model/arc-transformer'
import { bucketFor } from '../../../main/engine/model/config'
import type { LoraConfig } from '../../../main/engine/model/graphs'
import { adapterTable, initialAdapters, mergeAdapters } from '../../../main/engine/model/lora'
import { loadModel, saveModel } from '../../../main/engine/model/model-files'
import { initialWeights, parameterTable } from '../../../main/engine/model/parameters'
import { inputWeights } from '../../../main/engine/model/weight-sources'
import { Graph } from '../../../main/engine/onnx/graph'
import * as op from '../../../main/engine/onnx/ops'
import { serializeGraph } from '../../../main/engine/onnx/serialize'
import { hostTensor } from '../../../main/engine/runtime/host-tensor'
import { GraphSession } from '../../../main/engine/runtime/session'
import { encodeTask } from '../../../main/engine/tokenizer/encode'
import { TOKEN } from '../../../main/engine/tokenizer/vocab'
import { FLIP_TASK, TINY_CONFIG } from './tiny-model'

const weights = initialWeights(TINY_CONFIG, 1)
const prompt = encodeTask(FLIP_TASK, 0, false)

/** Greedy decoding by running the full forward graph on the whole sequence at every step. */
async function decodeByRecomputation(sessions: ModelSessions, steps: number): Promise<number[]> {
  const tokens: number[] = []
  for (let k = 0; k < steps; k++) {
    const sequence = continueSequence(prompt, tokens)
    const t = bucketFor(TINY_CONFIG, sequence.length)!
    const out = await (await sessions.forward(1, t)).run(sessions.withWeights(tokenFeeds([sequence], t)))
    const next = argmax(out.logits!.data as Float32Array, (sequence.length - 1) * TINY_CONFIG.vocabSize)
    tokens.push(next)
    if (next === TOKEN.END) break
  }
  return tokens
}

describe('decoding', () => {
  it('with the key/value cache produces exactly the tokens of full recomputation', async () => {
    const sessions = new ModelSessions(TINY_CONFIG, weights)
    const [cached] = await greedyDecode(sessions, [prompt], { maxNewTokens: 20, constrained: false })
    expect(cached!.tokens).toEqual(await decodeByRecomputation(sessions, 20))
    expect(cached!.tokens.length).toBeGreaterThan(3)
    await sessions.release()
  })

  it('batches prompts of different lengths without changing any result', async () => {
    const sessions = new ModelSessions(TINY_CONFIG, weights)
    const short = encodeTask({ ...FLIP_TASK, train: FLIP_TASK.train.slice(0, 1) }, 0, false)
    const together = await greedyDecode(sessions, [prompt, short], { maxNewTokens: 15, constrained: false })
    const alone = [...(await greedyDecode(sessions, [prompt], { maxNewTokens: 15, constrained: false })), ...(await greedyDecode(sessions, [short], { maxNewTokens: 15, constrained: false }))]
    expect(together.map((g) => g.tokens)).toEqual(alone.map((g) => g.tokens))
    await sessions.release()
  })

  it('constrained decoding always yields a well-formed grid', async () => {
    const sessions = new ModelSessions(TINY_CONFIG, initialWeights(TINY_CONFIG, 9))
    const results = await greedyDecode(sessions, [prompt], { maxNewTokens: 60, constrained: true })
    const tokens = results[0]!.tokens
    const widths: number[] = []
    let width = 0
    for (const token of tokens) {
      if (token === TOKEN.ROW_END) {
        widths.push(width)
        width = 0
      } else if (token === TOKEN.END) expect(width).toBe(0)
      else {
        expect(token).toBeLessThanOrEqual(9)
        width++
      }
    }
    expect(widths.length).toBeGreaterThan(0)
    expect(new Set(widths).size).toBe(1)
    expect(Math.max(width, ...widths)).toBeLessThanOrEqual(widths[0]!)
    if (tokens.at(-1) === TOKEN.END) expect(results[0]!.decoded.ok).toBe(true)
    await sessions.release()
  })
})

async function loraLogits(lora: LoraConfig, adapters: Map<string, Float32Array>): Promise<Float32Array> {
  const g = new Graph('lora-forward')
  const t = 64
  const names = ['tokens', 'rows', 'cols', 'examples', 'roles'] as const
  const [tokens, rows, cols, examples, roles] = names.map((n) => g.input(n, 'int64', [1, t])) as [never, never, never, never, never]
  const { logits } = forwardSequence(TINY_CONFIG, { tokens, rows, cols, examples, roles }, { weights: inputWeights(g), lora: { ...lora, source: inputWeights(g) } })
  g.output(op.Identity(logits, 'logits'))
  const session = await GraphSession.create(serializeGraph(g))
  const feeds = { ...tokenFeeds([prompt], t) } as Record<string, ReturnType<typeof hostTensor>>
  for (const p of parameterTable(TINY_CONFIG)) feeds[p.name] = hostTensor(weights.get(p.name)!, p.shape)
  for (const a of adapterTable(TINY_CONFIG, lora)) feeds[a.name] = hostTensor(adapters.get(a.name)!, a.shape)
  const out = (await session.run(feeds)).logits!.data as Float32Array
  await session.release()
  return out
}

async function baseLogits(w: ReadonlyMap<string, Float32Array>): Promise<Float32Array> {
  const sessions = new ModelSessions(TINY_CONFIG, w)
  const out = await (await sessions.forward(1, 64)).run(sessions.withWeights(tokenFeeds([prompt], 64)))
  await sessions.release()
  return out.logits!.data as Float32Array
}

describe('LoRA', () => {
  const lora: LoraConfig = { rank: 4, alpha: 8, targets: ['q', 'k', 'v', 'o', 'up', 'down'] }

  it('an untrained adapter (B = 0) changes nothing', async () => {
    expect(await loraLogits(lora, initialAdapters(TINY_CONFIG, lora, 3))).toEqual(await baseLogits(weights))
  })

  it('a merged adapter equals the unmerged one', async () => {
    const adapters = initialAdapters(TINY_CONFIG, lora, 3)
    for (const [name, data] of adapters) if (name.endsWith('lora_b')) data.forEach((_, i) => (data[i] = Math.sin(i + name.length) * 0.2))
    const unmerged = await loraLogits(lora, adapters)
    const merged = await baseLogits(mergeAdapters(TINY_CONFIG, weights, lora, adapters))
    expect(Math.max(...unmerged.map((x, i) => Math.abs(x - merged[i]!)))).toBeLessThan(1e-4)
    expect(unmerged).not.toEqual(await baseLogits(weights)) // the adapter does change the model
  })
})

describe('model files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arc-ttt-model-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('round-trip weights, config and a stable hash', async () => {
    const hash = await saveModel(join(dir, 'tiny'), TINY_CONFIG, weights)
    const loaded = await loadModel(join(dir, 'tiny'))
    expect(loaded.id).toBe('tiny')
    expect(loaded.hash).toBe(hash)
    expect(loaded.config).toEqual(TINY_CONFIG)
    for (const [name, data] of weights) expect(loaded.weights.get(name)).toEqual(data)
    expect(await saveModel(join(dir, 'again'), TINY_CONFIG, weights)).toBe(hash)
  })

  it('refuse a truncated, corrupt or mismatched model with a clear error', async () => {
    await saveModel(join(dir, 'bad'), TINY_CONFIG, weights)
    const file = join(dir, 'bad', 'model.safetensors')
    const bytes = readFileSync(file)
    writeFileSync(file, bytes.subarray(0, bytes.length - 100))
    await expect(loadModel(join(dir, 'bad'))).rejects.toThrow(/model\.safetensors: tensor .* data ends at byte \d+ but the file has \d+ \(truncated\)/)
    writeFileSync(file, Buffer.from('not a model at all'))
    await expect(loadModel(join(dir, 'bad'))).rejects.toThrow(/header length \d+ does not fit/)
    await saveModel(join(dir, 'bad'), TINY_CONFIG, weights)
    writeFileSync(join(dir, 'bad', 'config.json'), JSON.stringify({ ...TINY_CONFIG, channels: 32 }))
    await expect(loadModel(join(dir, 'bad'))).rejects.toThrow(/does not match config.json: embed.token has shape \[15,16\], the config needs \[15,32\]/)
    writeFileSync(join(dir, 'bad', 'config.json'), JSON.stringify({ ...TINY_CONFIG, heads: 3 }))
    await expect(loadModel(join(dir, 'bad'))).rejects.toThrow(/channels \(16\) must be divisible by heads \(3\)/)
    await expect(loadModel(join(dir, 'missing'))).rejects.toThrow(/cannot read \(ENOENT\)/)
  })
})
