// Percentile bootstrap intervals and the quantiles they rest on.
import { describe, expect, it } from 'vitest'
import { bootstrapMeanInterval } from '../../../main/engine/analysis/bootstrap'
import { boxStatistics, quantileSorted } from '../../../main/engine/analysis/quantile'

describe('quantileSorted (type 7)', () => {
  it('interpolates between order statistics', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12)
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12)
    expect(quantileSorted([7], 0.9)).toBe(7)
    expect(() => quantileSorted([], 0.5)).toThrow(/empty/)
  })

  it('gives the five-number summary and the mean', () => {
    expect(boxStatistics([4, 1, 100, 3, 2, Number.NaN])).toEqual({ count: 5, min: 1, lowerQuartile: 2, median: 3, upperQuartile: 4, max: 100, mean: 22 })
    expect(boxStatistics([])).toBeNull()
  })
})

describe('bootstrapMeanInterval', () => {
  const half = Array.from({ length: 100 }, (_, i) => i % 2) // 50 solved of 100

  it('contains the mean, with the width the normal approximation predicts', () => {
    const interval = bootstrapMeanInterval(half, { seed: 7 })!
    expect(interval.mean).toBe(0.5)
    expect(interval.count).toBe(100)
    expect(interval.low).toBeLessThan(0.5)
    expect(interval.high).toBeGreaterThan(0.5)
    // 1.96 * sqrt(0.25 / 100) = 0.098
    expect(interval.low).toBeGreaterThan(0.38)
    expect(interval.low).toBeLessThan(0.42)
    expect(interval.high).toBeGreaterThan(0.58)
    expect(interval.high).toBeLessThan(0.62)
  })

  it('is reproducible with a seed and changes with it', () => {
    // Irregular values, so two streams cannot land on the same percentiles by coincidence.
    const scores = Array.from({ length: 30 }, (_, i) => ((i * 37) % 101) / 101)
    const a = bootstrapMeanInterval(scores, { seed: 42, resamples: 2000 })
    expect(bootstrapMeanInterval(scores, { seed: 42, resamples: 2000 })).toEqual(a)
    expect(bootstrapMeanInterval(scores, { seed: 43, resamples: 2000 })).not.toEqual(a)
    expect(a!.low).toBeLessThanOrEqual(a!.mean)
    expect(a!.high).toBeGreaterThanOrEqual(a!.mean)
  })

  it('collapses on a constant sample, is null on an empty one, and checks its options', () => {
    expect(bootstrapMeanInterval([1, 1, 1], { seed: 1 })).toEqual({ mean: 1, low: 1, high: 1, count: 3 })
    expect(bootstrapMeanInterval([])).toBeNull()
    expect(() => bootstrapMeanInterval([1], { resamples: 0 })).toThrow(/resamples must be a positive integer, got 0/)
    expect(() => bootstrapMeanInterval([1], { confidence: 1 })).toThrow(/confidence must be in \(0, 1\), got 1/)
    expect(() => bootstrapMeanInterval([1, Number.NaN])).toThrow(/finite/)
  })
})
