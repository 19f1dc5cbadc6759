// The live state of one run as the Adapt view shows it, reduced from the engine host's events.
// Pure: every function returns a new state, and the clock is passed in (`now`, ms), so the
// reduction is testable without timers. Events of other runs leave the state unchanged.
import type { ActiveRunView, HostEvent, RunSummary, TaskResultRecord } from '../../../main/api/runs-contract'

export type ProgressStatus = 'running' | 'completed' | 'cancelled' | 'failed' | 'interrupted'

/** One finished task, as a row of the results table. */
export interface ProgressRow {
  readonly taskId: string
  /** Position in the run's task list (0-based); null for rows loaded from the log. */
  readonly index: number | null
  readonly status: 'done' | 'skipped'
  readonly officialScore: number | null
  readonly seconds: number
}

export interface RunProgress {
  readonly runId: string
  readonly name: string | null
  readonly status: ProgressStatus
  /** Why the run failed or was interrupted. */
  readonly message: string | null
  readonly total: number
  /** Finished tasks, including those finished before a resume. */
  readonly done: number
  /** The task being worked on; '*' while the shared adapter trains on every task. */
  readonly currentTaskId: string | null
  readonly currentIndex: number | null
  readonly phase: string | null
  readonly step: number | null
  readonly totalSteps: number | null
  /** The current task's TTT loss so far: [step, loss], steps increasing. */
  readonly loss: readonly (readonly [number, number])[]
  /** The runner's estimate of the remaining seconds when it was made, and when (ms). */
  readonly etaSeconds: number | null
  readonly etaAt: number | null
  /** Finished tasks in the order they finished. */
  readonly rows: readonly ProgressRow[]
}

export function initialProgress(runId: string, name: string | null = null): RunProgress {
  return {
    runId,
    name,
    status: 'running',
    message: null,
    total: 0,
    done: 0,
    currentTaskId: null,
    currentIndex: null,
    phase: null,
    step: null,
    totalSteps: null,
    loss: [],
    etaSeconds: null,
    etaAt: null,
    rows: []
  }
}

/** The state of a run the host is executing, from its snapshot (on mount or after a reconnect). */
export function progressFromSnapshot(view: ActiveRunView, now: number, rows: readonly ProgressRow[] = []): RunProgress {
  const last = view.currentLoss.at(-1)
  return {
    ...initialProgress(view.runId, view.name),
    total: view.total,
    done: view.done,
    currentTaskId: view.currentTaskId,
    currentIndex: view.currentIndex,
    phase: view.phase,
    step: last ? last[0] : null,
    loss: view.currentLoss,
    etaSeconds: view.etaSeconds,
    etaAt: view.etaSeconds === null ? null : now,
    rows
  }
}

/**
 * The state of a run the host is not executing (finished, interrupted, or run by another process),
 * from the log. The log does not say how many tasks an unfinished run has, so `total` is only
 * known for a completed run.
 */
export function progressFromRecord(run: Pick<RunSummary, 'id' | 'name' | 'status' | 'statusMessage'>, rows: readonly ProgressRow[]): RunProgress {
  return { ...initialProgress(run.id, run.name), status: run.status, message: run.statusMessage, done: rows.length, total: run.status === 'completed' ? rows.length : 0, rows }
}

/** Rows for the results table from the log's records (a run opened after some tasks finished). */
export function rowsFromResults(results: readonly TaskResultRecord[]): ProgressRow[] {
  return [...results]
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))
    .map((r) => ({ taskId: r.taskId, index: null, status: r.status, officialScore: r.officialScore, seconds: r.totalSeconds }))
}

/** Adds rows for tasks the table does not have yet; rows already there (from events) win. */
export function mergeRows(state: RunProgress, rows: readonly ProgressRow[]): RunProgress {
  const known = new Set(state.rows.map((r) => r.taskId))
  const missing = rows.filter((r) => !known.has(r.taskId))
  return missing.length === 0 ? state : { ...state, rows: [...missing, ...state.rows] }
}

