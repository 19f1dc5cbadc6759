// The tasks a run works on: --tasks ID,ID, --task-list FILE (one id per line, or a CSV whose
// first column is the id, like dev80-task-levels.csv), or every task of the dataset; then --limit.
import { readFile } from 'node:fs/promises'
import type { Dataset } from '../engine/arc'
import { UsageError } from './usage-error'

const HEADER_NAMES = new Set(['task_id', 'task', 'id'])

export async function readTaskList(file: string): Promise<string[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read the task list ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  const ids = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.split(',')[0]!.trim().replace(/^"|"$/g, ''))
    .filter((id) => id !== '' && !id.startsWith('#'))
  if (ids.length > 0 && HEADER_NAMES.has(ids[0]!.toLowerCase())) ids.shift()
  if (ids.length === 0) throw new UsageError(`the task list ${file} names no task`)
  return ids
}

export async function selectTasks(dataset: Dataset, options: { tasks?: string; taskList?: string; limit?: number }): Promise<string[]> {
  if (options.tasks !== undefined && options.taskList !== undefined) throw new UsageError('give --tasks or --task-list, not both')
  let ids = options.tasks !== undefined ? options.tasks.split(',').map((s) => s.trim()).filter(Boolean) : options.taskList !== undefined ? await readTaskList(options.taskList) : dataset.entries.map((e) => e.id)
  ids = [...new Set(ids)]
  if (options.limit !== undefined) ids = ids.slice(0, options.limit)
  if (ids.length === 0) throw new UsageError('no task selected')
  return ids
}
