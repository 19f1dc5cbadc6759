// Hierarchical voting, the paper's default (recipe section 7; marc's arclib/voting.py `vote`):
//   1. group the predictions by transform, and add one group "all" with every prediction;
//   2. each group contributes its top 3 (`groupTopThree`), three grids that may repeat;
//   3. pool the top-3 lists and rank the distinct grids by how often they occur in the pool;
//   4. the first two are the attempts, except that when the 2nd and 3rd have equal pool counts, the
//      one more frequent among identity-transform predictions takes 2nd place.
// Deterministic choices where marc's are arbitrary or buggy:
//   - every ranking breaks ties by first-seen order; the pool lists group "all" first, then the
//     transforms in SYMMETRY_IDS order, so a pool tie goes to the grid ranked higher in "all";
//   - in step 4 an equal identity count keeps the 2nd (marc takes the 3rd, but its 2nd/3rd order
//     comes from Python set order, so neither is meaningful);
//   - the attempts are two distinct grids (marc can return the same grid twice when the pool holds a
//     single distinct grid, or via its final-level fill); with one distinct grid there is one attempt.
//   marc also runs the fills on the pool itself; a fill there never wins, since a pool grid it does
//   not contain has 0 votes, so step 3 is a plain count.
import { gridKey } from '../../arc/grid'
import type { Grid } from '../../arc/types'
import { SYMMETRY_IDS } from '../../arc/transforms/ids'
import { columnMajorityGrid, rowMajorityGrid } from './majority-fill'
import { attemptFrom } from './provenance'
import { occurrences, rankByFrequency, type GridCount } from './tally'
import type { GroupTopThree, GroupVoteCount, PredictionRecord, TopThreeEntry, VoteAttempt, VotingGroup, VotingResult } from './types'

/**
 * A group's top 3 (marc's `get_all_type_of_votingsv2`): the three most frequent grids; when there are
 * fewer than 3 distinct, the missing places take the row-majority grid, or the column-majority grid
 * when the row-majority grid is already among the places above. Both fills may repeat a grid.
 * With first-seen tie-breaks a group of at most 2 distinct grids always fills with its 1st grid (each
 * row's majority follows the same count-then-first-seen order as the ranking; see the property test),
 * so in effect the fills give a group that agrees more pool votes for its favourite.
 */
export function groupTopThree(grids: readonly Grid[]): TopThreeEntry[] {
  const ranked = rankByFrequency(grids)
  if (ranked.length === 0) throw new RangeError('groupTopThree needs at least one grid')
  const rowMajority = rowMajorityGrid(grids)
  const columnMajority = columnMajorityGrid(grids)
  const entry = (grid: Grid, source: TopThreeEntry['source']): TopThreeEntry => ({ grid, source, predictions: occurrences(grids, grid) })
  const fill = (above: readonly TopThreeEntry[]): TopThreeEntry => {
    const rowKey = gridKey(rowMajority)
    return above.some((e) => gridKey(e.grid) === rowKey) ? entry(columnMajority, 'column-majority') : entry(rowMajority, 'row-majority')
  }
  const first = entry(ranked[0]!.grid, 'frequency')
  const second = ranked[1] ? entry(ranked[1].grid, 'frequency') : fill([first])
  const third = ranked[2] ? entry(ranked[2].grid, 'frequency') : fill([first, second])
  return [first, second, third]
}

export function hierarchicalVote(records: readonly PredictionRecord[]): VotingResult {
  if (records.length === 0) return { method: 'hierarchical', attempts: [], groups: [] }
  const groupGrids = groupPredictions(records)
  const groups: GroupTopThree[] = groupGrids.map(({ group, grids }) => ({ group, size: grids.length, topThree: groupTopThree(grids) }))
  const pool = groups.flatMap((g) => g.topThree.map((e) => e.grid))
  const ranked = rankByFrequency(pool)
  const identityPredictions = groupGrids.find((g) => g.group === 'identity')?.grids ?? []
  const chosen = [ranked[0], preferIdentityOnTie(ranked[1], ranked[2], identityPredictions)].filter((c): c is GridCount => c !== undefined)
  const attempts = chosen.map((counted): VoteAttempt => ({
    ...attemptFrom(records, counted),
    groupVotes: groupVotesFor(counted.grid, groupGrids, groups)
  }))
  return { method: 'hierarchical', attempts, groups }
}

/** The 2nd place: the 3rd replaces it only on an equal pool count and more identity predictions. */
function preferIdentityOnTie(
  second: GridCount | undefined,
  third: GridCount | undefined,
  identity: readonly Grid[]
): GridCount | undefined {
  if (!second || !third || second.count !== third.count) return second
  return occurrences(identity, third.grid) > occurrences(identity, second.grid) ? third : second
}

/** Group "all" (every prediction, record order) first, then one group per transform present. */
function groupPredictions(records: readonly PredictionRecord[]): { group: VotingGroup; grids: Grid[] }[] {
  const byTransform = new Map<VotingGroup, Grid[]>()
  for (const record of records) {
    if (!SYMMETRY_IDS.includes(record.transform))
      throw new RangeError(`unknown transform ${JSON.stringify(record.transform)} in prompt ${record.promptId}`)
    const grids = byTransform.get(record.transform) ?? []
    grids.push(record.prediction)
    byTransform.set(record.transform, grids)
  }
  const all = { group: 'all' as const, grids: records.map((record) => record.prediction) }
  return [all, ...SYMMETRY_IDS.flatMap((id) => (byTransform.has(id) ? [{ group: id, grids: byTransform.get(id)! }] : []))]
}

function groupVotesFor(
  grid: Grid,
  groupGrids: readonly { group: VotingGroup; grids: readonly Grid[] }[],
  groups: readonly GroupTopThree[]
): GroupVoteCount[] {
  return groupGrids.map(({ group, grids }, i) => ({
    group,
    predictions: occurrences(grids, grid),
    poolVotes: occurrences(
      groups[i]!.topThree.map((e) => e.grid),
      grid
    )
  }))
}
