// Flat voting (paper ablation): one global top 2 by frequency over every prediction, whatever its
// transform. Equal counts keep first-seen order (see tally.ts).
import { attemptFrom } from './provenance'
import { rankByFrequency } from './tally'
import type { PredictionRecord, VotingResult } from './types'

export function flatVote(records: readonly PredictionRecord[]): VotingResult {
  const ranked = rankByFrequency(records.map((record) => record.prediction))
  return { method: 'flat', attempts: ranked.slice(0, 2).map((counted) => attemptFrom(records, counted)) }
}
