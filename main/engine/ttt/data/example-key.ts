// The content of a TTT example as one string, for deduplication (recipe section 3: "Deduplicate").
// Two examples are duplicates when every grid, in order, is the same, whatever their provenance:
// e.g. a translation by (0, 0), or rotate-180 of a task whose grids are all symmetric.
import { gridKey } from '../../arc/grid'
import type { Grid, Pair } from '../../arc/types'

/** `keyOf` may be any function that gives equal grids, and only those, equal keys (see grid-cache.ts). */
export function exampleContentKey(demonstrations: readonly Pair[], test: Pair, keyOf: (grid: Grid) => string | number = gridKey): string {
  const pairKey = (pair: Pair): string => `${keyOf(pair.input)}>${keyOf(pair.output)}`
  return `${demonstrations.map(pairKey).join('/')}=>${pairKey(test)}`
}
