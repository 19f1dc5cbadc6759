// The distinct grids predicted for one test output, each with the transforms and prompts that
// produced it: what the log keeps as candidates and what product-of-experts rescoring ranks.
import { gridKey } from '../../arc/grid'
import type { Grid } from '../../arc/types'
import type { SymmetryId } from '../../arc/transforms/ids'
import type { PredictionRecord } from '../voting'

export interface Candidate {
  readonly grid: Grid
  readonly transforms: SymmetryId[]
  readonly promptIds: string[]
  /** Predictions equal to this grid. */
  readonly count: number
  /** Summed negative log-likelihood over augmented views (product-of-experts), when computed. */
  score: number | null
}

export function distinctCandidates(records: readonly PredictionRecord[]): Candidate[] {
  const byKey = new Map<string, Candidate & { count: number }>()
  for (const record of records) {
    const key = gridKey(record.prediction)
    const existing = byKey.get(key)
    if (existing) {
      existing.count++
      if (!existing.transforms.includes(record.transform)) existing.transforms.push(record.transform)
      existing.promptIds.push(record.promptId)
    } else byKey.set(key, { grid: record.prediction, transforms: [record.transform], promptIds: [record.promptId], count: 1, score: null })
  }
  return [...byKey.values()]
}
