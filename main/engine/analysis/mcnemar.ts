// The exact McNemar test of two classifiers on the same items (here: two runs on the same tasks).
// Only the discordant pairs carry information: b = solved by the baseline only, c = solved by the
// other run only. Under the null hypothesis (same accuracy) each discordant task is a fair coin, so
// b ~ Binomial(b + c, 1/2) and the two-sided p-value is
//   p = min(1, 2 * sum_{k=0}^{min(b,c)} C(n, k) / 2^n),   n = b + c
// (McNemar 1947; the exact form as in Fagerland, Lydersen & Laake 2013). n = 0 gives p = 1.

export interface McNemarResult {
  /** Tasks both runs have a score for. */
  readonly common: number
  /** Solved by the baseline, not by the other run. */
  readonly b: number
  /** Solved by the other run, not by the baseline. */
  readonly c: number
  /** Two-sided exact p-value. */
  readonly p: number
}

/** Two-sided exact binomial p-value of b against c discordant pairs. */
export function mcnemarExactP(b: number, c: number): number {
  for (const [name, value] of [
    ['b', b],
    ['c', c]
  ] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`McNemar ${name} must be a non-negative integer, got ${value}`)
  }
  const n = b + c
  if (n === 0) return 1
  const smaller = Math.min(b, c)
  // Sum the binomial tail in log space: C(n, k) / 2^n underflows doubles for n above about 1070.
  let logTerm = -n * Math.LN2 // log(C(n, 0) / 2^n)
  let tail = 0
  for (let k = 0; k <= smaller; k++) {
    tail += Math.exp(logTerm)
    logTerm += Math.log(n - k) - Math.log(k + 1) // C(n, k+1) = C(n, k) * (n - k) / (k + 1)
  }
  return Math.min(1, 2 * tail)
}

/**
 * Pairs two runs on their common scored tasks. Each map gives, per task id, whether the run solved
 * it (null or absent: no score, so the task is left out).
 */
export function pairedMcNemar(baseline: ReadonlyMap<string, boolean | null>, other: ReadonlyMap<string, boolean | null>): McNemarResult {
  let common = 0
  let b = 0
  let c = 0
  for (const [taskId, baseSolved] of baseline) {
    const otherSolved = other.get(taskId)
    if (baseSolved === null || otherSolved === null || otherSolved === undefined) continue
    common++
    if (baseSolved && !otherSolved) b++
    else if (!baseSolved && otherSolved) c++
  }
  return { common, b, c, p: mcnemarExactP(b, c) }
}
