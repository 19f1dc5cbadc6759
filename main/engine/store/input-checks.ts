// Runtime checks of what callers pass to the experiment log. Each failure is an 'invalid-value'
// StoreError naming the database file, the field (`taskResult.candidates[2].grid`) and what was expected.
import { validateGrid } from '../arc/validate'
import { makeGrid } from '../arc/grid'
import type { Grid } from '../arc/types'
import { invalidValue } from './store-error'

export class InputChecks {
  constructor(readonly file: string) {}

  fail(what: string, expected: string, got: unknown): never {
    throw invalidValue(this.file, what, expected, got)
  }

  /** A string; non-empty (after trimming) unless `allowEmpty`. */
  string(what: string, value: unknown, options: { allowEmpty?: boolean } = {}): string {
    if (typeof value !== 'string') return this.fail(what, 'a string', value)
    if (!options.allowEmpty && value.trim() === '') return this.fail(what, 'a non-empty string', value)
    return value
  }

  integer(what: string, value: unknown, minimum = Number.MIN_SAFE_INTEGER): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
      return this.fail(what, minimum === 0 ? 'an integer >= 0' : `an integer >= ${minimum}`, value)
    }
    return value
  }

  /** A finite number in [minimum, maximum]. */
  finite(what: string, value: unknown, minimum = -Infinity, maximum = Infinity): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum || value > maximum) {
      const range =
        minimum === -Infinity && maximum === Infinity ? '' : maximum === Infinity ? ` >= ${minimum}` : ` in ${minimum}..${maximum}`
      return this.fail(what, `a finite number${range}`, value)
    }
    return value
  }

  /** A number (NaN and infinities included) or null. */
  nullableNumber(what: string, value: unknown): number | null {
    if (value === null) return null
    if (typeof value !== 'number') return this.fail(what, 'a number or null', value)
    return value
  }

  oneOf<T extends string>(what: string, value: unknown, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
      return this.fail(what, `one of ${allowed.join(', ')}`, value)
    return value as T
  }

  /** A list of non-empty strings; duplicates are removed, the first occurrence kept. */
  uniqueStrings(what: string, value: unknown): string[] {
    if (!Array.isArray(value)) return this.fail(what, 'a list of strings', value)
    return [...new Set(value.map((item: unknown, i) => this.string(`${what}[${i}]`, item)))]
  }

  /** A list of strings, order and repeats kept. */
  strings(what: string, value: unknown): string[] {
    if (!Array.isArray(value)) return this.fail(what, 'a list of strings', value)
    return value.map((item: unknown, i) => this.string(`${what}[${i}]`, item, { allowEmpty: true }))
  }

  /** A non-null object (not a list), for reading its fields. */
  object<T extends object>(what: string, value: unknown): T {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(what, 'an object', value)
    return value as T
  }

  list(what: string, value: unknown): readonly unknown[] {
    if (!Array.isArray(value)) return this.fail(what, 'a list', value)
    return value
  }

  /** An ARC grid: 1x1..30x30, equal rows, colours 0..9. Returns its compact JSON text. */
  gridJson(what: string, value: unknown): string {
    const problems: string[] = []
    const grid = validateGrid(value, what, (path, reason) => problems.push(`${path}: ${reason}`))
    if (grid === undefined) return this.fail(what, 'an ARC grid', problems.join('; '))
    return JSON.stringify(grid)
  }

  /** JSON text of any JSON-serialisable value (undefined becomes null), or fails naming the field. */
  anyJson(what: string, value: unknown): string {
    try {
      return JSON.stringify(value) ?? 'null'
    } catch (error) {
      return this.fail(what, 'a JSON-serialisable value', String(error))
    }
  }
}

/** A frozen grid from the JSON text the log stored. */
export function gridFromJson(text: string): Grid {
  return makeGrid(JSON.parse(text) as number[][])
}

/** SQLite stores NaN as NULL; a metric or loss column reads NULL back as NaN. */
export function nanFromNull(value: number | null): number {
  return value ?? Number.NaN
}

/** The SQL value of a nullable number column: null and NaN both become NULL. */
export function nullFromNaN(value: number | null): number | null {
  return value === null || Number.isNaN(value) ? null : value
}
