// Canonical JSON (object keys sorted at every level, no whitespace) so equal configs are equal text,
// and the flattening of a config into params (`ttt.lora.rank` -> 8) for filters and diffs.
import type { JsonObject, ParamValueType, RunParam } from './types'

/** Called with the JSON path of a value that JSON cannot hold exactly; must throw. */
export type InvalidJson = (path: string, expected: string, got: unknown) => never

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}

/**
 * The canonical JSON text of `value`. Refuses (through `invalid`) what JSON would silently change:
 * undefined, NaN and infinities, functions, class instances such as Date or Map.
 */
export function canonicalJson(value: unknown, invalid: InvalidJson, path = ''): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) invalid(path || '(value)', 'a finite number', String(value))
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map((item, i) => canonicalJson(item, invalid, `${path}[${i}]`)).join(',')}]`
  if (isPlainObject(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key], invalid, childPath(path, key))}`).join(',')}}`
  }
  return invalid(path || '(value)', 'a JSON value (string, finite number, boolean, null, list or plain object)', typeof value)
}

/** Parses canonical JSON that this module wrote and checks it is an object. */
export function parseJsonObject(text: string): JsonObject {
  const value: unknown = JSON.parse(text)
  if (!isPlainObject(value)) throw new Error(`expected a JSON object, got ${text.slice(0, 40)}`)
  return value as JsonObject
}

function leaf(key: string, value: unknown, invalid: InvalidJson): RunParam {
  let type: ParamValueType
  if (value === null) type = 'null'
  else if (Array.isArray(value)) type = 'array'
  else if (isPlainObject(value)) type = 'object'
  else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') type = typeof value as ParamValueType
  else return invalid(key, 'a JSON value', typeof value)
  const text = typeof value === 'string' ? value : canonicalJson(value, invalid, key)
  return { key, type, text, number: typeof value === 'number' ? value : null }
}

/**
 * Every leaf of a config as a param, sorted by key. Nested objects become dotted keys; arrays and
 * empty objects are leaves (their canonical JSON), since a list of target modules is one setting.
 */
export function flattenParams(config: Readonly<Record<string, unknown>>, invalid: InvalidJson): RunParam[] {
  const params: RunParam[] = []
  const walk = (object: Readonly<Record<string, unknown>>, prefix: string): void => {
    for (const [key, value] of Object.entries(object)) {
      const path = childPath(prefix, key)
      if (isPlainObject(value) && Object.keys(value).length > 0) walk(value, path)
      else params.push(leaf(path, value, invalid))
    }
  }
  walk(config, '')
  return params.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/** Checks that `config` is a plain JSON object; returns it typed for flattening. */
export function requirePlainObject(config: unknown, invalid: InvalidJson): Readonly<Record<string, unknown>> {
  if (!isPlainObject(config)) return invalid('config', 'a plain JSON object', config === null ? 'null' : typeof config)
  return config
}
