// The task list's filter and selection logic, without a browser.
import { ref } from 'vue'
import { describe, expect, it } from 'vitest'
import type { TaskListItem } from '../../main/api/contract'
import { emptyFilters, matchesFilters, useTaskFilters } from '../../renderer/src/composables/useTaskFilters'
import { useTaskSelection } from '../../renderer/src/composables/useTaskSelection'

const item = (id: string, demonstrations: number, height: number, width: number, tokens: number): TaskListItem => ({
  id,
  file: `/data/${id}.json`,
  valid: true,
  problems: [],
  demonstrations,
  testInputs: 1,
  testOutputs: 1,
  largestGrid: { height, width },
  maxSide: Math.max(height, width),
  tokens
})
const broken: TaskListItem = { id: 'Broken-1', file: '/data/Broken-1.json', valid: false, problems: [{ file: '/data/Broken-1.json', taskId: 'Broken-1', path: '', reason: 'not valid JSON' }] }
const tasks = [item('abc', 2, 3, 3, 50), item('abd', 4, 10, 30, 900), item('xyz', 5, 12, 8, 400), broken]
const ids = (filters: Partial<ReturnType<typeof emptyFilters>>): string[] =>
  tasks.filter((t) => matchesFilters(t, { ...emptyFilters(), ...filters })).map((t) => t.id)

describe('task filters', () => {
  it('passes everything when empty', () => {
    expect(ids({})).toEqual(['abc', 'abd', 'xyz', 'Broken-1'])
  })

  it('searches ids case-insensitively', () => {
    expect(ids({ search: ' AB ' })).toEqual(['abc', 'abd'])
    expect(ids({ search: 'broken' })).toEqual(['Broken-1'])
  })

  it('filters by validity', () => {
    expect(ids({ validity: 'valid' })).toEqual(['abc', 'abd', 'xyz'])
    expect(ids({ validity: 'invalid' })).toEqual(['Broken-1'])
  })

  it('applies numeric limits to valid tasks only (invalid ones have no figures)', () => {
    expect(ids({ minDemonstrations: 4 })).toEqual(['abd', 'xyz', 'Broken-1'])
    expect(ids({ maxDemonstrations: 4 })).toEqual(['abc', 'abd', 'Broken-1'])
    expect(ids({ maxSide: 12 })).toEqual(['abc', 'xyz', 'Broken-1'])
    expect(ids({ maxTokens: 400 })).toEqual(['abc', 'xyz', 'Broken-1'])
    expect(ids({ maxSide: 12, maxTokens: 100, validity: 'valid' })).toEqual(['abc'])
  })

  it('recomputes the shown list and resets', () => {
    const list = ref<readonly TaskListItem[]>(tasks)
    const { filters, filtered, reset } = useTaskFilters(list)
    filters.search = 'ab'
    expect(filtered.value.map((t) => t.id)).toEqual(['abc', 'abd'])
    list.value = [tasks[0]!]
    expect(filtered.value.map((t) => t.id)).toEqual(['abc'])
    reset()
    expect(filters).toEqual(emptyFilters())
  })
})

describe('task selection', () => {
  it('moves through the shown tasks and stops at both ends', () => {
    const shown = ref<readonly TaskListItem[]>(tasks)
    const selection = useTaskSelection(shown)
    selection.next()
    expect(selection.selectedId.value).toBe('abc')
    selection.previous()
    expect(selection.selectedId.value).toBe('abc')
    selection.next()
    selection.next()
    selection.next()
    selection.next()
    expect(selection.selectedId.value).toBe('Broken-1')
  })

  it('starts from an end when the selection is hidden, and keeps a selection that survives a reload', () => {
    const shown = ref<readonly TaskListItem[]>(tasks)
    const selection = useTaskSelection(shown)
    selection.select('gone')
    selection.previous()
    expect(selection.selectedId.value).toBe('Broken-1')
    selection.keepOrSelectFirst(tasks)
    expect(selection.selectedId.value).toBe('Broken-1')
    selection.keepOrSelectFirst([tasks[2]!])
    expect(selection.selectedId.value).toBe('xyz')
    selection.keepOrSelectFirst([])
    expect(selection.selectedId.value).toBeNull()
  })
})
