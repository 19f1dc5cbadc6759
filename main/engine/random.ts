// A small seeded pseudo-random generator, so anything built from random draws (sample tasks, data
// shuffles, weight initialisation) is reproducible from one integer seed on every platform.
// Math.random cannot be seeded, so nothing in the engine should use it.

/** Random draws from one seeded stream. Every method advances the same stream. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** A shuffled copy of the list (Fisher-Yates); the list itself is left as it is. */
  shuffle<T>(items: readonly T[]): T[]
}

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state advanced by a Weyl step and mixed by
 * two multiply-xorshift rounds. Period 2^32, fast, and good enough for test data and shuffles; it is
 * not a cryptographic generator.
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`rng seed must be an integer, got ${seed}`)
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`rng.int needs integers min <= max, got min ${min}, max ${max}`)
    }
    return min + Math.floor(next() * (max - min + 1))
  }
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('rng.pick needs a non-empty list')
      return items[int(0, items.length - 1)]!
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i)
        ;[out[i], out[j]] = [out[j]!, out[i]!]
      }
      return out
    }
  }
}

/**
 * Derives a 32-bit seed from several parts (FNV-1a over their text), so that independent streams,
 * such as one per sample task, come from one user seed and adding a stream leaves the others as
 * they were.
 */
export function deriveSeed(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0)!
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}
