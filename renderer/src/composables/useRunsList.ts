// One page of the runs table, loaded from the experiment log's summaries (listRuns) whenever the
// filters, sort or page change. Only the latest request may set the page. While a run on the page is
// running, the page refreshes on the engine host's events and, as a fallback for a dropped event
// stream, every few seconds; quiet refreshes keep the table in place instead of flashing a loader.
import { onUnmounted, ref, shallowRef, watch, type Ref } from 'vue'
import type { HostEvent, HostEventSource, RunSummary } from '../../../main/api/runs-contract'
import { runsStateToListQuery, type RunsViewState } from '../analysis/runs-query'
import { showRunsPage } from './runs-page'
import type { ApiSession } from './useApi'
import { onHostEvent } from './useHostEvents'

const POLL_MS = 5000
const EVENT_REFRESH_MS = 400
/** Typing in a filter field waits this long before asking the log. */
const TYPING_MS = 250

export function useRunsList(api: ApiSession, events: HostEventSource, state: Ref<RunsViewState>) {
  const runs = shallowRef<readonly RunSummary[]>([])
  const total = ref(0)
  const loading = ref(false)
  const loaded = ref(false)
  const error = ref<string | null>(null)
  /** The param filter's problem, shown under its field (the list keeps its last good page). */
  const filterError = ref<string | null>(null)
  let latestRequest = 0
  let typingTimer: ReturnType<typeof setTimeout> | undefined
  let eventTimer: ReturnType<typeof setTimeout> | undefined
  let pollTimer: ReturnType<typeof setInterval> | undefined

  async function refresh(quiet = false): Promise<void> {
    const query = runsStateToListQuery(state.value)
    if (!query.ok) {
      filterError.value = query.message
      return
    }
    filterError.value = null
    const request = ++latestRequest
    if (!quiet) loading.value = true
    const result = await api.call('listRuns', query.query)
    if (request !== latestRequest) return
    loading.value = false
    loaded.value = true
    showRunsPage(result, { runs, total, error })
  }

  /** Replaces one row in place (after an edit), without a round trip. */
  function replaceRun(run: RunSummary): void {
    runs.value = runs.value.map((r) => (r.id === run.id ? run : r))
  }

  watch(
    state,
    (now, before) => {
      if (before !== undefined && JSON.stringify(now) === JSON.stringify(before)) return
      clearTimeout(typingTimer)
      const typed = before !== undefined && (now.text !== before.text || now.tag !== before.tag || now.preset !== before.preset || now.params !== before.params)
      if (typed) typingTimer = setTimeout(() => void refresh(), TYPING_MS)
      else void refresh()
    },
    { immediate: true }
  )

  // Poll only while the page shows a running run.
  watch(runs, (list) => {
    const live = list.some((r) => r.status === 'running')
    if (live && pollTimer === undefined) pollTimer = setInterval(() => void refresh(true), POLL_MS)
    if (!live && pollTimer !== undefined) {
      clearInterval(pollTimer)
      pollTimer = undefined
    }
  })

  const RELEVANT: ReadonlySet<HostEvent['kind']> = new Set(['run-started', 'task-finished', 'run-finished', 'run-failed', 'host-crashed'])
  onHostEvent(events, (event) => {
    if (!RELEVANT.has(event.kind)) return
    clearTimeout(eventTimer)
    eventTimer = setTimeout(() => void refresh(true), EVENT_REFRESH_MS)
  })

  onUnmounted(() => {
    clearTimeout(typingTimer)
    clearTimeout(eventTimer)
    clearInterval(pollTimer)
  })

  return { runs, total, loading, loaded, error, filterError, refresh, replaceRun }
}
