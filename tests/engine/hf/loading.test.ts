// Loading model folders: sharded checkpoints, float16 conversion, and errors a user can act on
// (unsupported architecture, missing or mismatched tensor with both shapes, truncated file, pickles).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseHfConfig } from '../../../main/engine/model/hf/config'
import { loadHfModel } from '../../../main/engine/model/hf/model-folder'
import { inverseFrequencies } from '../../../main/engine/model/hf/rope'
import { SafetensorsFile, toFloat32 } from '../../../main/engine/model/hf/safetensors-reader'
import { fixtureDir, maxAbsDifference } from './fixtures'

const scratch = mkdtempSync(join(tmpdir(), 'hf-loading-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
const llama = fixtureDir('llama-gqa')
const config = JSON.parse(readFileSync(join(llama, 'config.json'), 'utf8')) as Record<string, unknown>

/** A safetensors file of the given tensors, each stored as `dtype` from raw bytes. */
function writeSafetensors(path: string, tensors: { name: string; dtype: string; shape: number[]; bytes: Uint8Array }[]): void {
  let offset = 0
  const header: Record<string, unknown> = {}
  for (const t of tensors) {
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.bytes.length] }
    offset += t.bytes.length
  }
  const json = Buffer.from(JSON.stringify(header))
  const length = Buffer.alloc(8)
  length.writeBigUInt64LE(BigInt(json.length))
  writeFileSync(path, Buffer.concat([length, json, ...tensors.map((t) => Buffer.from(t.bytes))]))
}

function folderWith(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(scratch, name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const [file, content] of Object.entries(files)) {
    const path = join(dir, file)
    writeFileSync(path, content)
  }
  return dir
}

describe('Hugging Face model folders', () => {
  const base = loadHfModel(llama)

  it('load the shards a model.safetensors.index.json lists, giving the same weights', () => {
    const file = SafetensorsFile.open(join(llama, 'model.safetensors'))
    const names = [...file.tensors.keys()]
    const dir = folderWith('sharded', { 'config.json': JSON.stringify(config) })
    const shards = [names.slice(0, 7), names.slice(7)]
    const weightMap: Record<string, string> = {}
    shards.forEach((shard, i) => {
      const shardName = `model-0000${i + 1}-of-00002.safetensors`
      const tensor = (name: string) => {
        const bytes = new Uint8Array(file.read(name).buffer)
        return { name, dtype: 'F32', shape: [...file.tensors.get(name)!.shape], bytes }
      }
      const tensors = shard.map(tensor)
      writeSafetensors(join(dir, shardName), tensors)
      for (const name of shard) weightMap[name] = shardName
    })
    file.close()
    writeFileSync(join(dir, 'model.safetensors.index.json'), JSON.stringify({ metadata: {}, weight_map: weightMap }))
    const sharded = loadHfModel(dir)
    expect(sharded.files).toHaveLength(2)
    for (const [name, data] of base.weights) expect(maxAbsDifference(sharded.weights.get(name)!, data), name).toBe(0)
  })

  it('convert float16 and bfloat16 exactly', () => {
    const halves = Buffer.from(new Uint16Array([0x3c00, 0xc000, 0x0001, 0x7bff, 0x7c00]).buffer) // 1, -2, 2^-24, 65504, inf
    expect([...toFloat32(halves, 'F16')]).toEqual([1, -2, 2 ** -24, 65504, Infinity])
    const brains = Buffer.from(new Uint16Array([0x3f80, 0xc040, 0x3e20]).buffer) // 1, -3, 0.15625
    expect([...toFloat32(brains, 'BF16')]).toEqual([1, -3, 0.15625])
  })

  it('refuse an unsupported architecture by name', () => {
    const gpt2 = { ...config, architectures: ['GPT2LMHeadModel'] }
    const supported = /GPT2LMHeadModel is not supported.*LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM/
    expect(() => parseHfConfig(gpt2, 'config.json')).toThrow(supported)
    const yarn = { ...config, rope_parameters: { rope_type: 'yarn', rope_theta: 1e4 } }
    expect(() => parseHfConfig(yarn, 'config.json')).toThrow(/rope type "yarn"/)
  })

  it('read a Mistral config as a Llama, its sliding window bounding the context', () => {
    const mistralJson = { ...config, architectures: ['MistralForCausalLM'], model_type: 'mistral', sliding_window: 4096 }
    const mistral = parseHfConfig(mistralJson, 'config.json')
    expect(mistral).toMatchObject({ architecture: 'MistralForCausalLM', attentionBias: false, maxSequence: 4096 })
    expect(mistral.contextBuckets.at(-1)).toBe(4096)
    const qwenJson = { ...config, architectures: ['Qwen2ForCausalLM'], sliding_window: 4096, use_sliding_window: false }
    const qwen = parseHfConfig(qwenJson, 'config.json')
    expect(qwen).toMatchObject({ attentionBias: true, maxSequence: 8192 })
  })

  it('name a missing tensor and a mismatched one with both shapes', () => {
    const missing = folderWith('missing', { 'config.json': JSON.stringify({ ...config, num_hidden_layers: 3 }) })
    copyFileSync(join(llama, 'model.safetensors'), join(missing, 'model.safetensors'))
    expect(() => loadHfModel(missing)).toThrow(/model\.layers\.2\.input_layernorm\.weight \[64\] is missing/)
    const mismatched = folderWith('mismatched', { 'config.json': JSON.stringify({ ...config, intermediate_size: 128 }) })
    copyFileSync(join(llama, 'model.safetensors'), join(mismatched, 'model.safetensors'))
    const bothShapes = /model\.layers\.0\.mlp\.down_proj\.weight has shape \[64,176\] .* the config needs \[64,128\]/
    expect(() => loadHfModel(mismatched)).toThrow(bothShapes)
  })

  it('report a truncated file instead of reading garbage', () => {
    const bytes = readFileSync(join(llama, 'model.safetensors'))
    const truncated = bytes.subarray(0, bytes.length - 1000)
    const dir = folderWith('truncated', { 'config.json': JSON.stringify(config), 'model.safetensors': truncated })
    expect(() => loadHfModel(dir)).toThrow(/data ends at byte \d+ but the file has \d+ \(truncated\)/)
  })

  it('refuse a pickled checkpoint with how to convert it', () => {
    const dir = folderWith('pickled', { 'config.json': JSON.stringify(config), 'pytorch_model.bin': 'not read' })
    expect(() => loadHfModel(dir)).toThrow(/pytorch_model\.bin \(a pickle\).*safe_serialization=True/)
  })

  it('apply Llama 3 rope scaling: short wavelengths kept, long ones divided by the factor', () => {
    const scaling = { factor: 8, lowFrequencyFactor: 1, highFrequencyFactor: 4, originalMaxPositions: 64 }
    const rope = { kind: 'llama3', theta: 500000, ...scaling } as const
    const scaled = inverseFrequencies(rope, 16)
    const plain = inverseFrequencies({ kind: 'default', theta: 500000 }, 16)
    expect(scaled[0]).toBe(plain[0]) // wavelength 2 pi < 64 / 4
    expect(scaled[7]).toBeCloseTo(plain[7]! / 8, 12) // wavelength far above 64
    expect(maxAbsDifference(scaled, plain)).toBeGreaterThan(0)
  })
})
