// useRunActions on its own: the busy marks while a call is out, the download of an export, and the
// step back to the previous page when its last run is deleted.
import { describe, expect, it } from 'vitest'
import { shallowRef } from 'vue'
import { createApiSession } from '../../../renderer/src/composables/useApi'
import { useRunActions } from '../../../renderer/src/composables/useRunActions'
import { fakeApi } from './fake-api'
import { runSummary } from './run-summaries'

function setup(page: number, runsOnPage: number) {
  const api = fakeApi({
    deleteRun: () => ({ deleted: true }) as never,
    exportRun: ({ runId, format }) => ({ filename: `${runId}.${format}`, mimeType: 'text/csv', content: 'task,ok' }) as never
  })
  const seen = { refreshed: 0, pages: [] as number[], deleted: [] as string[], downloads: [] as string[] }
  const runs = shallowRef(Array.from({ length: runsOnPage }, (_, i) => runSummary(`r${i}`)))
  const actions = useRunActions(createApiSession(api.client), {
    runs,
    refresh: async () => void seen.refreshed++,
    replaceRun: () => undefined,
    page: () => page,
    goToPage: (p) => seen.pages.push(p),
    deleted: (id) => seen.deleted.push(id),
    download: (filename, mimeType, content) => seen.downloads.push(`${filename} ${mimeType} ${content}`)
  })
  return { actions, seen, runs }
}

describe('useRunActions', () => {
  it('steps back a page when the last run of a later page is deleted', async () => {
    const { actions, seen, runs } = setup(2, 1)
    actions.askDelete(runs.value[0]!)
    await actions.confirmDelete()
    expect(seen).toMatchObject({ pages: [1], refreshed: 0, deleted: ['r0'] })
    expect(actions.pendingDelete.value).toBeNull()
  })

  it('reloads the page otherwise', async () => {
    const { actions, seen, runs } = setup(0, 1)
    actions.askDelete(runs.value[0]!)
    await actions.confirmDelete()
    expect(seen).toMatchObject({ pages: [], refreshed: 1, deleted: ['r0'] })
  })

  it('does nothing on confirm without a pending run', async () => {
    const { actions, seen } = setup(0, 2)
    await actions.confirmDelete()
    expect(seen).toMatchObject({ refreshed: 0, deleted: [] })
  })

  it('marks the run busy while its export is out, then downloads the file', async () => {
    const { actions, seen, runs } = setup(0, 2)
    const exporting = actions.exportRun(runs.value[1]!, 'csv')
    expect(actions.busy.value).toEqual(['r1'])
    await exporting
    expect(actions.busy.value).toEqual([])
    expect(seen.downloads).toEqual(['r1.csv text/csv task,ok'])
  })
})
