// Types of the voting step of augmented inference (recipe section 7): the records that go in and
// the two attempts, with their provenance, that come out.
import type { Grid } from '../../arc/types'
import type { SymmetryId } from '../../arc/transforms/ids'

/**
 * - `hierarchical`: the paper's default (recipe section 7): a top 3 per transform group and one for
 *   all predictions, pooled, then a top 2 with the identity tie-break.
 * - `flat`: one global top 2 by frequency (paper ablation "flat voting").
 * - `none`: the first two distinct predictions of the identity prompt(s) (paper ablation "no voting").
 */
export type VotingMethod = 'hierarchical' | 'flat' | 'none'

/** One model prediction, already mapped back through the inverse of its prompt's transform. */
export interface PredictionRecord {
  readonly prediction: Grid
  /** The transform applied to the prompt (its inverse has been applied to `prediction`). */
  readonly transform: SymmetryId
  readonly promptId: string
}

/** A hierarchical voting group: the predictions of one transform, or of all transforms together. */
export type VotingGroup = SymmetryId | 'all'

/** How an entry of a group's top 3 was chosen (recipe section 7: frequency, then the fills). */
export type TopThreeSource = 'frequency' | 'row-majority' | 'column-majority'

export interface TopThreeEntry {
  readonly grid: Grid
  readonly source: TopThreeSource
  /** How many predictions of the group equal this grid (0 for a fill no prediction matches). */
  readonly predictions: number
}

/** One group of hierarchical voting and the three grids it contributes to the pool. */
export interface GroupTopThree {
  readonly group: VotingGroup
  /** Number of predictions in the group. */
  readonly size: number
  /** Always three entries; they may repeat a grid (then that grid gets several pool votes). */
  readonly topThree: readonly TopThreeEntry[]
}

/** What one group did for one attempt's grid (hierarchical only). */
export interface GroupVoteCount {
  readonly group: VotingGroup
  /** Predictions of the group equal to the attempt's grid. */
  readonly predictions: number
  /** Times the grid appears in the group's top 3, that is the pool votes this group gave it. */
  readonly poolVotes: number
}

export interface VoteAttempt {
  readonly grid: Grid
  /**
   * The count the method ranked by: pool votes (hierarchical), predictions across all records
   * (flat), predictions of identity prompts (none).
   */
  readonly votes: number
  /** Distinct transforms of the records that predicted this grid, in SYMMETRY_IDS order. */
  readonly transforms: readonly SymmetryId[]
  /** Distinct prompt ids of the records that predicted this grid, in record order. */
  readonly promptIds: readonly string[]
  /** Hierarchical only: per group, in group order. */
  readonly groupVotes?: readonly GroupVoteCount[]
}

export interface VotingResult {
  readonly method: VotingMethod
  /** Zero, one or two attempts, best first, always distinct grids. */
  readonly attempts: readonly VoteAttempt[]
  /** Hierarchical only: every group's top 3, "all" first, then transforms in SYMMETRY_IDS order. */
  readonly groups?: readonly GroupTopThree[]
}
