// The task list the Task detail view steps through with [ and ]: the tasks of the selected runs
// (their outcomes, which are small), or the dataset's tasks when no run is selected.
import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import { neighbourTask, taskOrder } from '../detail/task-navigation'
import type { ApiSession } from './useApi'

export function useDetailNavigation(api: ApiSession, datasetPath: Ref<string | null>, runIds: Ref<readonly string[]>, taskId: Ref<string | null>) {
  const ids = shallowRef<readonly string[]>([])
  const source = ref<'runs' | 'dataset' | null>(null)
  let latestRequest = 0

  watch(
    [datasetPath, runIds],
    async ([path, runs]) => {
      const request = ++latestRequest
      if (runs.length > 0) {
        const result = await api.call('compareRuns', { runIds: runs })
        if (request !== latestRequest) return
        ids.value = result.ok ? taskOrder(result.value.outcomes.map((o) => o.taskId)) : []
        source.value = 'runs'
      } else if (path !== null) {
        const result = await api.call('openDataset', { path })
        if (request !== latestRequest) return
        ids.value = result.ok ? result.value.tasks.map((t) => t.id) : []
        source.value = 'dataset'
      }
    },
    { immediate: true }
  )

  const position = computed(() => (taskId.value === null ? -1 : ids.value.indexOf(taskId.value)))
  const previous = computed(() => (taskId.value === null ? null : neighbourTask(ids.value, taskId.value, -1)))
  const next = computed(() => (taskId.value === null ? null : neighbourTask(ids.value, taskId.value, 1)))

  return { ids, source, position, previous, next }
}
