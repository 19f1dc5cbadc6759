// The Compare view's data for the runs in the URL: compareRuns (summaries, config differences,
// per-task outcomes, levels) plus the baseline's dataset path for task links. Only the latest
// request may set the data; the previous comparison stays on screen while a new one loads.
import { ref, shallowRef, watch, type Ref } from 'vue'
import type { CompareView } from '../../../main/api/runs-contract'
import type { ApiSession } from './useApi'

export function useCompareRuns(api: ApiSession, runIds: Ref<readonly string[]>) {
  const data = shallowRef<CompareView | null>(null)
  /** Where the baseline's tasks come from, for links to Task detail; null until known. */
  const datasetPath = ref<string | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let latestRequest = 0

  async function load(ids: readonly string[]): Promise<void> {
    const request = ++latestRequest
    error.value = null
    if (ids.length < 2) {
      data.value = null
      loading.value = false
      return
    }
    loading.value = true
    const [compared, baseline] = await Promise.all([api.call('compareRuns', { runIds: ids }), api.call('getRun', { runId: ids[0]! })])
    if (request !== latestRequest) return
    loading.value = false
    if (!compared.ok) {
      data.value = null
      error.value = `Cannot compare these runs: ${compared.error.message}`
      return
    }
    data.value = compared.value
    datasetPath.value = baseline.ok ? baseline.value.datasetPath : null
  }

  watch(
    () => runIds.value.join(','),
    () => void load(runIds.value),
    { immediate: true }
  )

  return { data, datasetPath, loading, error, reload: () => load(runIds.value) }
}
