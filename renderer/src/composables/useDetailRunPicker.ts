// Runs to add to the Task detail view: a page of the runs table, newest first, filtered by the
// typed text (id, name, tag, preset...), asked again as the text changes (debounced).
import { onUnmounted, ref, shallowRef, watch } from 'vue'
import type { RunSummary } from '../../../main/api/runs-contract'
import { showRunsPage } from './runs-page'
import type { ApiSession } from './useApi'

const PAGE_SIZE = 25
const DEBOUNCE_MS = 200

export function useDetailRunPicker(api: ApiSession) {
  const text = ref('')
  const candidates = shallowRef<readonly RunSummary[]>([])
  const total = ref(0)
  const error = ref<string | null>(null)
  let latestRequest = 0
  let timer: ReturnType<typeof setTimeout> | null = null

  async function search(): Promise<void> {
    const request = ++latestRequest
    const filterText = text.value.trim()
    const result = await api.call('listRuns', { limit: PAGE_SIZE, ...(filterText === '' ? {} : { filter: { text: filterText } }) })
    if (request !== latestRequest) return
    showRunsPage(result, { runs: candidates, total, error })
  }

  watch(text, () => {
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(() => void search(), DEBOUNCE_MS)
  })
  onUnmounted(() => {
    if (timer !== null) clearTimeout(timer)
  })

  return { text, candidates, total, error, search }
}
