// Loads the selected task's grids whenever the dataset or the selection changes; a slow answer
// for an earlier selection never replaces a newer one.
import { ref, shallowRef, watch, type Ref } from 'vue'
import type { DatasetView, TaskDetail } from '../../../main/api/contract'
import type { ApiSession } from './useApi'

export function useTaskDetail(api: ApiSession, dataset: Ref<DatasetView | null>, taskId: Ref<string | null>) {
  const detail = shallowRef<TaskDetail | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let latestRequest = 0

  watch(
    [dataset, taskId],
    async ([view, id]) => {
      const request = ++latestRequest
      error.value = null
      if (!view || id === null) {
        detail.value = null
        return
      }
      loading.value = true
      const result = await api.call('getTask', { path: view.ref.path, taskId: id })
      if (request !== latestRequest) return
      loading.value = false
      if (result.ok) detail.value = result.value
      else {
        detail.value = null
        error.value = `Cannot load task ${id}: ${result.error.message}`
      }
    },
    { immediate: true }
  )

  return { detail, loading, error }
}
