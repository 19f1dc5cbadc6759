// The exact McNemar test against hand-computed binomial tails and an exact BigInt reference.
import { describe, expect, it } from 'vitest'
import { mcnemarExactP, pairedMcNemar } from '../../../main/engine/analysis/mcnemar'

/** 2 * sum_{k<=min(b,c)} C(n,k) / 2^n with exact integers, then one division. */
function exactReference(b: number, c: number): number {
  const n = b + c
  let term = 1n
  let tail = 0n
  for (let k = 0; k <= Math.min(b, c); k++) {
    tail += term
    term = (term * BigInt(n - k)) / BigInt(k + 1)
  }
  const scale = 10n ** 30n
  const ratio = (2n * tail * scale) / 2n ** BigInt(n)
  return Math.min(1, Number(ratio) / 1e30)
}

describe('mcnemarExactP', () => {
  it('matches known answers', () => {
    expect(mcnemarExactP(1, 9)).toBeCloseTo(0.021484375, 15) // 2 * (1 + 10) / 1024
    expect(mcnemarExactP(9, 1)).toBeCloseTo(0.021484375, 15)
    expect(mcnemarExactP(0, 5)).toBeCloseTo(0.0625, 15) // 2 / 32
    expect(mcnemarExactP(2, 8)).toBeCloseTo(0.109375, 15) // 2 * (1 + 10 + 45) / 1024
    expect(mcnemarExactP(0, 1)).toBe(1)
  })

  it('is 1 without discordant pairs and capped at 1 when they balance', () => {
    expect(mcnemarExactP(0, 0)).toBe(1)
    expect(mcnemarExactP(5, 5)).toBe(1)
  })

  it('stays exact for large counts where C(n, k) / 2^n underflows', () => {
    for (const [b, c] of [[520, 580], [40, 70], [600, 700]] as const) {
      const p = mcnemarExactP(b, c)
      expect(p).toBeGreaterThan(0)
      expect(Math.abs(p - exactReference(b, c)) / exactReference(b, c)).toBeLessThan(1e-9)
    }
  })

  it('refuses counts that are not non-negative integers', () => {
    expect(() => mcnemarExactP(-1, 2)).toThrow(/McNemar b must be a non-negative integer, got -1/)
    expect(() => mcnemarExactP(1, 2.5)).toThrow(/McNemar c/)
  })
})

describe('pairedMcNemar', () => {
  it('counts discordant pairs on the tasks both runs scored', () => {
    const baseline = new Map<string, boolean | null>([['a', true], ['b', true], ['c', false], ['d', false], ['e', true], ['f', null]])
    // 'e' is missing from the other run and 'f' has no score in the baseline: both left out.
    const other = new Map<string, boolean | null>([['a', true], ['b', false], ['c', true], ['d', true], ['f', true], ['g', true]])
    expect(pairedMcNemar(baseline, other)).toEqual({ common: 4, b: 1, c: 2, p: 1 })
  })
})
