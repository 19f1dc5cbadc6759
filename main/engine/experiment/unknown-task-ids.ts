// The message of the one rule for task ids (docs/experiments.md): the ids a dataset does not have,
// each with the nearest ids it has. Pure, so the Adapt form says it in the same words as the run.
import { nearestNames } from './nearest-names'

/** How many unknown ids a message names before it says "and N more". */
const UNKNOWN_IDS_SHOWN = 5

/** "2 task ids are not in WHERE: a1b3 (nearest: a1b2, b, c); zz (nearest: ...)". */
export function unknownTaskIdsMessage(unknownIds: readonly string[], knownIds: readonly string[], where: string): string {
  const shown = unknownIds.slice(0, UNKNOWN_IDS_SHOWN).map((id) => {
    const near = nearestNames(id, knownIds)
    return near.length > 0 ? `${id} (nearest: ${near.join(', ')})` : id
  })
  const more = unknownIds.length > UNKNOWN_IDS_SHOWN ? `, and ${unknownIds.length - UNKNOWN_IDS_SHOWN} more` : ''
  const noun = unknownIds.length === 1 ? 'task id is' : 'task ids are'
  return `${unknownIds.length} ${noun} not in ${where}: ${shown.join('; ')}${more}`
}
