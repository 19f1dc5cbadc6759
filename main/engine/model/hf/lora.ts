// LoRA adapters of a Llama-family model with PEFT's conventions (peft/tuners/lora/layer.py):
// A [R, in] initialised as nn.Linear's kaiming_uniform(a = sqrt 5), i.e. uniform(+-1 / sqrt(in));
// B [out, R] zero, so an untrained adapter is a no-op; scaling alpha / R. Names are PEFT's keys
// without the `base_model.model.` prefix: `model.layers.0.self_attn.q_proj.lora_A.weight`.
import { createRng } from '../../random'
import type { HfModelConfig } from './config'
import type { HfLoraConfig } from './graphs'
import { EMBEDDING, OUTPUT_HEAD, projectionPath, projectionShape, type HfLoraTarget } from './parameters'

export interface HfAdapterSpec {
  readonly name: string
  /** The weight this adapter adapts (`...q_proj.weight`; for a tied head the embedding). */
  readonly base: string
  readonly shape: readonly [number, number]
  readonly part: 'A' | 'B'
  readonly target: HfLoraTarget
}

export function hfAdapterTable(config: HfModelConfig, lora: HfLoraConfig): HfAdapterSpec[] {
  const specs: HfAdapterSpec[] = []
  const add = (path: string, base: string, target: HfLoraTarget) => {
    const [outFeatures, inFeatures] = projectionShape(config, target)
    specs.push({ name: `${path}.lora_A.weight`, base, shape: [lora.rank, inFeatures], part: 'A', target })
    specs.push({ name: `${path}.lora_B.weight`, base, shape: [outFeatures, lora.rank], part: 'B', target })
  }
  for (let layer = 0; layer < config.layers; layer++) {
    for (const target of lora.targets)
      if (target !== 'lm_head') add(projectionPath(layer, target), `${projectionPath(layer, target)}.weight`, target)
  }
  if (lora.targets.includes('lm_head')) add('lm_head', config.tiedEmbeddings ? EMBEDDING : OUTPUT_HEAD, 'lm_head')
  return specs
}

/** A uniform(+-1/sqrt(in)), B zero. Same seed, same adapter. */
export function initialHfAdapters(config: HfModelConfig, lora: HfLoraConfig, seed: number): Map<string, Float32Array> {
  const rng = createRng(seed)
  const adapters = new Map<string, Float32Array>()
  for (const spec of hfAdapterTable(config, lora)) {
    const data = new Float32Array(spec.shape[0] * spec.shape[1])
    if (spec.part === 'A') {
      const bound = 1 / Math.sqrt(spec.shape[1])
      for (let i = 0; i < data.length; i++) data[i] = (rng.next() * 2 - 1) * bound
    }
    adapters.set(spec.name, data)
  }
  return adapters
}

/**
 * The base weights with every adapter merged in: W [out, in] += (B A) alpha / R, in the base
 * weights' type (float32, or float64 for a float64 verification run). A head LoRA on a tied model
 * cannot merge (it would change the input embedding too), so that is refused.
 */
export function mergeHfAdapters<T extends Float32Array | Float64Array>(
  config: HfModelConfig,
  base: ReadonlyMap<string, T>,
  lora: HfLoraConfig,
  adapters: ReadonlyMap<string, Float32Array | Float64Array>
): Map<string, T> {
  if (config.tiedEmbeddings && lora.targets.includes('lm_head')) {
    throw new Error(
      'an lm_head adapter of a model with tied embeddings cannot be merged into the weights; leave lm_head out of the LoRA targets'
    )
  }
  const merged = new Map(base)
  const scale = lora.alpha / lora.rank
  for (const a of hfAdapterTable(config, lora).filter((s) => s.part === 'A')) {
    const aData = adapters.get(a.name)
    const bData = adapters.get(a.name.replace(/lora_A\.weight$/, 'lora_B.weight'))
    if (!aData || !bData) throw new Error(`mergeHfAdapters: adapter ${a.name.replace(/\.lora_A\.weight$/, '')} is missing`)
    const w = base.get(a.base)!.slice() as T
    const [rank, inFeatures] = a.shape
    const outFeatures = w.length / inFeatures
    for (let o = 0; o < outFeatures; o++) {
      for (let r = 0; r < rank; r++) {
        const bor = bData[o * rank + r]! * scale
        if (bor === 0) continue
        const row = o * inFeatures
        const aRow = r * inFeatures
        for (let i = 0; i < inFeatures; i++) w[row + i]! += bor * aData[aRow + i]!
      }
    }
    merged.set(a.base, w)
  }
  return merged
}
