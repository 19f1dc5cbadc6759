// min / median / mean / max of a list of numbers, for token lengths and examples-per-task figures.
import type { LengthDistribution } from './types'

/** Undefined for an empty list. The median of an even count is the mean of the two middle values. */
export function distributionOf(values: readonly number[]): LengthDistribution | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length
  return { min: sorted[0]!, median, mean, max: sorted[sorted.length - 1]! }
}
