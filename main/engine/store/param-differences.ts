// The compare view's config diff: the params whose values are not the same in every given run.
import type { SqliteDatabase } from './database'
import type { ParamDifference, ParamValue } from './types'

function sameValue(a: ParamValue | null, b: ParamValue | null): boolean {
  return a === null || b === null ? a === b : a.type === b.type && a.text === b.text
}

/** Keys in key order; `values[i]` is run i's value, or null where run i's config lacks the key. */
export function paramDifferences(db: SqliteDatabase, runNumbers: readonly number[]): ParamDifference[] {
  const statement = db.prepare(
    'SELECT key, value_type AS type, value_text AS text, value_number AS number FROM run_params WHERE run_number = ?'
  )
  const byKey = new Map<string, (ParamValue | null)[]>()
  runNumbers.forEach((runNumber, i) => {
    for (const { key, ...value } of statement.all(runNumber) as (ParamValue & { key: string })[]) {
      const values = byKey.get(key) ?? runNumbers.map(() => null)
      values[i] = value
      byKey.set(key, values)
    }
  })
  return [...byKey.entries()]
    .filter(([, values]) => values.some((value) => !sameValue(value, values[0] ?? null)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, values]) => ({ key, values }))
}
