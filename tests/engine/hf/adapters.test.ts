// LoRA oracles on the tiny Llama and Qwen2 checkpoints: an untrained adapter (B = 0) changes
// nothing, a merged adapter equals the unmerged one (lm_head included where it can merge), and an
// adapter round-trips through PEFT's files; a pickled adapter is refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { forwardHfSequence } from '../../../main/engine/model/hf/forward'
import type { HfLoraConfig } from '../../../main/engine/model/hf/graphs'
import { hfAdapterTable, initialHfAdapters, mergeHfAdapters } from '../../../main/engine/model/hf/lora'
import { loadHfModel } from '../../../main/engine/model/hf/model-folder'
import { HF_LORA_TARGETS, hfParameterTable } from '../../../main/engine/model/hf/parameters'
import { ADAPTER_CONFIG, readPeftAdapter, writePeftAdapter } from '../../../main/engine/model/hf/peft-adapter'
import { inputWeights } from '../../../main/engine/model/weight-sources'
import { Graph } from '../../../main/engine/onnx/graph'
import * as op from '../../../main/engine/onnx/ops'
import { serializeGraph } from '../../../main/engine/onnx/serialize'
import { hostTensor, type HostTensor } from '../../../main/engine/runtime/host-tensor'
import { GraphSession } from '../../../main/engine/runtime/session'
import { createRng } from '../../../main/engine/random'
import { FIXTURE_MODELS, fixtureDir, maxAbsDifference } from './fixtures'

const scratch = mkdtempSync(join(tmpdir(), 'hf-adapters-'))
const sessions: GraphSession[] = []
afterAll(async () => {
  await Promise.all(sessions.map((s) => s.release()))
  rmSync(scratch, { recursive: true, force: true })
})

const [B, T] = [2, 16]
const tokens = hostTensor(BigInt64Array.from({ length: B * T }, (_, i) => BigInt((i * 37 + 5) % 500)), [B, T])

describe.each(FIXTURE_MODELS)('%s adapters', (model) => {
  const loaded = loadHfModel(fixtureDir(model))
  const config = loaded.config
  // A head LoRA cannot merge into a tied embedding, so the tied model adapts every other target.
  const targets = HF_LORA_TARGETS.filter((t) => !(config.tiedEmbeddings && t === 'lm_head'))
  const lora: HfLoraConfig = { rank: 4, alpha: 8, targets }
  const weightFeeds = (weights: ReadonlyMap<string, Float32Array>): Record<string, HostTensor> =>
    Object.fromEntries(hfParameterTable(config).map((p) => [p.name, hostTensor(weights.get(p.name)!, p.shape)]))

  /** Logits [B, T, V] with the adapters applied in the graph (unmerged), or of the plain model. */
  async function logits(weights: ReadonlyMap<string, Float32Array>, adapters?: ReadonlyMap<string, Float32Array>): Promise<Float32Array> {
    const graph = new Graph('adapted')
    const input = graph.input('tokens', 'int64', [B, T])
    const adapted = adapters ? { lora: { ...lora, source: inputWeights(graph) } } : {}
    graph.output(op.Identity(forwardHfSequence(config, input, { weights: inputWeights(graph), ...adapted }).logits, 'logits'))
    const session = await GraphSession.create(serializeGraph(graph))
    sessions.push(session)
    const table = hfAdapterTable(config, lora)
    const adapterFeeds = adapters ? Object.fromEntries(table.map((a) => [a.name, hostTensor(adapters.get(a.name)!, a.shape)])) : {}
    return (await session.run({ ...weightFeeds(weights), ...adapterFeeds, tokens })).logits!.data as Float32Array
  }

  /** Adapters with non-zero B, so they change the model. */
  const trainedLike = () => {
    const adapters = initialHfAdapters(config, lora, 3)
    const rng = createRng(4)
    for (const spec of hfAdapterTable(config, lora)) {
      const random = () => (rng.next() - 0.5) * 0.1
      if (spec.part === 'B') adapters.set(spec.name, Float32Array.from({ length: spec.shape[0] * spec.shape[1] }, random))
    }
    return adapters
  }

  it('an untrained adapter (B = 0, PEFT init) is an exact no-op', async () => {
    const plain = await logits(loaded.weights)
    expect(maxAbsDifference(await logits(loaded.weights, initialHfAdapters(config, lora, 1)), plain)).toBe(0)
  })

  it('a merged adapter equals the unmerged one', async () => {
    const adapters = trainedLike()
    const unmerged = await logits(loaded.weights, adapters)
    const merged = await logits(mergeHfAdapters(config, loaded.weights, lora, adapters))
    expect(maxAbsDifference(unmerged, await logits(loaded.weights))).toBeGreaterThan(1e-3)
    expect(maxAbsDifference(merged, unmerged)).toBeLessThan(2e-5)
  })

  it('round-trips through PEFT files (adapter_config.json + adapter_model.safetensors)', () => {
    const adapters = trainedLike()
    const dir = join(scratch, model)
    writePeftAdapter(dir, config, lora, adapters, 'tiny')
    const written = JSON.parse(readFileSync(join(dir, ADAPTER_CONFIG), 'utf8')) as Record<string, unknown>
    expect(written).toMatchObject({ peft_type: 'LORA', r: 4, lora_alpha: 8, target_modules: targets })
    const back = readPeftAdapter(dir, config)
    expect(back.lora).toEqual(lora)
    for (const [name, data] of adapters) expect(maxAbsDifference(back.adapters.get(name)!, data), name).toBe(0)
  })

  it('refuses a pickled adapter_model.bin and explains the conversion', () => {
    const dir = join(scratch, `${model}-pickled`)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'adapter_model.bin'), 'never read')
    const conversion = /never loaded.*save_file\(torch\.load\("adapter_model\.bin", weights_only=True\), "adapter_model\.safetensors"\)/
    expect(() => readPeftAdapter(dir, config)).toThrow(conversion)
  })
})
