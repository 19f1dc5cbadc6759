// Percentile bootstrap confidence intervals of a mean over tasks: resample the tasks with
// replacement, take the mean of each resample, and read the interval off the resampled means
// (Efron & Tibshirani, "An Introduction to the Bootstrap", ch. 13). Seeded, so the same runs give
// the same interval every time the Compare view opens.
import { createRng } from '../random'
import { quantileSorted } from './quantile'

export interface BootstrapOptions {
  /** Number of resamples; 2000 keeps the 2.5% and 97.5% percentiles stable to about 0.5 points. */
  readonly resamples?: number
  /** Coverage of the interval, e.g. 0.95. */
  readonly confidence?: number
  /** Seed of the resampling stream (an integer). */
  readonly seed?: number
}

export interface MeanInterval {
  /** The sample mean (not the mean of the resampled means). */
  readonly mean: number
  readonly low: number
  readonly high: number
  /** Number of values (tasks). */
  readonly count: number
}

export const DEFAULT_RESAMPLES = 2000
const DEFAULT_CONFIDENCE = 0.95

/** The mean of `values` with its percentile bootstrap interval; null for an empty sample. */
export function bootstrapMeanInterval(values: readonly number[], options: BootstrapOptions = {}): MeanInterval | null {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE
  const seed = options.seed ?? 0
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`bootstrap resamples must be a positive integer, got ${resamples}`)
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`bootstrap confidence must be in (0, 1), got ${confidence}`)
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('bootstrap values must be finite numbers')
  const n = values.length
  if (n === 0) return null
  const mean = values.reduce((sum, v) => sum + v, 0) / n
  const rng = createRng(seed)
  const means = new Float64Array(resamples)
  for (let r = 0; r < resamples; r++) {
    let sum = 0
    for (let i = 0; i < n; i++) sum += values[Math.floor(rng.next() * n)]!
    means[r] = sum / n
  }
  means.sort()
  const alpha = 1 - confidence
  return { mean, low: quantileSorted(means, alpha / 2), high: quantileSorted(means, 1 - alpha / 2), count: n }
}
