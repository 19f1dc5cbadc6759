// The tasks a run works on: --tasks ID,ID, --task-list FILE (one id per line, or a CSV whose
// first column is the id, like dev80-task-levels.csv), or every task of the dataset; then --limit.
import type { Dataset } from '../engine/arc'
import { TaskListError, readTaskList as readListFile } from '../api/task-lists'
import { UsageError } from './usage-error'

/** The ids of a task list (shared reader in main/api/task-lists.ts); a bad list is a usage error. */
export async function readTaskList(file: string): Promise<string[]> {
  try {
    return await readListFile(file)
  } catch (error) {
    if (error instanceof TaskListError) throw new UsageError(error.message)
    throw error
  }
}

export async function selectTasks(dataset: Dataset, options: { tasks?: string; taskList?: string; limit?: number }): Promise<string[]> {
  if (options.tasks !== undefined && options.taskList !== undefined) throw new UsageError('give --tasks or --task-list, not both')
  let ids = options.tasks !== undefined ? options.tasks.split(',').map((s) => s.trim()).filter(Boolean) : options.taskList !== undefined ? await readTaskList(options.taskList) : dataset.entries.map((e) => e.id)
  ids = [...new Set(ids)]
  if (options.limit !== undefined) ids = ids.slice(0, options.limit)
  if (ids.length === 0) throw new UsageError('no task selected')
  return ids
}
