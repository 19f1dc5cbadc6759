// Resolving, validating and hashing an experiment config: preset + overrides -> a complete,
// typed config whose every key was checked against CONFIG_SCHEMA.
import { createHash } from 'node:crypto'
import type { LoraTarget } from '../model/parameters'
import { PRESETS } from './presets'
import { CONFIG_SCHEMA, type KeySpec, type LOSS_MASKS, type VOTE_METHODS } from './schema'

export interface ExperimentConfig {
  readonly seed: number
  readonly ttt: {
    readonly enabled: boolean
    readonly mode: 'lora' | 'full' | 'shared'
    readonly loraRank: number
    readonly loraAlpha: number
    readonly loraTargets: readonly LoraTarget[]
    readonly epochs: number
    readonly maxSteps: number
    readonly batchSize: number
    readonly learningRate: number
    readonly warmupFraction: number
    readonly weightDecay: number
    readonly maxGradNorm: number
    readonly timeBudgetSeconds: number
    readonly saveAdapters: boolean
  }
  readonly data: {
    readonly format: 'leave-one-out' | 'direct-io'
    readonly augment: boolean
    readonly cap: number
    readonly leaveTwoOutTopUp: boolean
    readonly lossMask: (typeof LOSS_MASKS)[number]
    readonly maxTokens: number
  }
  readonly inference: { readonly augment: boolean; readonly allSymmetries: boolean; readonly constrained: boolean; readonly maxNewTokens: number; readonly batchSize: number }
  readonly vote: { readonly method: (typeof VOTE_METHODS)[number]; readonly poeViews: number }
}

export class ConfigError extends Error {}

type Leaf = number | boolean | string | readonly string[]

/** Parses and checks one value (from a `--set key=value` string or a preset/JSON value). */
export function parseValue(spec: KeySpec, raw: unknown): Leaf {
  const bad = (expected: string): never => {
    throw new ConfigError(`${spec.key}: expected ${expected}, got ${JSON.stringify(raw)}`)
  }
  const t = spec.type
  switch (t.kind) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw
      return raw === 'true' ? true : raw === 'false' ? false : bad('true or false')
    case 'integer':
    case 'number': {
      const value = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN
      const range = `${t.kind === 'integer' ? 'an integer' : 'a number'} ${'exclusiveMin' in t && t.exclusiveMin ? '>' : '>='} ${t.min}${t.max === undefined ? '' : ` and <= ${t.max}`}`
      if (!Number.isFinite(value) || (t.kind === 'integer' && !Number.isInteger(value))) return bad(range)
      if (value < t.min || ('exclusiveMin' in t && t.exclusiveMin && value === t.min) || (t.max !== undefined && value > t.max)) return bad(range)
      return value
    }
    case 'choice':
      return typeof raw === 'string' && t.values.includes(raw) ? raw : bad(`one of ${t.values.join(', ')}`)
    case 'list': {
      const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : undefined
      if (!items || items.length === 0 || items.some((i) => typeof i !== 'string' || !t.values.includes(i))) return bad(`a comma-separated list of ${t.values.join(', ')}`)
      return [...new Set(items as string[])]
    }
  }
}

function specFor(key: string): KeySpec {
  const spec = CONFIG_SCHEMA.find((s) => s.key === key)
  if (!spec) {
    const near = CONFIG_SCHEMA.filter((s) => s.key.split('.').pop() === key.split('.').pop() || s.key.startsWith(key.split('.')[0]!)).map((s) => s.key)
    throw new ConfigError(`unknown config key "${key}"${near.length > 0 ? `; keys near it: ${near.slice(0, 6).join(', ')}` : ''}`)
  }
  return spec
}

/** Splits `key=value` override strings. */
export function parseOverrides(assignments: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {}
  for (const assignment of assignments) {
    const at = assignment.indexOf('=')
    if (at <= 0) throw new ConfigError(`override "${assignment}" must look like key=value`)
    overrides[assignment.slice(0, at).trim()] = assignment.slice(at + 1)
  }
  return overrides
}

/** The complete config of `preset` with `overrides` (keys dotted, values raw strings or typed). */
export function resolveConfig(preset: string, overrides: Readonly<Record<string, unknown>> = {}): ExperimentConfig {
  const presetValues = PRESETS[preset]
  if (!presetValues) throw new ConfigError(`unknown preset "${preset}"; presets: ${Object.keys(PRESETS).join(', ')}`)
  const flat = new Map<string, Leaf>(CONFIG_SCHEMA.map((s) => [s.key, s.default]))
  for (const [key, value] of [...Object.entries(presetValues), ...Object.entries(overrides)]) flat.set(key, parseValue(specFor(key), value))
  return unflatten(flat) as unknown as ExperimentConfig
}

function unflatten(flat: ReadonlyMap<string, Leaf>): Record<string, unknown> {
  const root: Record<string, unknown> = {}
  for (const [key, value] of flat) {
    const parts = key.split('.')
    let node = root
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>
    node[parts.at(-1)!] = value
  }
  return root
}

/** Every leaf as `dotted.key -> value`, in schema order. */
export function flattenConfig(config: ExperimentConfig): [string, Leaf][] {
  return CONFIG_SCHEMA.map((s) => [s.key, s.key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], config) as Leaf])
}

/** A stable hash of the resolved config (keys in schema order). */
export function configHash(config: ExperimentConfig): string {
  return createHash('sha256').update(JSON.stringify(flattenConfig(config))).digest('hex').slice(0, 16)
}

/** Re-validates a config read back from a log (a run to resume), naming the first bad key. */
export function validateConfig(config: unknown): ExperimentConfig {
  if (typeof config !== 'object' || config === null) throw new ConfigError('a config must be an object')
  const flat = new Map<string, Leaf>()
  for (const spec of CONFIG_SCHEMA) {
    const value = spec.key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), config)
    flat.set(spec.key, value === undefined ? spec.default : parseValue(spec, value))
  }
  return unflatten(flat) as unknown as ExperimentConfig
}
