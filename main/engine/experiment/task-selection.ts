// Which tasks of a dataset a run takes, for `arc-ttt run` and for runs started from the UI alike:
// every task, given ids, the ids of a saved list, or a seeded random sample of the valid tasks.
//
// The one rule for ids (docs/experiments.md): an id the dataset does not have is an error before
// anything is logged, naming the unknown ids and the nearest known ones; a task the dataset has
// but that is invalid stays in the run and is logged as skipped with its problems.
import type { Dataset } from '../arc/load'
import { TaskListError, readTaskList } from '../arc/task-lists'
import { createRng, deriveSeed } from '../random'
import { RunSetupError } from './runner'
import { unknownTaskIdsMessage } from './unknown-task-ids'

export type TaskSelection =
  | { readonly kind: 'all' }
  | { readonly kind: 'ids'; readonly ids: readonly string[] }
  /** A CSV or text file whose first column is a task id (like dev80-task-levels.csv). */
  | { readonly kind: 'list'; readonly path: string }
  | { readonly kind: 'random'; readonly count: number; readonly seed: number }

export class UnknownTasksError extends RunSetupError {
  constructor(
    readonly unknownIds: readonly string[],
    known: readonly string[],
    where: string
  ) {
    super(unknownTaskIdsMessage(unknownIds, known, where))
  }
}

/** `ids` without repeats, in their order; every one must be a task of the dataset. */
function knownIds(dataset: Dataset, ids: readonly string[]): string[] {
  const known = dataset.entries.map((e) => e.id)
  const knownSet = new Set(known)
  const unique = [...new Set(ids)]
  const unknown = unique.filter((id) => !knownSet.has(id))
  if (unknown.length > 0) throw new UnknownTasksError(unknown, known, dataset.path)
  return unique
}

async function listIds(path: string): Promise<string[]> {
  try {
    return await readTaskList(path)
  } catch (error) {
    if (error instanceof TaskListError) throw new RunSetupError(error.message)
    throw error
  }
}

function randomIds(dataset: Dataset, count: number, seed: number): string[] {
  const valid = dataset.entries.filter((e) => e.task).map((e) => e.id)
  if (count > valid.length) throw new RunSetupError(`cannot pick ${count} random tasks: ${dataset.path} has ${valid.length} valid tasks`)
  // Sorted first, so the sample depends on the seed and the ids only, not on the file order.
  return createRng(deriveSeed(seed, 'task-sample'))
    .shuffle([...valid].sort())
    .slice(0, count)
}

/** The ids a run takes, in order; `limit` keeps the first ones. Throws RunSetupError for a bad selection. */
export async function selectTaskIds(dataset: Dataset, selection: TaskSelection, limit?: number): Promise<string[]> {
  let ids: string[]
  switch (selection.kind) {
    case 'all':
      ids = dataset.entries.map((e) => e.id)
      break
    case 'ids':
      ids = knownIds(dataset, selection.ids)
      break
    case 'list':
      ids = knownIds(dataset, await listIds(selection.path))
      break
    case 'random':
      ids = randomIds(dataset, selection.count, selection.seed)
      break
  }
  if (limit !== undefined) ids = ids.slice(0, limit)
  if (ids.length === 0) throw new RunSetupError(`no task selected from ${dataset.path}`)
  return ids
}
