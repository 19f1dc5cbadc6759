// One selected run as the Task detail view shows it: its label and its result for the task.
import type { TaskResultRecord } from '../../../main/api/runs-contract'

export interface RunColumn {
  readonly runId: string
  readonly label: string
  /** Null when the run has no result for the task (not selected in it, or not reached yet). */
  readonly result: TaskResultRecord | null
}
