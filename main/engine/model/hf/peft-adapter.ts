// Per-task adapters in PEFT's on-disk layout (peft save_pretrained): `adapter_config.json` and
// `adapter_model.safetensors` with keys `base_model.model.<module path>.lora_A.weight` ([R, in])
// and `.lora_B.weight` ([out, R]). So adapters trained with PEFT load here and ours load in PEFT.
// Pickled `adapter_model.bin` files (e.g. marc's released adapters) are refused, never unpickled.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { encodeSafetensors, type NamedTensor } from '../safetensors'
import type { HfModelConfig } from './config'
import type { HfLoraConfig } from './graphs'
import { hfAdapterTable } from './lora'
import { HF_LORA_TARGETS, type HfLoraTarget } from './parameters'
import { SafetensorsFile } from './safetensors-reader'

export const ADAPTER_CONFIG = 'adapter_config.json'
export const ADAPTER_WEIGHTS = 'adapter_model.safetensors'
const PICKLED_WEIGHTS = 'adapter_model.bin'
const PEFT_PREFIX = 'base_model.model.'

export class PeftAdapterError extends Error {}

export interface PeftAdapter {
  readonly lora: HfLoraConfig
  /** Our names (no `base_model.model.` prefix), values float32. */
  readonly adapters: Map<string, Float32Array>
}

/** Writes `adapter_config.json` and `adapter_model.safetensors` into `dir` (files replaced atomically). */
export function writePeftAdapter(
  dir: string,
  config: HfModelConfig,
  lora: HfLoraConfig,
  adapters: ReadonlyMap<string, Float32Array>,
  baseModel: string | null = null
): void {
  mkdirSync(dir, { recursive: true })
  const tensors = new Map<string, NamedTensor>()
  for (const spec of hfAdapterTable(config, lora)) {
    const data = adapters.get(spec.name)
    if (!data) throw new PeftAdapterError(`writePeftAdapter: adapter ${spec.name} is missing`)
    tensors.set(`${PEFT_PREFIX}${spec.name}`, { shape: spec.shape, data })
  }
  const peftConfig = {
    peft_type: 'LORA',
    task_type: 'CAUSAL_LM',
    base_model_name_or_path: baseModel,
    auto_mapping: { base_model_class: config.architecture },
    r: lora.rank,
    lora_alpha: lora.alpha,
    target_modules: [...lora.targets],
    lora_dropout: 0,
    bias: 'none',
    fan_in_fan_out: false,
    use_rslora: false,
    use_dora: false,
    init_lora_weights: true,
    inference_mode: true,
    modules_to_save: null,
    layers_to_transform: null,
    rank_pattern: {},
    alpha_pattern: {}
  }
  const write = (name: string, content: string | Uint8Array) => {
    const temp = join(dir, `.${name}.${process.pid}.tmp`)
    writeFileSync(temp, content)
    renameSync(temp, join(dir, name))
  }
  write(ADAPTER_CONFIG, `${JSON.stringify(peftConfig, null, 2)}\n`)
  write(ADAPTER_WEIGHTS, encodeSafetensors(tensors, { format: 'pt' }))
}

/** Reads a PEFT LoRA adapter folder for a model of `config`, checking every tensor's name and shape. */
export function readPeftAdapter(dir: string, config: HfModelConfig): PeftAdapter {
  const configPath = join(dir, ADAPTER_CONFIG)
  const weightsPath = join(dir, ADAPTER_WEIGHTS)
  if (!existsSync(weightsPath) && existsSync(join(dir, PICKLED_WEIGHTS))) {
    throw new PeftAdapterError(
      `${join(dir, PICKLED_WEIGHTS)} is a pickled PyTorch file, which is never loaded (unpickling runs arbitrary code). ` +
        'Convert it once, in Python: ' +
        'import torch; from safetensors.torch import save_file; ' +
        `save_file(torch.load("${PICKLED_WEIGHTS}", weights_only=True), "${ADAPTER_WEIGHTS}")`
    )
  }
  const lora = parsePeftConfig(configPath)
  const file = SafetensorsFile.open(weightsPath)
  try {
    const byName = new Map<string, string>()
    for (const key of file.tensors.keys()) byName.set(key.replace(PEFT_PREFIX, '').replace(/\.default\.weight$/, '.weight'), key)
    const adapters = new Map<string, Float32Array>()
    const problems: string[] = []
    const table = hfAdapterTable(config, lora)
    for (const spec of table) {
      const key = byName.get(spec.name)
      const stored = key ? file.tensors.get(key) : undefined
      if (!key || !stored) problems.push(`${spec.name} [${spec.shape}] is missing`)
      else if (stored.shape.join() !== spec.shape.join())
        problems.push(`${key} has shape [${stored.shape}], the model needs [${spec.shape}]`)
      else adapters.set(spec.name, file.read(key))
    }
    const expected = new Set(table.map((s) => s.name))
    for (const [name, key] of byName)
      if (!expected.has(name)) problems.push(`${key} is not an adapter of r=${lora.rank} on ${lora.targets.join(', ')}`)
    if (problems.length > 0)
      throw new PeftAdapterError(
        `${weightsPath} does not fit the model: ${problems.slice(0, 6).join('; ')}` +
          (problems.length > 6 ? `; and ${problems.length - 6} more` : '')
      )
    return { lora, adapters }
  } finally {
    file.close()
  }
}

function parsePeftConfig(path: string): HfLoraConfig {
  let json: Record<string, unknown>
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw new PeftAdapterError(`${path}: cannot read a JSON adapter config (${error instanceof Error ? error.message : String(error)})`)
  }
  const fail = (message: string): never => {
    throw new PeftAdapterError(`${path}: ${message}`)
  }
  if (json.peft_type !== 'LORA') fail(`peft_type ${JSON.stringify(json.peft_type)} is not supported (only LORA)`)
  for (const flag of ['use_dora', 'use_rslora', 'fan_in_fan_out'] as const) if (json[flag] === true) fail(`${flag} = true is not supported`)
  for (const pattern of ['rank_pattern', 'alpha_pattern'] as const) {
    if (json[pattern] && Object.keys(json[pattern] as object).length > 0) fail(`a per-module ${pattern} is not supported`)
  }
  if (json.layers_to_transform !== null && json.layers_to_transform !== undefined)
    fail('layers_to_transform is not supported (adapters on every layer only)')
  const rank = json.r
  const alpha = json.lora_alpha
  if (!Number.isInteger(rank) || (rank as number) < 1) fail(`"r" must be a positive integer, got ${JSON.stringify(rank)}`)
  if (typeof alpha !== 'number' || !(alpha > 0)) fail(`"lora_alpha" must be > 0, got ${JSON.stringify(alpha)}`)
  const modules = json.target_modules
  if (!Array.isArray(modules))
    fail(`target_modules must be a list of module names (a regular expression is not supported), got ${JSON.stringify(modules)}`)
  const unknown = (modules as unknown[]).filter((m) => !(HF_LORA_TARGETS as readonly unknown[]).includes(m))
  if (unknown.length > 0) fail(`target_modules ${JSON.stringify(unknown)} are not supported (${HF_LORA_TARGETS.join(', ')} are)`)
  const targets = HF_LORA_TARGETS.filter((t) => (modules as string[]).includes(t)) as HfLoraTarget[]
  return { rank: rank as number, alpha: alpha as number, targets }
}
