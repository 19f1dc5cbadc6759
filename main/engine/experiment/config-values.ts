// The one parser of config values: a `--set key=value` string, a preset's value, a JSON value read
// back from the log or a field of the Adapt form, checked against its key's type. Pure (no Node
// import): the renderer imports it too, so the form and the engine accept exactly the same values.
// List values come back in the schema's order and without repeats, so `q,v` and `v,q` are one
// config with one hash.
import type { KeySpec, KeyType } from './schema'

export class ConfigError extends Error {}

export type ConfigValue = number | boolean | string | readonly string[]

/** What a key accepts, in words: "an integer >= 1 and <= 256", "one of lora, full, shared". */
export function describeKeyType(type: KeyType): string {
  switch (type.kind) {
    case 'integer':
    case 'number': {
      const exclusive = type.kind === 'number' && type.exclusiveMin === true
      const upper = type.max === undefined ? '' : ` and <= ${type.max}`
      return `${type.kind === 'integer' ? 'an integer' : 'a number'} ${exclusive ? '>' : '>='} ${type.min}${upper}`
    }
    case 'boolean':
      return 'true or false'
    case 'choice':
      return `one of ${type.values.join(', ')}`
    case 'list':
      return `one or more of ${type.values.join(', ')} (comma-separated)`
  }
}

function listItems(raw: unknown): unknown[] | undefined {
  if (Array.isArray(raw)) return raw
  return typeof raw === 'string'
    ? raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : undefined
}

function numberFrom(raw: unknown): number {
  if (typeof raw === 'number') return raw
  return typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN
}

function inRange(type: Extract<KeyType, { kind: 'integer' | 'number' }>, value: number): boolean {
  if (!Number.isFinite(value) || (type.kind === 'integer' && !Number.isInteger(value))) return false
  const belowMin = value < type.min || (type.kind === 'number' && type.exclusiveMin === true && value === type.min)
  return !belowMin && (type.max === undefined || value <= type.max)
}

/** The value of `raw` for the key, or undefined when it is not one the key accepts. */
function valueOf(type: KeyType, raw: unknown): ConfigValue | undefined {
  const text = typeof raw === 'string' ? raw.trim() : raw
  switch (type.kind) {
    case 'boolean':
      if (typeof text === 'boolean') return text
      return text === 'true' ? true : text === 'false' ? false : undefined
    case 'integer':
    case 'number': {
      const value = numberFrom(raw)
      return inRange(type, value) ? value : undefined
    }
    case 'choice':
      return typeof text === 'string' && type.values.includes(text) ? text : undefined
    case 'list': {
      const items = listItems(raw)
      const valid = items !== undefined && items.length > 0 && items.every((item) => typeof item === 'string' && type.values.includes(item))
      return valid ? type.values.filter((value) => items.includes(value)) : undefined
    }
  }
}

/** Parses and checks one value; a ConfigError names the key, what it expects and what it got. */
export function parseConfigValue(spec: KeySpec, raw: unknown): ConfigValue {
  const value = valueOf(spec.type, raw)
  if (value === undefined) throw new ConfigError(`${spec.key}: expected ${describeKeyType(spec.type)}, got ${JSON.stringify(raw)}`)
  return value
}
