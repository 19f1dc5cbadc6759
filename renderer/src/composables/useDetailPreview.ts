// The Task detail view's TTT data preview: a sample of the augmented leave-one-out examples the
// chosen preset builds for the task, loaded on request (building them takes a moment for big tasks).
import { ref, shallowRef, watch, type Ref } from 'vue'
import type { TttPreviewView } from '../../../main/api/runs-contract'
import type { ApiSession } from './useApi'

/** The server's limit on examples per preview (runs-validators.ts MAX_PREVIEW_EXAMPLES). */
export const MAX_PREVIEW_COUNT = 64

export function useDetailPreview(api: ApiSession, datasetPath: Ref<string | null>, taskId: Ref<string | null>) {
  const preset = ref('ttt')
  const count = ref(6)
  const preview = shallowRef<TttPreviewView | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let latestRequest = 0

  /** A count the server accepts, or the reason it would not. */
  function countProblem(value: unknown): string | null {
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_PREVIEW_COUNT ? null : `the number of examples must be a whole number from 1 to ${MAX_PREVIEW_COUNT}`
  }

  async function load(): Promise<void> {
    const path = datasetPath.value
    const id = taskId.value
    const problem = countProblem(count.value)
    if (path === null || id === null) return
    if (problem !== null) {
      error.value = problem
      return
    }
    const request = ++latestRequest
    loading.value = true
    error.value = null
    const result = await api.call('tttPreview', { datasetPath: path, taskId: id, preset: preset.value, count: count.value })
    if (request !== latestRequest) return
    loading.value = false
    if (result.ok) preview.value = result.value
    else {
      preview.value = null
      error.value = `Cannot build the TTT data preview: ${result.error.message}`
    }
  }

  // Another task: the old preview no longer applies.
  watch([datasetPath, taskId], () => {
    latestRequest++
    preview.value = null
    loading.value = false
    error.value = null
  })

  return { preset, count, preview, loading, error, load, countProblem }
}
