// Which records produced a grid: the transforms and prompt ids behind one attempt.
import { gridKey } from '../../arc/grid'
import type { Grid } from '../../arc/types'
import { SYMMETRY_IDS, type SymmetryId } from '../../arc/transforms/ids'
import type { GridCount } from './tally'
import type { PredictionRecord, VoteAttempt } from './types'

export interface Producers {
  /** Distinct, in SYMMETRY_IDS order. */
  readonly transforms: readonly SymmetryId[]
  /** Distinct, in record order. */
  readonly promptIds: readonly string[]
}

function producersOf(records: readonly PredictionRecord[], grid: Grid): Producers {
  const key = gridKey(grid)
  const matching = records.filter((record) => gridKey(record.prediction) === key)
  const transforms = new Set(matching.map((record) => record.transform))
  return {
    transforms: SYMMETRY_IDS.filter((id) => transforms.has(id)),
    promptIds: [...new Set(matching.map((record) => record.promptId))]
  }
}

/** An attempt for a counted grid, with the records that produced it. */
export function attemptFrom(records: readonly PredictionRecord[], counted: GridCount): VoteAttempt {
  return { grid: counted.grid, votes: counted.count, ...producersOf(records, counted.grid) }
}
