// The task list's filters. Limits are the values of number fields: '' while a field is empty (no
// limit). Invalid tasks have no figures, so only the search and the validity filter can hide them.
import { computed, reactive, type Ref } from 'vue'
import type { TaskListItem } from '../../../main/api/contract'

export type Validity = 'all' | 'valid' | 'invalid'
/** What `v-model` gives for an `<input type="number">`: a number, or '' when empty. */
export type Limit = number | ''

export interface TaskFilterState {
  search: string
  minDemonstrations: Limit
  maxDemonstrations: Limit
  /** The longest side (rows or columns) of any grid of the task. */
  maxSide: Limit
  maxTokens: Limit
  validity: Validity
}

export function emptyFilters(): TaskFilterState {
  return { search: '', minDemonstrations: '', maxDemonstrations: '', maxSide: '', maxTokens: '', validity: 'all' }
}

function limit(value: Limit): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

export function matchesFilters(item: TaskListItem, filters: TaskFilterState): boolean {
  const search = filters.search.trim().toLowerCase()
  if (search !== '' && !item.id.toLowerCase().includes(search)) return false
  if (filters.validity === 'valid' && !item.valid) return false
  if (filters.validity === 'invalid' && item.valid) return false
  if (!item.valid) return true
  const demonstrations = item.demonstrations ?? 0
  const side = item.maxSide ?? 0
  const tokens = item.tokens ?? 0
  const [minDemos, maxDemos, maxSide, maxTokens] = [filters.minDemonstrations, filters.maxDemonstrations, filters.maxSide, filters.maxTokens].map(limit)
  if (minDemos !== undefined && demonstrations < minDemos) return false
  if (maxDemos !== undefined && demonstrations > maxDemos) return false
  if (maxSide !== undefined && side > maxSide) return false
  if (maxTokens !== undefined && tokens > maxTokens) return false
  return true
}

export function useTaskFilters(tasks: Ref<readonly TaskListItem[]>) {
  const filters = reactive<TaskFilterState>(emptyFilters())
  const filtered = computed(() => tasks.value.filter((item) => matchesFilters(item, filters)))
  const reset = (): void => {
    Object.assign(filters, emptyFilters())
  }
  return { filters, filtered, reset }
}
