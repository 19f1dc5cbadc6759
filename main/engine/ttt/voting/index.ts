// Voting over augmented-inference predictions (recipe section 7): one entry point, three methods.
import { flatVote } from './flat'
import { hierarchicalVote } from './hierarchical'
import { noVote } from './no-voting'
import type { PredictionRecord, VotingMethod, VotingResult } from './types'

export * from './types'
export { hierarchicalVote, groupTopThree } from './hierarchical'
export { flatVote } from './flat'
export { noVote } from './no-voting'
export { rowMajorityGrid, columnMajorityGrid } from './majority-fill'

/** Picks up to two distinct attempts from the predictions; `hierarchical` is the paper's default. */
export function vote(records: readonly PredictionRecord[], method: VotingMethod = 'hierarchical'): VotingResult {
  switch (method) {
    case 'hierarchical':
      return hierarchicalVote(records)
    case 'flat':
      return flatVote(records)
    case 'none':
      return noVote(records)
    default:
      throw new RangeError(`unknown voting method ${JSON.stringify(method satisfies never)}`)
  }
}
