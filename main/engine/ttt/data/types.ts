// Types of the test-time-training data (recipe section 3): one training example per leave-out task,
// with where it came from, so every example can be traced back to the demonstrations it uses.
import type { Pair } from '../../arc/types'
import type { AugmenterId } from '../../arc/transforms/ids'

/**
 * How an example's task was cut from the real task's demonstrations:
 * - `leave-one-out`: K-1 demonstrations, the held-out one as the test pair (recipe section 3);
 * - `leave-two-out`: K-2 demonstrations, one held-out pair as the test, one dropped (the top-up);
 * - `direct-io`: one demonstration alone as the test pair, no demonstrations in context (the
 *   paper's "train on plain input/output pairs" ablation).
 */
export type TttSource = 'leave-one-out' | 'leave-two-out' | 'direct-io'

export const TTT_SOURCES = ['leave-one-out', 'leave-two-out', 'direct-io'] as const satisfies readonly TttSource[]

/** `identity` marks an example built from the leave-out task as it is, with no augmenter. */
export type TttAugmenter = AugmenterId | 'identity'

export interface TttProvenance {
  readonly source: TttSource
  /**
   * Indices (into the real task's demonstrations) kept out of the context: the first is the
   * demonstration used as the test pair, the second (leave-two-out only) the one dropped besides.
   */
  readonly leaveOut: readonly number[]
  /** Indices of the demonstrations in context, in the order they appear (after any shuffle). */
  readonly demonstrationOrder: readonly number[]
  readonly augmenter: TttAugmenter
  /** Translation offsets, for the `translate` augmenter only (drawn per leave-out task). */
  readonly augmenterParams?: Readonly<Record<string, number>>
  /** A colour permutation (0 fixed) was applied to every grid; `colourMap[c]` is what c became. */
  readonly colourPermuted: boolean
  readonly colourMap?: readonly number[]
  /** The demonstrations were put in a random order (which may happen to be the original one). */
  readonly shuffled: boolean
}

/** One TTT training sequence: demonstrations in context, then the test pair whose output is learned. */
export interface TttExample {
  /**
   * A readable name built from the provenance, unique within one build, e.g.
   * `leave-one-out/test-1/rotate-90/colours/shuffled` or `leave-two-out/test-0/drop-2/identity`.
   */
  readonly id: string
  readonly provenance: TttProvenance
  readonly demonstrations: readonly Pair[]
  readonly test: Pair
  /** Length of the example in the compact encoding (recipe section 2), equal to encodeExamples' length. */
  readonly tokens: number
}

/** What happened to the examples of one source on their way to the final list. */
export interface TttSourceStats {
  /** Leave-out tasks cut from the demonstrations (K, K(K-1) or K). */
  readonly leaveOutTasks: number
  /** Augmented tasks kept within 30x30. */
  readonly augmented: number
  /** Augmented tasks dropped because a grid would exceed 30x30. */
  readonly droppedForSize: number
  /** Colour-permuted (or, without augmentation, only shuffled) copies made. */
  readonly copies: number
  /** leaveOutTasks + augmented + copies: everything generated before deduplication. */
  readonly beforeDedup: number
  readonly afterDedup: number
  /** Distinct examples longer than the context (maxTokens), dropped. */
  readonly droppedForContext: number
  /** afterDedup - droppedForContext: the examples the cap chooses from. */
  readonly available: number
  /** Examples of this source in the final list. */
  readonly selected: number
}

export interface LengthDistribution {
  readonly min: number
  readonly median: number
  readonly mean: number
  readonly max: number
}

export interface TttDataStats {
  readonly demonstrations: number
  readonly perSource: Readonly<Partial<Record<TttSource, TttSourceStats>>>
  /** Per augmenter: examples available (after dedup and context drop) and selected in the final list. */
  readonly perAugmenter: Readonly<Partial<Record<TttAugmenter, { readonly available: number; readonly selected: number }>>>
  readonly examples: number
  /** Token lengths of the final examples; undefined when there are none. */
  readonly tokenLengths?: LengthDistribution
  /** Plain-language remarks, e.g. why a task produced no leave-one-out data. */
  readonly notes: readonly string[]
}

export interface TttData {
  readonly examples: readonly TttExample[]
  readonly stats: TttDataStats
}
