// The Runs view's filters, sort and page, mirrored in the URL (#/runs?q=...&page=2) for deep links
// and the back button. The view edits a local copy at once (typing must never wait for the router);
// the URL follows shortly after. A URL change the view did not write (an edited address, back or
// forward) replaces the local copy.
import { onUnmounted, shallowRef, watch } from 'vue'
import type { RouteLocationNormalizedLoaded, Router } from 'vue-router'
import { runsStateFromQuery, runsStateToQuery, type RunsViewState } from '../analysis/runs-query'

const WRITE_DELAY_MS = 300
/** Query keys of the view that are not part of the table's state (e.g. the opened run). */
const OTHER_KEYS = ['open']

const keyOf = (state: RunsViewState): string => JSON.stringify(runsStateToQuery(state))

export function useRunsViewState(route: RouteLocationNormalizedLoaded, router: Router) {
  const state = shallowRef<RunsViewState>(runsStateFromQuery(route.query))
  /** Keys written to the URL and not seen back yet: their echoes are not outside changes. */
  const written = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | undefined

  function writeUrl(): void {
    const key = keyOf(state.value)
    if (key === keyOf(runsStateFromQuery(route.query))) return
    written.add(key)
    const kept = Object.fromEntries(OTHER_KEYS.filter((k) => route.query[k] !== undefined).map((k) => [k, route.query[k]]))
    void router.replace({ query: { ...runsStateToQuery(state.value), ...kept } })
  }

  /** Changes the state; any change but paging goes back to the first page. */
  function update(patch: Partial<RunsViewState>): void {
    const paging = Object.keys(patch).every((k) => k === 'page')
    state.value = { ...state.value, ...(paging ? {} : { page: 0 }), ...patch }
    clearTimeout(timer)
    timer = setTimeout(writeUrl, WRITE_DELAY_MS)
  }

  watch(
    () => route.query,
    (query) => {
      if (route.name !== 'runs') return
      const key = keyOf(runsStateFromQuery(query))
      if (written.delete(key)) return
      if (key !== keyOf(state.value)) state.value = runsStateFromQuery(query)
    }
  )

  onUnmounted(() => clearTimeout(timer))

  return { state, update }
}
