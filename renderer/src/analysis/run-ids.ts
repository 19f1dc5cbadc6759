// The runs of the Compare view as the URL carries them: #/compare?runs=BASELINE,ID2,ID3.

/** Distinct non-empty ids from `a,b,c` (or several `runs=` values), in order. */
export function parseRunIds(value: unknown): string[] {
  const parts = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
  const ids = parts.flatMap((part) => part.split(',')).map((id) => id.trim()).filter((id) => id !== '')
  return [...new Set(ids)]
}

export function formatRunIds(ids: readonly string[]): string {
  return ids.join(',')
}

/** The same runs with `runId` first: pinning it as the baseline. */
export function pinBaseline(ids: readonly string[], runId: string): string[] {
  return ids.includes(runId) ? [runId, ...ids.filter((id) => id !== runId)] : [...ids]
}

export function withoutRun(ids: readonly string[], runId: string): string[] {
  return ids.filter((id) => id !== runId)
}