/** Inserts [step, loss], replacing a point of the same step (a step re-sent after a resume). */
function addLossPoint(loss: RunProgress['loss'], step: number, value: number): RunProgress['loss'] {
  const kept = loss.filter(([s]) => s !== step)
  const last = kept.at(-1)
  if (last === undefined || last[0] < step) return [...kept, [step, value]]
  return [...kept, [step, value] as const].sort((a, b) => a[0] - b[0])
}

export function reduceProgress(state: RunProgress, event: HostEvent, now: number): RunProgress {
  if (event.kind === 'host-crashed') {
    if (!event.interruptedRunIds.includes(state.runId) || state.status !== 'running') return state
    return { ...state, status: 'interrupted', message: event.message, phase: null, etaSeconds: null, etaAt: null }
  }
  if (event.runId !== state.runId) return state
  switch (event.kind) {
    case 'run-started':
      // Also the first event of a resume: the run is live again, the finished rows stay.
      return { ...state, status: 'running', message: null, total: event.total, done: Math.max(event.alreadyDone, state.done), phase: null, currentTaskId: null, currentIndex: null, step: null, totalSteps: null, loss: [] }
    case 'task-started':
      return { ...state, total: event.total, currentTaskId: event.taskId, currentIndex: event.index, phase: null, step: null, totalSteps: null, loss: [] }
    case 'phase': {
      // The shared-adapter phase trains one adapter on every task before the first task starts.
      const fresh = event.taskId !== state.currentTaskId
      return { ...state, currentTaskId: event.taskId, phase: event.phase, ...(fresh ? { currentIndex: null, step: null, totalSteps: null, loss: [] } : {}) }
    }
    case 'step':
      if (event.taskId !== state.currentTaskId) return { ...state, currentTaskId: event.taskId, step: event.step, totalSteps: event.totalSteps, loss: [[event.step, event.loss]] }
      return { ...state, step: event.step, totalSteps: event.totalSteps, loss: addLossPoint(state.loss, event.step, event.loss) }
    case 'task-finished': {
      const row: ProgressRow = { taskId: event.taskId, index: event.index, status: event.status, officialScore: event.officialScore, seconds: event.seconds }
      const seen = state.rows.some((r) => r.taskId === event.taskId)
      const rows = seen ? state.rows.map((r) => (r.taskId === event.taskId ? row : r)) : [...state.rows, row]
      return { ...state, total: event.total, done: seen ? state.done : Math.min(state.done + 1, event.total), rows, phase: null, etaSeconds: event.etaSeconds, etaAt: now }
    }
    case 'run-finished':
      return { ...state, status: event.status, phase: null, currentTaskId: event.status === 'completed' ? null : state.currentTaskId, etaSeconds: null, etaAt: null }
    case 'run-failed':
      return { ...state, status: 'failed', message: event.message, phase: null, etaSeconds: null, etaAt: null }
  }
}

/** 0..1 of the tasks finished. */
export function progressFraction(state: RunProgress): number {
  return state.total > 0 ? Math.min(1, state.done / state.total) : 0
}

/** The remaining seconds now: the runner's last estimate less the time since it was made. */
export function remainingSeconds(state: RunProgress, now: number): number | null {
  if (state.status !== 'running' || state.etaSeconds === null || state.etaAt === null) return null
  return Math.max(0, state.etaSeconds - (now - state.etaAt) / 1000)
}

/** "task 3 of 20" while a task runs, else "12 of 20 tasks done" ("12 tasks done" before the total is known). */
export function progressText(state: RunProgress): string {
  if (state.status === 'running' && state.currentIndex !== null && state.total > 0) return `task ${state.currentIndex + 1} of ${state.total}`
  if (state.total === 0) return `${state.done} task${state.done === 1 ? '' : 's'} done`
  return `${state.done} of ${state.total} task${state.total === 1 ? '' : 's'} done`
}

/** "45 s", "3 min 05 s", "2 h 07 min". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds)
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`
}
