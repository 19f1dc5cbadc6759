// The tasks x runs matrix of the Compare view: one row per task, one cell per run, the first run
// being the baseline. A task counts as solved when its all-or-nothing score is 1 (every test output
// right), the stricter of the two conventions.
import type { TaskOutcome } from '../../../main/api/runs-contract'
import type { SolvedBy } from '../../../main/engine/store/types'
import { compareLevels } from './levels'

/**
 * 'solved' / 'wrong': done and scored; 'skipped': the run could not try it (counts as unsolved);
 * 'unscored': done, but the dataset has no ground truth; 'missing': the run did not include the task.
 */
export type CellState = 'solved' | 'wrong' | 'skipped' | 'unscored' | 'missing'

export interface MatrixRow {
  readonly taskId: string
  /** Difficulty level from the dataset's levels file, or null. */
  readonly level: string | null
  /** One cell per run, in the runs' order. */
  readonly cells: readonly CellState[]
  /** Per cell, which solver's candidates the right attempts were (null where unsolved or unknown). */
  readonly solvedBy: readonly (SolvedBy | null)[]
  readonly solvedCount: number
}

export const MATRIX_FILTERS = ['all', 'newly-solved', 'newly-broken', 'solved-by-none', 'solved-by-all'] as const
export type MatrixFilter = (typeof MATRIX_FILTERS)[number]

export const MATRIX_SORTS = ['task', 'level', 'solved'] as const
export type MatrixSort = (typeof MATRIX_SORTS)[number]

export function cellState(outcome: TaskOutcome | undefined): CellState {
  if (!outcome) return 'missing'
  if (outcome.status === 'skipped') return 'skipped'
  if (outcome.allOrNothing === null) return 'unscored'
  return outcome.allOrNothing === 1 ? 'solved' : 'wrong'
}

/** Rows for every task any run has an outcome for, in task id order. */
export function buildOutcomeMatrix(
  runIds: readonly string[],
  outcomes: readonly TaskOutcome[],
  levels: Readonly<Record<string, string>> = {}
): MatrixRow[] {
  const byTask = new Map<string, Map<string, TaskOutcome>>()
  for (const outcome of outcomes) {
    let row = byTask.get(outcome.taskId)
    if (!row) byTask.set(outcome.taskId, (row = new Map()))
    row.set(outcome.runId, outcome)
  }
  return [...byTask.keys()].sort().map((taskId) => {
    const row = byTask.get(taskId)!
    const cells = runIds.map((runId) => cellState(row.get(runId)))
    const solvedBy = runIds.map((runId, i) => (cells[i] === 'solved' ? (row.get(runId)?.solvedBy ?? null) : null))
    return { taskId, level: levels[taskId] ?? null, cells, solvedBy, solvedCount: cells.filter((c) => c === 'solved').length }
  })
}

/** Tried and not solved: a wrong answer or a skip (a skipped task with ground truth scores 0). */
const unsolved = (cell: CellState): boolean => cell === 'wrong' || cell === 'skipped'

/**
 * - newly-solved: the baseline tried and failed, another run solved it;
 * - newly-broken: the baseline solved it, another run tried and failed;
 * - solved-by-none: some run tried it and no run solved it;
 * - solved-by-all: every run solved it.
 */
export function matchesMatrixFilter(row: MatrixRow, filter: MatrixFilter): boolean {
  const [baseline, ...others] = row.cells
  switch (filter) {
    case 'all':
      return true
    case 'newly-solved':
      return baseline !== undefined && unsolved(baseline) && others.some((cell) => cell === 'solved')
    case 'newly-broken':
      return baseline === 'solved' && others.some(unsolved)
    case 'solved-by-none':
      return row.solvedCount === 0 && row.cells.some(unsolved)
    case 'solved-by-all':
      return row.cells.length > 0 && row.solvedCount === row.cells.length
  }
}

export function countByFilter(rows: readonly MatrixRow[]): Record<MatrixFilter, number> {
  const counts = Object.fromEntries(MATRIX_FILTERS.map((f) => [f, 0])) as Record<MatrixFilter, number>
  for (const row of rows) for (const filter of MATRIX_FILTERS) if (matchesMatrixFilter(row, filter)) counts[filter]++
  return counts
}

/** A sorted copy; ties keep task id order. Rows without a level come last in either direction. */
export function sortMatrixRows(rows: readonly MatrixRow[], sort: MatrixSort, descending = false): MatrixRow[] {
  const byId = (a: MatrixRow, b: MatrixRow): number => (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0)
  const sign = descending ? -1 : 1
  const compare = (a: MatrixRow, b: MatrixRow): number => {
    if (sort === 'task') return sign * byId(a, b)
    if (sort === 'solved') return sign * (a.solvedCount - b.solvedCount) || byId(a, b)
    if (a.level === null || b.level === null) return (a.level === null ? 1 : 0) - (b.level === null ? 1 : 0) || byId(a, b)
    return sign * compareLevels(a.level, b.level) || byId(a, b)
  }
  return [...rows].sort(compare)
}
