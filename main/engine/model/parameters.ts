// The parameter table of the ARC transformer: every weight's name and shape, derived from the
// config, and a seeded initialisation. Names are the graph's scoped names, so the same table keys
// the safetensors file, the graph inputs and the optimizer state.
import type { Shape } from '../onnx/shape'
import { createRng } from '../random'
import type { ArcModelConfig } from './config'

export interface ParameterSpec {
  readonly name: string
  readonly shape: Shape
  /** How to initialise: normal(0, initStd), ones (norm scales) or zeros (biases). */
  readonly init: 'normal' | 'ones' | 'zeros'
}

export type Weights = ReadonlyMap<string, Float32Array>

/** Projections LoRA can adapt: attention q/k/v/o and the MLP's up and down. */
export const LORA_TARGETS = ['q', 'k', 'v', 'o', 'up', 'down'] as const
export type LoraTarget = (typeof LORA_TARGETS)[number]

export function parameterTable(config: ArcModelConfig): ParameterSpec[] {
  const c = config.channels
  const f = c * config.mlpRatio
  const table: ParameterSpec[] = [
    { name: 'embed.token', shape: [config.vocabSize, c], init: 'normal' },
    { name: 'embed.row', shape: [config.positionValues, c], init: 'normal' },
    { name: 'embed.col', shape: [config.positionValues, c], init: 'normal' },
    { name: 'embed.example', shape: [config.maxExamples, c], init: 'normal' },
    { name: 'embed.role', shape: [config.roleCount, c], init: 'normal' },
    { name: 'embed.position', shape: [config.maxSequence, c], init: 'normal' }
  ]
  for (let l = 0; l < config.layers; l++) {
    const p = `blocks.${l}`
    table.push(
      { name: `${p}.attn.norm.scale`, shape: [c], init: 'ones' },
      { name: `${p}.attn.norm.bias`, shape: [c], init: 'zeros' },
      ...(['q', 'k', 'v', 'o'] as const).map((w): ParameterSpec => ({ name: `${p}.attn.${w}.weight`, shape: [c, c], init: 'normal' })),
      { name: `${p}.mlp.norm.scale`, shape: [c], init: 'ones' },
      { name: `${p}.mlp.norm.bias`, shape: [c], init: 'zeros' },
      { name: `${p}.mlp.up.weight`, shape: [c, f], init: 'normal' },
      { name: `${p}.mlp.up.bias`, shape: [f], init: 'zeros' },
      { name: `${p}.mlp.down.weight`, shape: [f, c], init: 'normal' },
      { name: `${p}.mlp.down.bias`, shape: [c], init: 'zeros' }
    )
  }
  table.push(
    { name: 'final_norm.scale', shape: [c], init: 'ones' },
    { name: 'final_norm.bias', shape: [c], init: 'zeros' },
    { name: 'unembed.weight', shape: [c, config.vocabSize], init: 'normal' }
  )
  return table
}

export function parameterCount(config: ArcModelConfig): number {
  return parameterTable(config).reduce((n, p) => n + p.shape.reduce((a, d) => a * d, 1), 0)
}

/** Seeded initial weights (Box-Muller normal from the project PRNG). */
export function initialWeights(config: ArcModelConfig, seed: number): Map<string, Float32Array> {
  const rng = createRng(seed)
  const normal = (): number => {
    const u = 1 - rng.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next())
  }
  const weights = new Map<string, Float32Array>()
  for (const spec of parameterTable(config)) {
    const size = spec.shape.reduce((a, d) => a * d, 1)
    const data = new Float32Array(size)
    if (spec.init === 'ones') data.fill(1)
    // Residual output projections scaled by 1/sqrt(2 L), as GPT-2 does, to keep the stream stable.
    const scale = /\.(attn\.o|mlp\.down)\.weight$/.test(spec.name) ? config.initStd / Math.sqrt(2 * config.layers) : config.initStd
    if (spec.init === 'normal') for (let i = 0; i < size; i++) data[i] = normal() * scale
    weights.set(spec.name, data)
  }
  return weights
}

/** The projection weight a LoRA target adapts in block `layer`. */
export function loraBaseName(layer: number, target: LoraTarget): string {
  return target === 'up' || target === 'down' ? `blocks.${layer}.mlp.${target}.weight` : `blocks.${layer}.attn.${target}.weight`
}
