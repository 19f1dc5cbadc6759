// The dataset chooser's state: app info, the known datasets (bundled samples and recent folders)
// and the open dataset's view. Only the latest open request may set the view.
import { ref, shallowRef } from 'vue'
import type { AppInfo, DatasetRef, DatasetView } from '../../../main/api/contract'
import type { ApiSession } from './useApi'

export function useDatasets(api: ApiSession) {
  const appInfo = shallowRef<AppInfo | null>(null)
  const samples = shallowRef<DatasetRef | null>(null)
  const recent = shallowRef<readonly DatasetRef[]>([])
  const view = shallowRef<DatasetView | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let latestRequest = 0

  async function refreshKnown(): Promise<void> {
    const result = await api.call('listDatasets', {})
    if (!result.ok) return
    samples.value = result.value.samples
    recent.value = result.value.recent
  }

  /** Opens a dataset; resolves to an error message, or null once it is shown. */
  async function open(path: string): Promise<string | null> {
    const request = ++latestRequest
    loading.value = true
    error.value = null
    const result = await api.call('openDataset', { path })
    if (request !== latestRequest) return null
    loading.value = false
    if (!result.ok) {
      error.value = `Cannot open ${path}: ${result.error.message}`
      return error.value
    }
    view.value = result.value
    await refreshKnown()
    return null
  }

  async function pickAndOpen(): Promise<void> {
    const result = await api.call('pickFolder', {})
    if (!result.ok) error.value = result.error.message
    else if (result.value.path !== null) await open(result.value.path)
  }

  /**
   * Loads app info and the known datasets, then opens `linkedPath` (a link's `?data=`), else the
   * dataset the workbench was started on (`arc-ttt serve --data DIR`), else the samples.
   */
  async function start(linkedPath: string | null): Promise<void> {
    const info = await api.call('appInfo', {})
    if (info.ok) appInfo.value = info.value
    await refreshKnown()
    const initialPath = linkedPath ?? appInfo.value?.startDataset ?? null
    const initialError = initialPath ? await open(initialPath) : null
    if ((initialPath === null || initialError !== null) && samples.value) {
      await open(samples.value.path)
      error.value = initialError
    }
  }

  return { appInfo, samples, recent, view, loading, error, open, pickAndOpen, start }
}
