// The Task detail view's data: the task's grids (getTask), its results and loss curves in the
// selected runs (taskAcrossRuns), and the selected runs' records. Each load is
// independent, so the grids show while the runs' results are still coming; a slow answer for an
// earlier task or run selection never replaces a newer one.
import { ref, shallowRef, watch, type Ref } from 'vue'
import type { TaskDetail } from '../../../main/api/contract'
import type { RunRecord, TaskAcrossRunsView } from '../../../main/api/runs-contract'
import type { ApiSession } from './useApi'

export function useDetailData(api: ApiSession, datasetPath: Ref<string | null>, taskId: Ref<string | null>, runIds: Ref<readonly string[]>) {
  const task = shallowRef<TaskDetail | null>(null)
  const taskLoading = ref(false)
  const taskError = ref<string | null>(null)
  const across = shallowRef<TaskAcrossRunsView | null>(null)
  const acrossLoading = ref(false)
  const acrossError = ref<string | null>(null)
  let taskRequest = 0
  let acrossRequest = 0

  watch(
    [datasetPath, taskId],
    async ([path, id]) => {
      const request = ++taskRequest
      taskError.value = null
      if (path === null || id === null) {
        task.value = null
        return
      }
      taskLoading.value = true
      task.value = null
      const result = await api.call('getTask', { path, taskId: id })
      if (request !== taskRequest) return
      taskLoading.value = false
      task.value = result.ok ? result.value : null
      if (!result.ok) taskError.value = `Cannot load task ${id}: ${result.error.message}`
    },
    { immediate: true }
  )

  watch(
    [datasetPath, taskId, runIds],
    async ([path, id, ids], previous) => {
      const request = ++acrossRequest
      acrossError.value = null
      // Another task: never show its attempts against the old one's; other runs of the same task may stay until the answer.
      if (previous && (previous[0] !== path || previous[1] !== id)) across.value = null
      if (path === null || id === null) {
        across.value = null
        return
      }
      acrossLoading.value = true
      // With no runs selected this still gives the truth, which the attempts section shows.
      const result = await api.call('taskAcrossRuns', { datasetPath: path, taskId: id, runIds: ids })
      if (request !== acrossRequest) return
      acrossLoading.value = false
      across.value = result.ok ? result.value : null
      if (!result.ok) acrossError.value = `Cannot load the runs' results for ${id}: ${result.error.message}`
    },
    { immediate: true }
  )

  return { task, taskLoading, taskError, across, acrossLoading, acrossError }
}

/**
 * The records of the runs asked for, by id: their names for labels, and the dataset path a link
 * without ?data= falls back to. Kept across task changes (the runs stay the same).
 */
export function useDetailRunRecords(api: ApiSession, runIds: Ref<readonly string[]>) {
  const runs = shallowRef<ReadonlyMap<string, RunRecord>>(new Map())
  const runErrors = shallowRef<ReadonlyMap<string, string>>(new Map())

  watch(
    runIds,
    async (ids) => {
      const missing = ids.filter((id) => !runs.value.has(id) && !runErrors.value.has(id))
      const answers = await Promise.all(missing.map(async (id) => [id, await api.call('getRun', { runId: id })] as const))
      const nextRuns = new Map(runs.value)
      const nextErrors = new Map(runErrors.value)
      for (const [id, result] of answers) {
        if (result.ok) nextRuns.set(id, result.value)
        else nextErrors.set(id, result.error.message)
      }
      runs.value = nextRuns
      runErrors.value = nextErrors
    },
    { immediate: true }
  )

  return { runs, runErrors }
}
