// No voting (paper ablation): the first two distinct predictions of the identity prompt(s), in
// prompt order, which is taken to be record order. Predictions under other transforms are ignored.
// An attempt's `votes` counts the identity predictions equal to it.
import { attemptFrom } from './provenance'
import { countGrids } from './tally'
import type { PredictionRecord, VotingResult } from './types'

export function noVote(records: readonly PredictionRecord[]): VotingResult {
  const identity = records.filter((record) => record.transform === 'identity')
  const distinctInOrder = countGrids(identity.map((record) => record.prediction))
  // Provenance from the identity records only: they alone took part.
  return { method: 'none', attempts: distinctInOrder.slice(0, 2).map((counted) => attemptFrom(identity, counted)) }
}
