// Each compared run's colour, the same in every table and chart of the Compare view. Taken from
// the run's place among the ids sorted, so pinning another baseline (which reorders the runs)
// leaves every run its colour.
import { seriesColor } from '../charts/chart-theme'

export function runColors(runIds: readonly string[]): ReadonlyMap<string, string> {
  const sorted = [...runIds].sort()
  return new Map(runIds.map((id) => [id, seriesColor(sorted.indexOf(id))]))
}
