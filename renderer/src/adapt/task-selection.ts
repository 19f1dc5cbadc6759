// Which tasks a run takes, as the Adapt form edits it, and its check into the wire API's
// TaskSelection. 'filtered' is the ids the Tasks view passed in its link (`?tasks=ID1,ID2`).
import type { TaskSelection } from '../../../main/api/runs-contract'
import { unknownTaskIdsMessage } from '../../../main/engine/experiment/unknown-task-ids'

export type SelectionMode = 'all' | 'list' | 'random' | 'single' | 'filtered'

export interface SelectionDraft {
  mode: SelectionMode
  /** A saved task list's path (runOptions().taskLists). */
  listPath: string
  /** Text of the number fields: '' while empty. */
  randomCount: string
  randomSeed: string
  singleTaskId: string
  filteredIds: readonly string[]
}

export type SelectionCheck =
  | { readonly ok: true; readonly selection: TaskSelection; readonly count: number }
  | { readonly ok: false; readonly error: string }

export interface SelectionContext {
  /** Ids of the open dataset's tasks; null while it loads. */
  readonly datasetIds: readonly string[] | null
  readonly taskLists: readonly { readonly path: string; readonly count: number }[]
}

/** Splits "a, b c" into distinct ids, in order. */
export function parseIdList(text: string | null | undefined): string[] {
  if (!text) return []
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))]
}

/** The form as a link opens it: `?task=ID` picks that task, `?tasks=A,B` the Tasks view's filtered ids. */
export function draftFromQuery(query: { readonly task?: string | null; readonly tasks?: string | null }): SelectionDraft {
  const filteredIds = parseIdList(query.tasks)
  const singleTaskId = query.task?.trim() ?? ''
  const mode: SelectionMode = singleTaskId !== '' ? 'single' : filteredIds.length > 0 ? 'filtered' : 'all'
  return { mode, listPath: '', randomCount: '10', randomSeed: '0', singleTaskId, filteredIds }
}

function wholeNumber(text: string, min: number): number | null {
  const trimmed = text.trim()
  if (!/^\d+$/.test(trimmed)) return null
  const value = Number(trimmed)
  return Number.isSafeInteger(value) && value >= min ? value : null
}

export function checkSelection(draft: SelectionDraft, context: SelectionContext): SelectionCheck {
  const ids = context.datasetIds
  switch (draft.mode) {
    case 'all':
      if (ids === null) return { ok: false, error: 'the dataset is still loading' }
      if (ids.length === 0) return { ok: false, error: 'the dataset has no tasks' }
      return { ok: true, selection: { kind: 'all' }, count: ids.length }
    case 'list': {
      const list = context.taskLists.find((l) => l.path === draft.listPath)
      if (!list) return { ok: false, error: 'choose a saved task list' }
      return { ok: true, selection: { kind: 'list', path: list.path }, count: list.count }
    }
    case 'random': {
      const count = wholeNumber(draft.randomCount, 1)
      const seed = wholeNumber(draft.randomSeed, 0)
      if (count === null) return { ok: false, error: 'the number of tasks must be a whole number >= 1' }
      if (seed === null) return { ok: false, error: 'the seed must be a whole number >= 0' }
      if (ids !== null && count > ids.length) return { ok: false, error: `the dataset has only ${ids.length} tasks; ask for at most ${ids.length}` }
      return { ok: true, selection: { kind: 'random', count, seed }, count }
    }
    case 'single': {
      const id = draft.singleTaskId.trim()
      if (id === '') return { ok: false, error: 'choose a task' }
      if (ids !== null && !ids.includes(id)) return { ok: false, error: unknownTaskIdsMessage([id], ids, 'this dataset') }
      return { ok: true, selection: { kind: 'ids', ids: [id] }, count: 1 }
    }
    case 'filtered': {
      if (draft.filteredIds.length === 0) return { ok: false, error: 'no task ids came from the Tasks view; filter there and use "Adapt these tasks"' }
      const missing = ids === null ? [] : draft.filteredIds.filter((id) => !ids.includes(id))
      if (missing.length > 0) return { ok: false, error: unknownTaskIdsMessage(missing, ids ?? [], 'this dataset') }
      return { ok: true, selection: { kind: 'ids', ids: draft.filteredIds }, count: draft.filteredIds.length }
    }
  }
}

/** Tags typed as "a, b  c" -> distinct trimmed tags. */
export function parseTags(text: string): string[] {
  return parseIdList(text)
}
