// The overrides form of the Adapt view: what each field shows as its base value (the preset's, or
// the schema default) and the check of a typed value against the key's type, made by the engine's
// own value parser (main/engine/experiment/config-values.ts), so the form accepts exactly what a
// run accepts and lists come back in the schema's order.
import type { ConfigKeyView, PresetView } from '../../../main/api/runs-contract'
import { ConfigError, parseConfigValue, type ConfigValue } from '../../../main/engine/experiment/config-values'

export type { ConfigValue }

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

/** Checks a field's draft against its key's type. A null draft is never checked (no override). */
export function checkField(spec: ConfigKeyView, draft: string | readonly string[]): FieldCheck {
  try {
    return { ok: true, value: parseConfigValue(spec, draft) }
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, error: error.message }
    throw error
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
export function checkOverrides(
  schema: readonly ConfigKeyView[],
  preset: PresetView | undefined,
  drafts: Readonly<Record<string, FieldDraft>>
): OverridesCheck {
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
