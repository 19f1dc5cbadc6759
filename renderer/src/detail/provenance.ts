// Where a run's two attempts came from: the result's per-output provenance (voting method, prompts,
// undecodable predictions, per-attempt votes and transforms) and the distinct candidates with their
// vote counts, or for search runs the program behind each attempt and candidate. The log stores
// provenance as free JSON (`unknown` on the wire), so it is read here
// defensively: a field of the wrong type is left out instead of breaking the view.
import type { Grid } from '../../../main/engine/arc/types'
import type { CandidateRecord, TestOutputResult } from '../../../main/engine/store/types'

export interface GroupVotes {
  /** A transform id, or 'all' for the pool of every prediction (hierarchical voting). */
  readonly group: string
  readonly predictions: number
  readonly poolVotes: number
}

export interface AttemptProvenance {
  /** 1 for the first attempt, 2 for the second. */
  readonly rank: number
  /** The count the voting method ranked by; null where the method does not count (product-of-experts). */
  readonly votes: number | null
  readonly transforms: readonly string[]
  readonly promptIds: readonly string[]
  readonly groupVotes: readonly GroupVotes[]
  /** The search program that produced the attempt; null for TTT attempts. */
  readonly program: string | null
  /** Demonstrations the program reproduces, of `demos`. */
  readonly demosExplained: number | null
  readonly demos: number | null
}

export interface OutputProvenance {
  readonly method: string | null
  /** Prompts decoded for this test input. */
  readonly prompts: number | null
  /** Predictions that did not decode to a grid, per reason, most frequent first. */
  readonly undecodable: readonly { readonly reason: string; readonly count: number }[]
  readonly attempts: readonly AttemptProvenance[]
  /** Why there is no prediction, when there is none. */
  readonly reason: string | null
}

export interface CandidateSummary {
  readonly grid: Grid
  readonly votes: number
  /** votes / all predictions of this test input that decoded (0..1). */
  readonly share: number
  readonly score: number | null
  readonly transforms: readonly string[]
  /** 'ttt' or 'search'. */
  readonly source: string
  /** The search program that produced the grid; null for TTT candidates. */
  readonly program: string | null
  readonly demosExplained: number | null
  readonly demos: number | null
  /** Distinct prompts that produced the grid. */
  readonly promptCount: number
  /** 1 or 2 when the grid is one of the attempts, else null. */
  readonly attemptRank: number | null
  /** Whether the grid equals the truth; null when the truth is unknown. */
  readonly correct: boolean | null
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])

function readGroupVotes(value: unknown): GroupVotes[] {
  if (!Array.isArray(value)) return []
  return value.filter(isRecord).flatMap((g) => {
    const predictions = numberOrNull(g.predictions)
    const poolVotes = numberOrNull(g.poolVotes)
    return typeof g.group === 'string' && predictions !== null && poolVotes !== null ? [{ group: g.group, predictions, poolVotes }] : []
  })
}

/** Reads one output's provenance as the runner writes it (task-run.ts); unknown shapes give an empty summary. */
export function readProvenance(raw: unknown): OutputProvenance {
  if (!isRecord(raw)) return { method: null, prompts: null, undecodable: [], attempts: [], reason: null }
  const undecodable = isRecord(raw.undecodable)
    ? Object.entries(raw.undecodable)
        .flatMap(([reason, count]) => (typeof count === 'number' && count > 0 ? [{ reason, count }] : []))
        .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    : []
  const attempts = Array.isArray(raw.attempts)
    ? raw.attempts.filter(isRecord).map((a, i) => ({
        rank: i + 1,
        votes: numberOrNull(a.votes),
        transforms: strings(a.transforms),
        promptIds: strings(a.promptIds),
        groupVotes: readGroupVotes(a.groupVotes),
        program: typeof a.program === 'string' ? a.program : null,
        demosExplained: numberOrNull(a.demosExplained),
        demos: numberOrNull(a.demos)
      }))
    : []
  return {
    method: typeof raw.method === 'string' ? raw.method : null,
    prompts: numberOrNull(raw.prompts),
    undecodable,
    attempts,
    reason: typeof raw.reason === 'string' ? raw.reason : null
  }
}

export function gridsEqual(a: Grid, b: Grid): boolean {
  return a.length === b.length && a.every((row, r) => row.length === b[r]!.length && row.every((cell, c) => cell === b[r]![c]))
}

/**
 * The distinct candidates of one test output: the attempts first (in their order), then the rest
 * by votes, then by score (lower summed NLL is better), each marked against the truth.
 */
export function summariseCandidates(
  candidates: readonly CandidateRecord[],
  output: Pick<TestOutputResult, 'testIndex' | 'attempts'>,
  truth: Grid | null
): CandidateSummary[] {
  const own = candidates.filter((c) => c.testIndex === output.testIndex)
  const totalVotes = own.reduce((sum, c) => sum + c.votes, 0)
  const rankOf = (grid: Grid): number | null => {
    const index = output.attempts.findIndex((a) => gridsEqual(a, grid))
    return index < 0 ? null : index + 1
  }
  const summaries = own.map((c) => ({
    grid: c.grid,
    votes: c.votes,
    share: totalVotes > 0 ? c.votes / totalVotes : 0,
    score: c.score,
    transforms: c.transforms,
    source: c.source ?? 'ttt',
    program: c.program ?? null,
    demosExplained: c.demosExplained ?? null,
    demos: c.demos ?? null,
    promptCount: new Set(c.promptIds).size,
    attemptRank: rankOf(c.grid),
    correct: truth ? gridsEqual(c.grid, truth) : null
  }))
  const rankKey = (s: CandidateSummary): number => s.attemptRank ?? Number.POSITIVE_INFINITY
  return summaries.sort(
    (a, b) => rankKey(a) - rankKey(b) || b.votes - a.votes || (a.score ?? Number.POSITIVE_INFINITY) - (b.score ?? Number.POSITIVE_INFINITY)
  )
}
