// Types of augmented-inference prompts (recipe section 6).
import type { Grid, Pair } from '../../arc/types'
import type { SymmetryId } from '../../arc/transforms/ids'

export interface InferencePrompt {
  /**
   * `<transform>:<demonstration order>`, e.g. `identity:0,2,1` or `transpose:1,2`: unique within one
   * set, since a transform and an order of the real demonstrations fix the prompt.
   */
  readonly id: string
  /** Applied to every grid of the prompt; its prediction must be mapped back with `inverse`. */
  readonly transform: SymmetryId
  /** The symmetry that maps the prompt's prediction back to the real task's orientation. */
  readonly inverse: SymmetryId
  /** Indices of the real task's demonstrations left out of this prompt. */
  readonly leaveOut: readonly number[]
  /** Indices of the real task's demonstrations in the prompt, in their order. */
  readonly demonstrationOrder: readonly number[]
  /** Already transformed. */
  readonly demonstrations: readonly Pair[]
  /** The real test input, transformed. */
  readonly testInput: Grid
  /** Length of the prompt in the compact encoding, ending with the open OUTPUT marker. */
  readonly tokens: number
  /**
   * Room kept for the answer: the compact length of the prompt's longest demonstration output (the
   * true test output is unknown at inference; marc counted it, which only an oracle can do).
   */
  readonly outputReserve: number
}

export interface InferencePromptSet {
  readonly taskId: string
  readonly testIndex: number
  /**
   * Demonstrations left out per prompt: 1 by default, 2 after the fallback, 0 without augmentation
   * or with a single demonstration; for an empty set, the last level tried.
   */
  readonly leaveOutCount: number
  /** Prompts that fit the context, identity variants first, then one per transform. */
  readonly prompts: readonly InferencePrompt[]
  /** Prompts built but dropped for the context. */
  readonly droppedForContext: number
  /** Why `prompts` is empty, when it is (no leave-out level fits the context). */
  readonly reason?: string
}
