// A listRuns answer shown in a composable's refs: its runs and total, or why the runs could not be listed
// (the refs keep the last good page). Shared by the runs table and the Task detail view's run picker.
import type { Ref } from 'vue'
import type { ApiResult, ApiResultValue } from '../../../main/api/contract'
import type { RunSummary } from '../../../main/api/runs-contract'

export interface RunsPageRefs {
  readonly runs: Ref<readonly RunSummary[]>
  readonly total: Ref<number>
  readonly error: Ref<string | null>
}

export function showRunsPage(result: ApiResult<ApiResultValue<'listRuns'>>, page: RunsPageRefs): void {
  if (!result.ok) {
    page.error.value = `Cannot list runs: ${result.error.message}`
    return
  }
  page.error.value = null
  page.runs.value = result.value.runs
  page.total.value = result.value.total
}
