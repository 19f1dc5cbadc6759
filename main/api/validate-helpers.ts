// Small readers for validating wire-API arguments. Each throws an ArgumentError whose message names
// the field (`selection.ids[2]`) and what was expected; `validator` turns that into the string
// result dispatch reports as a bad-request error.

export class ArgumentError extends Error {}

export const MAX_PATH_LENGTH = 4096
export const MAX_ID_LENGTH = 256
export const MAX_TEXT_LENGTH = 10_000

/** What a value looks like in an error message: short JSON, or its type when it has none. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch {
    text = undefined
  }
  if (text === undefined) return typeof value
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

export function fail(field: string, expected: string, got: unknown): never {
  throw new ArgumentError(`"${field}" must be ${expected}, got ${describeValue(got)}`)
}

/** A plain object with only the allowed keys; `field` names it in errors ('' for the arguments). */
export function objectArg(raw: unknown, field: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    if (field === '') throw new ArgumentError('arguments must be an object')
    fail(field, 'an object', raw)
  }
  const extra = Object.keys(raw).filter((k) => !keys.includes(k))
  if (extra.length > 0) throw new ArgumentError(`unknown argument(s)${field === '' ? '' : ` in "${field}"`}: ${extra.join(', ')}${keys.length > 0 ? `; allowed: ${keys.join(', ')}` : ''}`)
  return raw as Record<string, unknown>
}

export function stringArg(value: unknown, field: string, options: { maxLength?: number; allowEmpty?: boolean } = {}): string {
  const maxLength = options.maxLength ?? MAX_ID_LENGTH
  const empty = options.allowEmpty ? '' : 'non-empty '
  if (typeof value !== 'string' || (!options.allowEmpty && value.length === 0) || value.length > maxLength) {
    fail(field, `a ${empty}string of at most ${maxLength} characters`, value)
  }
  return value
}

export function optionalString(value: unknown, field: string, options: { maxLength?: number; allowEmpty?: boolean } = {}): string | undefined {
  return value === undefined ? undefined : stringArg(value, field, options)
}

export function integerArg(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) fail(field, `an integer from ${min} to ${max}`, value)
  return value
}

export function booleanArg(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') fail(field, 'true or false', value)
  return value
}

export function oneOfArg<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) fail(field, `one of ${allowed.join(', ')}`, value)
  return value as T
}

/** A list of non-empty strings, at most `maxItems`; duplicates are removed, order kept. */
export function stringListArg(value: unknown, field: string, options: { maxItems: number; maxLength?: number; minItems?: number }): string[] {
  if (!Array.isArray(value)) fail(field, 'a list of strings', value)
  const minItems = options.minItems ?? 0
  if (value.length < minItems || value.length > options.maxItems) fail(field, `a list of ${minItems} to ${options.maxItems} strings`, `${value.length} items`)
  return [...new Set(value.map((item: unknown, i) => stringArg(item, `${field}[${i}]`, options.maxLength === undefined ? {} : { maxLength: options.maxLength })))]
}

/** Turns a reader that throws ArgumentErrors into a validator returning the value or the message. */
export function validator<T>(read: (raw: unknown) => T): (raw: unknown) => T | string {
  return (raw) => {
    try {
      return read(raw)
    } catch (error) {
      if (error instanceof ArgumentError) return error.message
      throw error
    }
  }
}

export type NoArgs = Record<string, never>
/** Methods without arguments accept {} (or nothing). */
export const noArgs = validator((raw): NoArgs => {
  objectArg(raw ?? {}, '', [])
  return {}
})
