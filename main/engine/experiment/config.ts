// Resolving and validating an experiment config: preset + overrides -> a complete, typed config
// whose every key was checked against CONFIG_SCHEMA by the one value parser (config-values.ts).
// Pure; hashing is Node-side, in config-hash.ts.
import type { LoraTarget } from '../model/parameters'
import { ConfigError, parseConfigValue, type ConfigValue } from './config-values'
import { PRESETS } from './presets'
import {
  CONFIG_SCHEMA,
  type ENSEMBLE_RULES,
  type ENSEMBLE_TTT_ON,
  type KeySpec,
  type LOSS_MASKS,
  type SOLVERS,
  type VOTE_METHODS
} from './schema'

export interface ExperimentConfig {
  readonly solver: (typeof SOLVERS)[number]
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
  readonly inference: {
    readonly augment: boolean
    readonly allSymmetries: boolean
    readonly constrained: boolean
    readonly maxNewTokens: number
    readonly batchSize: number
  }
  readonly vote: { readonly method: (typeof VOTE_METHODS)[number]; readonly poeViews: number }
  readonly ensemble: {
    readonly rule: (typeof ENSEMBLE_RULES)[number]
    readonly tttOn: (typeof ENSEMBLE_TTT_ON)[number]
    readonly poolSize: number
  }
  readonly search: {
    readonly depth: number
    readonly timeSeconds: number
    readonly maxStates: number
    readonly maxCandidates: number
    readonly workers: number
  }
}

function specFor(key: string): KeySpec {
  const spec = CONFIG_SCHEMA.find((s) => s.key === key)
  if (!spec) {
    const near = CONFIG_SCHEMA.filter((s) => s.key.split('.').pop() === key.split('.').pop() || s.key.startsWith(key.split('.')[0]!)).map(
      (s) => s.key
    )
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
  const flat = new Map<string, ConfigValue>(CONFIG_SCHEMA.map((s) => [s.key, s.default]))
  for (const [key, value] of [...Object.entries(presetValues), ...Object.entries(overrides)])
    flat.set(key, parseConfigValue(specFor(key), value))
  return unflatten(flat) as unknown as ExperimentConfig
}

function unflatten(flat: ReadonlyMap<string, ConfigValue>): Record<string, unknown> {
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
export function flattenConfig(config: ExperimentConfig): [string, ConfigValue][] {
  return CONFIG_SCHEMA.map((s) => [
    s.key,
    s.key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], config) as ConfigValue
  ])
}

/** Re-validates a config read back from a log (a run to resume), naming the first bad key. */
export function validateConfig(config: unknown): ExperimentConfig {
  if (typeof config !== 'object' || config === null) throw new ConfigError('a config must be an object')
  const flat = new Map<string, ConfigValue>()
  for (const spec of CONFIG_SCHEMA) {
    const value = spec.key
      .split('.')
      .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), config)
    flat.set(spec.key, value === undefined ? spec.default : parseConfigValue(spec, value))
  }
  return unflatten(flat) as unknown as ExperimentConfig
}
