// Quantiles of a sample, for bootstrap percentile intervals and box plots.

/**
 * The q-quantile of values already sorted ascending, by linear interpolation between the two
 * nearest order statistics (Hyndman & Fan type 7, the default of R and NumPy).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty sample')
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q must be in [0, 1], got ${q}`)
  const position = (sorted.length - 1) * q
  const below = Math.floor(position)
  const above = Math.min(below + 1, sorted.length - 1)
  const fraction = position - below
  return sorted[below]! + (sorted[above]! - sorted[below]!) * fraction
}

export interface BoxStatistics {
  readonly count: number
  readonly min: number
  readonly lowerQuartile: number
  readonly median: number
  readonly upperQuartile: number
  readonly max: number
  readonly mean: number
}

/** Five-number summary and mean of the finite values; null when there are none. */
export function boxStatistics(values: readonly number[]): BoxStatistics | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  return {
    count: sorted.length,
    min: sorted[0]!,
    lowerQuartile: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    upperQuartile: quantileSorted(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
    mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length
  }
}
