// How close a run's first attempts come to the truth, for models that solve few tasks: the share of
// test outputs whose first attempt has the right height and width, and, over those, the share of
// cells right. Both move long before whole grids become exact, so they show whether TTT helps a
// weak model at all. Test outputs without ground truth or without an attempt count as not right.
// Beside them, the candidate ceiling: test outputs where some candidate (any prediction made under
// any transform, before voting) equals the truth. No voting method can solve more, so when it is
// zero the voting variants cannot change a run's score. For a run that pools the candidates of two
// solvers (the ensemble) this is the pool's ceiling, and the solved outputs are split by the solver whose
// candidate the right attempt was.
import type { Grid, Task } from '../arc/types'
import { gridsEqual } from '../arc/grid'
import type { CandidateSource, TaskResultRecord } from '../store/types'

/** Truth grids by task id and test index (undefined where a test output is unknown). */
export type TruthGrids = ReadonlyMap<string, readonly (Grid | undefined)[]>

/** The known test outputs of every valid task of a dataset (a loaded Dataset fits). */
export function datasetTruth(dataset: { readonly entries: readonly { readonly id: string; readonly task?: Task }[] }): TruthGrids {
  return new Map(dataset.entries.flatMap((e) => (e.task ? [[e.id, e.task.test.map((t) => t.output)] as const] : [])))
}

export interface NearMissSummary {
  /** Test outputs with known truth. */
  readonly outputs: number
  /** Of those, how many have a first attempt of the truth's size. */
  readonly rightShape: number
  /** Mean share of right cells over the right-shaped first attempts; null when there is none. */
  readonly cellAccuracy: number | null
  /** Of those, how many have the truth among their candidates: the most any voting could solve. */
  readonly rightCandidate: number
  /** Test outputs solved (the truth among the attempts). */
  readonly solved: number
  /** Solved outputs by the solver(s) whose candidate the right attempt was: only search, only TTT, or both. */
  readonly solvedFrom: { readonly search: number; readonly ttt: number; readonly both: number }
}

/** One test output's first attempt (if any), every candidate, and the truth. */
export interface AttemptAndTruth {
  readonly attempt: Grid | undefined
  readonly candidates: readonly Grid[]
  readonly truth: Grid
  /** The solvers whose candidates equal the truth, where an attempt is right; null where none is. */
  readonly solvedBy?: readonly CandidateSource[] | null
}

/** Share of equal cells of two grids of the same size. */
export function cellAgreement(attempt: Grid, truth: Grid): number {
  let equal = 0
  let total = 0
  truth.forEach((row, r) =>
    row.forEach((value, c) => {
      total++
      if (attempt[r]?.[c] === value) equal++
    })
  )
  return total === 0 ? 0 : equal / total
}

const sameShape = (a: Grid, b: Grid): boolean => a.length === b.length && (a[0]?.length ?? 0) === (b[0]?.length ?? 0)

/** Summary over test outputs. */
export function summarizeNearMisses(pairs: readonly AttemptAndTruth[]): NearMissSummary {
  const agreements = pairs.flatMap(({ attempt, truth }) =>
    attempt !== undefined && sameShape(attempt, truth) ? [cellAgreement(attempt, truth)] : []
  )
  return {
    outputs: pairs.length,
    rightShape: agreements.length,
    cellAccuracy: agreements.length === 0 ? null : agreements.reduce((a, b) => a + b, 0) / agreements.length,
    rightCandidate: pairs.filter(({ candidates, truth }) => candidates.some((candidate) => gridsEqual(candidate, truth))).length,
    ...solvedCounts(pairs.flatMap((p) => (p.solvedBy ? [p.solvedBy] : [])))
  }
}

function solvedCounts(solvedBy: readonly (readonly CandidateSource[])[]): Pick<NearMissSummary, 'solved' | 'solvedFrom'> {
  const from = { search: 0, ttt: 0, both: 0 }
  for (const sources of solvedBy) {
    if (sources.includes('search') && sources.includes('ttt')) from.both++
    else if (sources.includes('search')) from.search++
    else from.ttt++
  }
  return { solved: solvedBy.length, solvedFrom: from }
}

/** A run's near misses over every test output whose truth is known (tasks not in `truth` are left out). */
export function runNearMisses(results: readonly TaskResultRecord[], truth: TruthGrids): NearMissSummary {
  return summarizeNearMisses(
    results.flatMap((result) =>
      (truth.get(result.taskId) ?? []).flatMap((grid, testIndex) => {
        if (grid === undefined) return []
        const output = result.outputs.find((o) => o.testIndex === testIndex)
        const own = result.candidates.filter((c) => c.testIndex === testIndex)
        const solved = output?.attempts.some((a) => gridsEqual(a, grid)) ?? false
        // A right attempt is one of the candidates; where an old log kept none, it was TTT's.
        const sources = [...new Set(own.filter((c) => gridsEqual(c.grid, grid)).map((c) => c.source ?? 'ttt'))]
        const solvedBy = solved ? (sources.length > 0 ? sources : (['ttt'] as const)) : null
        return [{ attempt: output?.attempts[0], candidates: own.map((c) => c.grid), truth: grid, solvedBy }]
      })
    )
  )
}
