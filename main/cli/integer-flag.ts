// Integer command-line values, turned into usage errors that name the flag and the bad text.
import { UsageError } from './usage-error'

/** `raw` as an integer >= `min`, or `fallback` when the flag was not given. */
export function integerFlag(name: string, raw: string | undefined, fallback: number, min = Number.MIN_SAFE_INTEGER): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isSafeInteger(value) || value < min) {
    const range = min === Number.MIN_SAFE_INTEGER ? 'an integer' : `an integer >= ${min}`
    throw new UsageError(`${name} must be ${range}, got "${raw}"`)
  }
  return value
}

/** `raw` when it is one of `allowed`, `fallback` when not given; a usage error otherwise. */
export function choiceFlag<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback
  if (!(allowed as readonly string[]).includes(raw)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`)
  return raw as T
}
