// What the Runs view does to runs in the experiment log: edit tags and notes, export, resume and
// delete (after a confirmation). Each action marks its row busy while the call is out, and reports a
// failure (or a resume) in one line the view shows; the page is refreshed where the log changed.
import { ref, shallowRef, type Ref } from 'vue'
import type { ExportFormat, RunSummary } from '../../../main/api/runs-contract'
import { downloadText } from '../components/runs/download-file'
import type { ApiSession } from './useApi'

export interface RunActionsContext {
  /** The page of runs shown now. */
  readonly runs: Readonly<Ref<readonly RunSummary[]>>
  refresh(quiet?: boolean): Promise<void>
  /** Puts an edited run in place on the page. */
  replaceRun(run: RunSummary): void
  /** The page shown (0-based) and how to show another. */
  page(): number
  goToPage(page: number): void
  /** Told after a run is deleted (to drop it from a selection, close its details). */
  deleted?(runId: string): void
  /** Saves a file in the browser; the download by default. */
  download?(filename: string, mimeType: string, content: string): void
}

export function useRunActions(api: ApiSession, context: RunActionsContext) {
  /** Runs with a call out: their row's buttons wait. */
  const busy = ref<string[]>([])
  const actionError = ref<string | null>(null)
  const actionInfo = ref<string | null>(null)
  /** The run the confirmation dialog asks about. */
  const pendingDelete = shallowRef<RunSummary | null>(null)
  const deleting = ref(false)

  async function withBusy<T>(runId: string, work: () => Promise<T>): Promise<T> {
    busy.value = [...busy.value, runId]
    try {
      return await work()
    } finally {
      busy.value = busy.value.filter((id) => id !== runId)
    }
  }

  async function save(runId: string, patch: { tags?: string[]; notes?: string }): Promise<void> {
    actionError.value = null
    const result = await withBusy(runId, () => api.call('updateRun', { runId, ...patch }))
    if (result.ok) context.replaceRun(result.value)
    else actionError.value = `Cannot save the ${patch.tags ? 'tags' : 'notes'} of ${runId}: ${result.error.message}`
  }

  async function exportRun(run: RunSummary, format: ExportFormat): Promise<void> {
    actionError.value = null
    const result = await withBusy(run.id, () => api.call('exportRun', { runId: run.id, format }))
    if (!result.ok) actionError.value = `Cannot export ${run.name}: ${result.error.message}`
    else (context.download ?? downloadText)(result.value.filename, result.value.mimeType, result.value.content)
  }

  async function resume(run: RunSummary): Promise<void> {
    actionError.value = null
    actionInfo.value = null
    const result = await withBusy(run.id, () => api.call('resumeRun', { runId: run.id }))
    if (!result.ok) actionError.value = `Cannot resume ${run.name}: ${result.error.message}`
    else actionInfo.value = `Resumed ${run.name}.`
    await context.refresh(true)
  }

  function askDelete(run: RunSummary): void {
    pendingDelete.value = run
  }

  function cancelDelete(): void {
    pendingDelete.value = null
  }

  async function confirmDelete(): Promise<void> {
    const run = pendingDelete.value
    if (!run) return
    deleting.value = true
    actionError.value = null
    const result = await withBusy(run.id, () => api.call('deleteRun', { runId: run.id }))
    deleting.value = false
    pendingDelete.value = null
    if (!result.ok) {
      actionError.value = `Cannot delete ${run.name}: ${result.error.message}`
      return
    }
    context.deleted?.(run.id)
    // The last row of a later page gone: step back so the page is not empty.
    if (context.runs.value.length === 1 && context.page() > 0) context.goToPage(context.page() - 1)
    else await context.refresh(true)
  }

  return { busy, actionError, actionInfo, pendingDelete, deleting, save, exportRun, resume, askDelete, cancelDelete, confirmDelete }
}
