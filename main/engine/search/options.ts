// The search's public option, candidate and outcome types, and its default budget.
import type { Grid } from '../arc/types'

export interface SearchOptions {
  /** Depth limit of the lockstep search (transforms per program, a cut into objects free); e.g. 2. */
  readonly depth: number
  /** Time limit per test input in seconds, a safety net behind the state caps (machine-dependent). */
  readonly timeSeconds: number
  /** Most search states kept per test input (each state is one value per grid); e.g. 200000. */
  readonly maxStates: number
  /** Most candidates returned per test input (distinct answers, best first); e.g. 20. */
  readonly maxCandidates: number
  readonly signal?: AbortSignal
}

export interface SearchCandidate {
  /** The answer for the test input, in the task's own colours. */
  readonly grid: Grid
  /**
   * The program, e.g. `tile(crop(largest(cut(x))), 2, 2)` or `layers(nonzero(p1); p2)` (layers top
   * first). Colour arguments are the task's normalised colours: 0 is the most common colour of the
   * demonstration inputs, 1 the next most common, and so on (see colours.ts).
   */
  readonly program: string
  /** Demonstrations the program reproduces exactly, out of `demos`. */
  readonly explains: number
  readonly demos: number
  readonly depth: number
  /** Sum of the DSL costs of the transforms used (over all layers). */
  readonly cost: number
}

export interface SearchStats {
  readonly states: number
  readonly seconds: number
  /** Seconds per phase: colours, size, expand, pieces, recolour, learned, compose, rank. */
  readonly phases: Readonly<Record<string, number>>
  readonly stoppedBy: 'done' | 'time' | 'states' | 'cancelled'
  readonly depthReached: number
  /** Bytes of image cells the search graph held at its largest. */
  readonly peakBytes?: number
}

export interface SearchOutcome {
  readonly testIndex: number
  /** The two best distinct answers (fewer if fewer were found). */
  readonly attempts: readonly Grid[]
  readonly candidates: readonly SearchCandidate[]
  readonly stats: SearchStats
}

/** Most image cells one search may keep (one byte each), whatever maxStates allows. */
export const MAX_STORED_CELLS = 150_000_000

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  depth: 2,
  timeSeconds: 30,
  maxStates: 300_000,
  maxCandidates: 20
}
