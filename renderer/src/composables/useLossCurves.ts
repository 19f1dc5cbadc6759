// TTT loss curves of several runs: one task's points per run, or (taskId null) each run's mean
// curve with its min-max band over tasks. Loaded in parallel; a run whose curves fail to load is
// reported by name and the others still show.
import { ref, shallowRef, watch, type Ref } from 'vue'
import type { MetricPoint, MetricStepStatistics } from '../../../main/api/runs-contract'
import type { ApiSession } from './useApi'

export interface RunLoss {
  readonly runId: string
  readonly points: readonly MetricPoint[]
  readonly mean: readonly MetricStepStatistics[]
}

export function useLossCurves(api: ApiSession, runIds: Ref<readonly string[]>, taskId: Ref<string | null>) {
  const curves = shallowRef<readonly RunLoss[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)
  let latestRequest = 0

  async function load(ids: readonly string[], task: string | null): Promise<void> {
    const request = ++latestRequest
    loading.value = true
    const results = await Promise.all(ids.map((runId) => api.call('lossCurves', task === null ? { runId } : { runId, taskId: task })))
    if (request !== latestRequest) return
    loading.value = false
    const failures: string[] = []
    const loaded: RunLoss[] = []
    results.forEach((result, i) => {
      if (result.ok) loaded.push({ runId: ids[i]!, points: result.value.points, mean: result.value.mean })
      else failures.push(`${ids[i]}: ${result.error.message}`)
    })
    curves.value = loaded
    error.value = failures.length > 0 ? `Cannot load loss curves of ${failures.join('; ')}` : null
  }

  watch(
    () => [runIds.value.join(','), taskId.value] as const,
    () => void load(runIds.value, taskId.value),
    { immediate: true }
  )

  return { curves, loading, error }
}
