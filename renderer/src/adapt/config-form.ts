// The overrides form of the Adapt view: what each field shows as its base value (the preset's, or
// the schema default) and the client-side check of a typed value against the key's type. The
// checks mirror main/engine/experiment/config.ts `parseValue`; the server checks again, and its
// message is shown when it disagrees.
import type { ConfigKeyView, PresetView } from '../../../main/api/runs-contract'

export type ConfigValue = number | boolean | string | readonly string[]

/**
 * A field as the user left it: null = not overridden (the base value applies); text for numbers,
 * booleans ('true' | 'false') and choices; the chosen items for a list.
 */
export type FieldDraft = string | readonly string[] | null

export type FieldCheck = { readonly ok: true; readonly value: ConfigValue } | { readonly ok: false; readonly error: string }

/** The value the run gets without an override: the preset's override, else the schema default. */
export function baseValue(spec: ConfigKeyView, preset: PresetView | undefined): ConfigValue {
  return preset?.overrides[spec.key] ?? spec.default
}

export function formatValue(value: ConfigValue): string {
  return Array.isArray(value) ? value.join(', ') : String(value)
}

/** "an integer >= 1 and <= 256", "one of lora, full, shared": what the field accepts. */
export function describeType(spec: ConfigKeyView): string {
  const t = spec.type
  switch (t.kind) {
    case 'integer':
    case 'number':
      return `${t.kind === 'integer' ? 'an integer' : 'a number'} ${t.kind === 'number' && t.exclusiveMin ? '>' : '>='} ${t.min}${t.max === undefined ? '' : ` and <= ${t.max}`}`
    case 'boolean':
      return 'true or false'
    case 'choice':
      return `one of ${t.values.join(', ')}`
    case 'list':
      return `one or more of ${t.values.join(', ')}`
  }
}

/** Checks a field's draft against its key's type. A null draft is never checked (no override). */
export function checkField(spec: ConfigKeyView, draft: string | readonly string[]): FieldCheck {
  const bad = (): FieldCheck => ({ ok: false, error: `${spec.key} must be ${describeType(spec)}` })
  const t = spec.type
  if (t.kind === 'list') {
    const items = typeof draft === 'string' ? draft.split(',').map((s) => s.trim()).filter(Boolean) : [...draft]
    if (items.length === 0 || items.some((i) => !t.values.includes(i))) return bad()
    // In the schema's order, so the same set always gives the same config hash.
    return { ok: true, value: t.values.filter((v) => items.includes(v)) }
  }
  if (typeof draft !== 'string') return bad()
  const text = draft.trim()
  switch (t.kind) {
    case 'boolean':
      return text === 'true' ? { ok: true, value: true } : text === 'false' ? { ok: true, value: false } : bad()
    case 'choice':
      return t.values.includes(text) ? { ok: true, value: text } : bad()
    case 'integer':
    case 'number': {
      const value = text === '' ? Number.NaN : Number(text)
      if (!Number.isFinite(value) || (t.kind === 'integer' && !Number.isInteger(value))) return bad()
      const belowMin = value < t.min || (t.kind === 'number' && t.exclusiveMin === true && value === t.min)
      if (belowMin || (t.max !== undefined && value > t.max)) return bad()
      return { ok: true, value }
    }
  }
}

function sameValue(a: ConfigValue, b: ConfigValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i])
  return a === b
}

export interface OverridesCheck {
  /** Overrides that differ from the base value, ready for startRun. */
  readonly overrides: Readonly<Record<string, ConfigValue>>
  /** Per key, the message of a field that does not pass. */
  readonly errors: Readonly<Record<string, string>>
}

/** Checks every drafted field; a value equal to the base value is not sent as an override. */
export function checkOverrides(schema: readonly ConfigKeyView[], preset: PresetView | undefined, drafts: Readonly<Record<string, FieldDraft>>): OverridesCheck {
  const overrides: Record<string, ConfigValue> = {}
  const errors: Record<string, string> = {}
  for (const spec of schema) {
    const draft = drafts[spec.key]
    if (draft === null || draft === undefined) continue
    const check = checkField(spec, draft)
    if (!check.ok) errors[spec.key] = check.error
    else if (!sameValue(check.value, baseValue(spec, preset))) overrides[spec.key] = check.value
  }
  return { overrides, errors }
}
