// Live progress of one run for the Adapt view: the host's events reduced by adapt/progress-state,
// resynchronised from an `activeRuns` snapshot (plus the log's finished tasks) when the view
// mounts, when the page becomes visible again, when the network comes back, and when the event
// stream has been quiet for a while (a dropped stream must not freeze the view). Cancel and resume
// go through here too.
import { onMounted, onUnmounted, ref, shallowRef, watch, type Ref } from 'vue'
import type { HostEvent, HostEventSource } from '../../../main/api/runs-contract'
import {
  initialProgress,
  mergeRows,
  progressFromRecord,
  progressFromSnapshot,
  reduceProgress,
  rowsFromResults,
  type ProgressRow,
  type RunProgress
} from '../adapt/progress-state'
import type { ApiSession } from './useApi'

/** Seconds without an event, while running, after which the view asks for a fresh snapshot. */
const QUIET_RESYNC_SECONDS = 15
/** Events kept per run not watched yet: a run's first events can arrive before startRun answers. */
const PENDING_EVENTS_PER_RUN = 2000

export function useRunProgress(api: ApiSession, events: HostEventSource, runId: Ref<string | null>) {
  const progress = shallowRef<RunProgress | null>(null)
  /** The engine process died (any run): the message for a banner. */
  const hostCrash = ref<string | null>(null)
  const error = ref<string | null>(null)
  const busy = ref(false)
  /** Ticks every second while a run is live, for the ETA countdown. */
  const now = ref(Date.now())
  const pending = new Map<string, HostEvent[]>()
  let lastEventAt = Date.now()
  let resyncRequest = 0
  /** Events applied to the watched run so far: a snapshot asked for before the last of them is stale. */
  let eventsApplied = 0

  function onEvent(event: HostEvent): void {
    lastEventAt = Date.now()
    if (event.kind === 'host-crashed') hostCrash.value = event.message
    const state = progress.value
    if (state && (event.kind === 'host-crashed' || event.runId === state.runId)) {
      progress.value = reduceProgress(state, event, Date.now())
      eventsApplied++
      if (event.kind === 'run-finished') void fillFinishedRows(event.runId)
      return
    }
    if (event.kind === 'host-crashed') return
    const queue = pending.get(event.runId) ?? []
    queue.push(event)
    if (queue.length > PENDING_EVENTS_PER_RUN) queue.splice(0, queue.length - PENDING_EVENTS_PER_RUN)
    pending.set(event.runId, queue)
  }

  /**
   * A run's end can reach the page before its last task's event (seen under load): the log holds
   * every finished task, so rows missing from the table are added from it.
   */
  async function fillFinishedRows(id: string): Promise<void> {
    const results = await api.call('runTaskResults', { runId: id })
    const state = progress.value
    if (!results.ok || !state || state.runId !== id) return
    progress.value = withLoggedRows(state, rowsFromResults(results.value.results))
  }

  /** Whether events came for run `id` since `eventsBefore`; if so the log's rows are added to their state. */
  function keptNewerEvents(id: string, eventsBefore: number, rows: readonly ProgressRow[]): boolean {
    const state = progress.value
    if (eventsApplied === eventsBefore || state?.runId !== id) return false
    progress.value = withLoggedRows(state, rows)
    return true
  }

  /**
   * Rebuilds the state from the host's snapshot and the log; a later resync wins over an earlier one.
   * Events that arrived while the answers were on their way are newer than the snapshot (under load
   * a short run can finish meanwhile): then only the log's rows are added to the state they made.
   */
  async function resync(): Promise<void> {
    const id = runId.value
    if (id === null) return
    const request = ++resyncRequest
    const eventsBefore = eventsApplied
    const [active, results] = await Promise.all([api.call('activeRuns', {}), api.call('runTaskResults', { runId: id })])
    if (request !== resyncRequest || id !== runId.value) return
    const rows = results.ok ? rowsFromResults(results.value.results) : []
    if (keptNewerEvents(id, eventsBefore, rows)) return
    const snapshot = active.ok ? active.value.runs.find((r) => r.runId === id) : undefined
    if (snapshot) {
      progress.value = mergeRows(progressFromSnapshot(snapshot, Date.now(), progress.value?.rows ?? []), rows)
      error.value = null
      return
    }
    const record = await api.call('getRun', { runId: id })
    if (request !== resyncRequest || id !== runId.value) return
    if (keptNewerEvents(id, eventsBefore, rows)) return
    if (!record.ok) {
      error.value = `Cannot load run ${id}: ${record.error.message}`
      return
    }
    error.value = null
    progress.value = progressFromRecord(record.value, rows)
  }

  watch(
    runId,
    (id) => {
      progress.value = id === null ? null : (pending.get(id) ?? []).reduce((state, event) => reduceProgress(state, event, Date.now()), initialProgress(id))
      if (id !== null) pending.delete(id)
      void resync()
    },
    { immediate: true }
  )

  async function cancel(): Promise<void> {
    const id = runId.value
    if (id === null) return
    busy.value = true
    const result = await api.call('cancelRun', { runId: id })
    busy.value = false
    if (!result.ok) error.value = `Cannot cancel: ${result.error.message}`
    else if (!result.value.cancelled) error.value = 'The run is not running any more.'
  }

  /** Resumes an interrupted run; resolves to its id (the same run) or null with `error` set. */
  async function resume(provider?: string): Promise<string | null> {
    const id = runId.value
    if (id === null) return null
    busy.value = true
    error.value = null
    const result = await api.call('resumeRun', provider === undefined ? { runId: id } : { runId: id, provider })
    busy.value = false
    if (!result.ok) {
      error.value = `Cannot resume: ${result.error.message}`
      return null
    }
    hostCrash.value = null
    if (progress.value?.runId === id) progress.value = { ...progress.value, status: 'running', message: null }
    void resync()
    return result.value.runId
  }

  const onVisible = (): void => {
    if (document.visibilityState === 'visible') void resync()
  }
  const onOnline = (): void => void resync()
  let stop: (() => void) | null = null
  let timer: ReturnType<typeof setInterval> | null = null
  onMounted(() => {
    stop = events.subscribe(onEvent)
    document.addEventListener('visibilitychange', onVisible)
    window.addEventListener('online', onOnline)
    timer = setInterval(() => {
      now.value = Date.now()
      const quietSeconds = (Date.now() - lastEventAt) / 1000
      if (progress.value?.status === 'running' && quietSeconds > QUIET_RESYNC_SECONDS) {
        lastEventAt = Date.now()
        void resync()
      }
    }, 1000)
  })
  onUnmounted(() => {
    stop?.()
    document.removeEventListener('visibilitychange', onVisible)
    window.removeEventListener('online', onOnline)
    if (timer !== null) clearInterval(timer)
  })

  return { progress, hostCrash, error, busy, now, cancel, resume, resync, dismissCrash: () => void (hostCrash.value = null) }
}

/** `state` with the log's finished tasks it has no row for, counted as done. */
function withLoggedRows(state: RunProgress, rows: readonly ProgressRow[]): RunProgress {
  const merged = mergeRows(state, rows)
  return merged === state ? state : { ...merged, done: Math.max(merged.done, merged.rows.length) }
}
