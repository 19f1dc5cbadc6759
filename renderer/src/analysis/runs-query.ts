// The Runs view's state (filters, sort, page) and its place in the URL (#/runs?q=...&sort=...), so
// a filtered, sorted page of runs has a deep link. Every value read from the URL is checked; a bad
// one falls back to its default instead of reaching the API.
import { RUN_ORDER_COLUMNS, RUN_STATUSES, type RunListQuery, type RunOrderColumn, type RunStatus } from '../../../main/engine/store/types'
import { parseParamFilter } from './param-filter'

export interface RunsViewState {
  readonly text: string
  readonly tag: string
  readonly status: RunStatus | ''
  readonly preset: string
  /** The param filter as typed, e.g. `ttt.loraRank=8`. */
  readonly params: string
  readonly orderBy: RunOrderColumn
  readonly descending: boolean
  /** 0-based page. */
  readonly page: number
  readonly pageSize: number
}

export const PAGE_SIZES = [25, 50, 100] as const

export function defaultRunsState(): RunsViewState {
  return { text: '', tag: '', status: '', preset: '', params: '', orderBy: 'createdAt', descending: true, page: 0, pageSize: 25 }
}

type Query = Readonly<Record<string, unknown>>

function text(query: Query, key: string): string {
  const value = query[key]
  return typeof value === 'string' ? value : ''
}

function nonNegativeInteger(value: string, fallback: number): number {
  return /^\d{1,7}$/.test(value) ? Number(value) : fallback
}

export function runsStateFromQuery(query: Query): RunsViewState {
  const defaults = defaultRunsState()
  const status = text(query, 'status')
  const orderBy = text(query, 'sort')
  const pageSize = nonNegativeInteger(text(query, 'size'), defaults.pageSize)
  const pageNumber = nonNegativeInteger(text(query, 'page'), 1)
  return {
    text: text(query, 'q'),
    tag: text(query, 'tag'),
    status: (RUN_STATUSES as readonly string[]).includes(status) ? (status as RunStatus) : '',
    preset: text(query, 'preset'),
    params: text(query, 'params'),
    orderBy: (RUN_ORDER_COLUMNS as readonly string[]).includes(orderBy) ? (orderBy as RunOrderColumn) : defaults.orderBy,
    descending: text(query, 'asc') !== '1',
    page: Math.max(0, pageNumber - 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : defaults.pageSize
  }
}

/** Only the values that differ from the defaults, so the plain view keeps a plain URL. */
export function runsStateToQuery(state: RunsViewState): Record<string, string> {
  const defaults = defaultRunsState()
  const query: Record<string, string> = {}
  if (state.text) query.q = state.text
  if (state.tag) query.tag = state.tag
  if (state.status) query.status = state.status
  if (state.preset) query.preset = state.preset
  if (state.params) query.params = state.params
  if (state.orderBy !== defaults.orderBy) query.sort = state.orderBy
  if (!state.descending) query.asc = '1'
  if (state.page > 0) query.page = String(state.page + 1)
  if (state.pageSize !== defaults.pageSize) query.size = String(state.pageSize)
  return query
}

/** The listRuns query of a state, or the param filter's error message. */
export function runsStateToListQuery(state: RunsViewState): { ok: true; query: RunListQuery } | { ok: false; message: string } {
  const params = parseParamFilter(state.params)
  if (!params.ok) return params
  const filter = {
    ...(state.text.trim() ? { text: state.text.trim() } : {}),
    ...(state.tag.trim() ? { tag: state.tag.trim() } : {}),
    ...(state.status ? { status: state.status } : {}),
    ...(state.preset.trim() ? { preset: state.preset.trim() } : {}),
    ...(Object.keys(params.params).length > 0 ? { params: params.params } : {})
  }
  return {
    ok: true,
    query: { limit: state.pageSize, offset: state.page * state.pageSize, orderBy: state.orderBy, descending: state.descending, filter }
  }
}
