// The parameter table of a Llama-family checkpoint: every weight's Hugging Face name and shape in
// Hugging Face's layout (linear weights [out, in]), derived from the config. The graphs declare
// their inputs under the same names, so checkpoint tensors are fed as they are stored.
// Shape legend: V vocabulary, C channels, F MLP hidden size, NH heads, NKV key/value heads, HS head size.
import type { Shape } from '../../onnx/shape'
import type { HfModelConfig } from './config'

export interface HfParameterSpec {
  readonly name: string
  readonly shape: Shape
}

/** Projections LoRA can adapt, named as PEFT's `target_modules`. */
export const HF_LORA_TARGETS = ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj', 'lm_head'] as const
export type HfLoraTarget = (typeof HF_LORA_TARGETS)[number]

export const EMBEDDING = 'model.embed_tokens.weight'
export const OUTPUT_HEAD = 'lm_head.weight'

/** Module path of a projection in layer `layer` (lm_head has none). */
export function projectionPath(layer: number, target: Exclude<HfLoraTarget, 'lm_head'>): string {
  const block = ['q_proj', 'k_proj', 'v_proj', 'o_proj'].includes(target) ? 'self_attn' : 'mlp'
  return `model.layers.${layer}.${block}.${target}`
}

/** [out, in] of a projection. */
export function projectionShape(config: HfModelConfig, target: HfLoraTarget): [number, number] {
  const { channels: c, hidden: f, headSize: hs } = config
  switch (target) {
    case 'q_proj':
      return [config.heads * hs, c]
    case 'k_proj':
    case 'v_proj':
      return [config.keyValueHeads * hs, c]
    case 'o_proj':
      return [c, config.heads * hs]
    case 'gate_proj':
    case 'up_proj':
      return [f, c]
    case 'down_proj':
      return [c, f]
    case 'lm_head':
      return [config.vocabSize, c]
  }
}

export function hfParameterTable(config: HfModelConfig): HfParameterSpec[] {
  const c = config.channels
  const table: HfParameterSpec[] = [{ name: EMBEDDING, shape: [config.vocabSize, c] }]
  for (let l = 0; l < config.layers; l++) {
    table.push({ name: `model.layers.${l}.input_layernorm.weight`, shape: [c] })
    for (const target of ['q_proj', 'k_proj', 'v_proj', 'o_proj'] as const) {
      const path = projectionPath(l, target)
      table.push({ name: `${path}.weight`, shape: projectionShape(config, target) })
      if (config.attentionBias && target !== 'o_proj') table.push({ name: `${path}.bias`, shape: [projectionShape(config, target)[0]] })
    }
    table.push({ name: `model.layers.${l}.post_attention_layernorm.weight`, shape: [c] })
    for (const target of ['gate_proj', 'up_proj', 'down_proj'] as const)
      table.push({ name: `${projectionPath(l, target)}.weight`, shape: projectionShape(config, target) })
  }
  table.push({ name: 'model.norm.weight', shape: [c] })
  if (!config.tiedEmbeddings) table.push({ name: OUTPUT_HEAD, shape: [config.vocabSize, c] })
  return table
}

export function hfParameterCount(config: HfModelConfig): number {
  return hfParameterTable(config).reduce((n, p) => n + p.shape.reduce((a, d) => a * d, 1), 0)
}
