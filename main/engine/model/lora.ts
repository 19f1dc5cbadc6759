// LoRA adapters on the host: their parameter table, initial state (A random, B zero: an untrained
// adapter changes nothing), and merging into the base weights (W' = W + A B alpha / r).
import { createRng } from '../random'
import type { ArcModelConfig } from './config'
import type { LoraConfig } from './graphs'
import { loraBaseName, type Weights } from './parameters'

export interface AdapterSpec {
  readonly name: string
  readonly base: string
  readonly shape: readonly number[]
  readonly part: 'a' | 'b'
}

export function adapterTable(config: ArcModelConfig, lora: LoraConfig): AdapterSpec[] {
  const c = config.channels
  const f = c * config.mlpRatio
  const specs: AdapterSpec[] = []
  for (let layer = 0; layer < config.layers; layer++) {
    for (const target of lora.targets) {
      const base = loraBaseName(layer, target)
      const stem = base.replace(/\.weight$/, '')
      const [inFeatures, outFeatures] = target === 'up' ? [c, f] : target === 'down' ? [f, c] : [c, c]
      specs.push(
        { name: `${stem}.lora_a`, base, shape: [inFeatures, lora.rank], part: 'a' },
        { name: `${stem}.lora_b`, base, shape: [lora.rank, outFeatures], part: 'b' }
      )
    }
  }
  return specs
}

/** A initialised like nn.Linear (uniform, bound 1/sqrt(in)); B zero. Same seed, same adapter. */
export function initialAdapters(config: ArcModelConfig, lora: LoraConfig, seed: number): Map<string, Float32Array> {
  const rng = createRng(seed)
  const adapters = new Map<string, Float32Array>()
  for (const spec of adapterTable(config, lora)) {
    const size = spec.shape[0]! * spec.shape[1]!
    const data = new Float32Array(size)
    if (spec.part === 'a') {
      const bound = 1 / Math.sqrt(spec.shape[0]!)
      for (let i = 0; i < size; i++) data[i] = (rng.next() * 2 - 1) * bound
    }
    adapters.set(spec.name, data)
  }
  return adapters
}

/** The base weights with every adapter merged in: W + (A B) * alpha / rank. */
export function mergeAdapters(config: ArcModelConfig, base: Weights, lora: LoraConfig, adapters: Weights): Map<string, Float32Array> {
  const merged = new Map(base)
  const scale = lora.alpha / lora.rank
  const specs = adapterTable(config, lora).filter((s) => s.part === 'a')
  for (const a of specs) {
    const aData = adapters.get(a.name)!
    const bData = adapters.get(a.name.replace(/lora_a$/, 'lora_b'))!
    const w = Float32Array.from(base.get(a.base)!)
    const [inFeatures, rank] = a.shape as [number, number]
    const outFeatures = w.length / inFeatures
    for (let i = 0; i < inFeatures; i++) {
      for (let r = 0; r < rank; r++) {
        const air = aData[i * rank + r]! * scale
        if (air === 0) continue
        const row = i * outFeatures
        const bRow = r * outFeatures
        for (let o = 0; o < outFeatures; o++) w[row + o]! += air * bData[bRow + o]!
      }
    }
    merged.set(a.base, w)
  }
  return merged
}
