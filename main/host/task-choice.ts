// The tasks a run started from the UI takes: all of the dataset, given ids, the ids of a saved
// list, or a seeded random sample of its valid tasks. Unknown ids are refused up front (the
// runner would only log them as skipped), so a typo in a list is seen before the run starts.
import type { Dataset } from '../engine/arc'
import { createRng, deriveSeed } from '../engine/random'
import { TaskListError, readTaskList } from '../api/task-lists'
import type { TaskSelection } from '../api/runs-contract'
import { HostFailure } from './host-failure'

function checkKnown(dataset: Dataset, ids: readonly string[], source: string): string[] {
  const known = new Set(dataset.entries.map((e) => e.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join(', ')
    throw new HostFailure('bad-request', `${unknown.length} of the ${ids.length} tasks of ${source} are not in ${dataset.path}: ${shown}${unknown.length > 5 ? ', ...' : ''}`)
  }
  return [...new Set(ids)]
}

export async function chooseTasks(dataset: Dataset, selection: TaskSelection): Promise<string[]> {
  switch (selection.kind) {
    case 'all':
      return dataset.entries.map((e) => e.id)
    case 'ids':
      return checkKnown(dataset, selection.ids, 'the selection')
    case 'list': {
      let ids: string[]
      try {
        ids = await readTaskList(selection.path)
      } catch (error) {
        if (error instanceof TaskListError) throw new HostFailure('bad-request', error.message)
        throw error
      }
      return checkKnown(dataset, ids, `the list ${selection.path}`)
    }
    case 'random': {
      const valid = dataset.entries.filter((e) => e.task).map((e) => e.id)
      if (selection.count > valid.length) throw new HostFailure('bad-request', `cannot pick ${selection.count} random tasks: ${dataset.path} has ${valid.length} valid tasks`)
      // Sorted first, so the sample depends on the seed and the ids only, not on the file order.
      return createRng(deriveSeed(selection.seed, 'task-sample')).shuffle([...valid].sort()).slice(0, selection.count)
    }
  }
}
