// @vitest-environment happy-dom
// The Runs view with its composables (useRunsList, useRunActions) over a fake API: the page from
// listRuns, delete behind a confirmation, resume, tag edits, failures shown in words, and Compare
// with the runs in the order picked.
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunRecord, RunSummary } from '../../../main/api/runs-contract'
import RunsView from '../../../renderer/src/views/RunsView.vue'
import { fakeApi, mountWithApi, type FakeHandlers } from './fake-api'
import { runSummary } from './run-summaries'

function logWith(initial: RunSummary[], extra: FakeHandlers = {}) {
  let runs = [...initial]
  const api = fakeApi({
    listRuns: () => ({ runs, total: runs.length }),
    runOptions: () => ({ presets: [{ name: 'ttt' }, { name: 'search' }] }) as never,
    deleteRun: ({ runId }) => {
      runs = runs.filter((r) => r.id !== runId)
      return { deleted: true } as never
    },
    updateRun: ({ runId, tags }) => {
      runs = runs.map((r) => (r.id === runId ? { ...r, tags: tags ?? r.tags } : r))
      // The log answers with the whole record; the table reads only its summary fields.
      return runs.find((r) => r.id === runId)! as RunRecord
    },
    ...extra
  })
  return api
}

const rowNames = (wrapper: { findAll(s: string): { text(): string }[] }) => wrapper.findAll('[data-testid="run-open"]').map((b) => b.text())

afterEach(() => {
  document.body.innerHTML = ''
})

describe('RunsView', () => {
  it('shows the page listRuns returns, with the total', async () => {
    const api = logWith([runSummary('a'), runSummary('b', { status: 'interrupted' })])
    const { wrapper } = await mountWithApi(RunsView, api, '/runs')
    expect(rowNames(wrapper)).toEqual(['run a', 'run b'])
    expect(wrapper.get('[data-testid="runs-total"]').text()).toBe('2 runs')
    expect(api.argsOf('listRuns')).toHaveLength(1)
    wrapper.unmount()
  })

  it('deletes a run only after the confirmation, then reloads the page', async () => {
    const api = logWith([runSummary('a'), runSummary('b')])
    const { wrapper } = await mountWithApi(RunsView, api, '/runs')
    await wrapper.findAll('[data-testid="run-delete"]')[0]!.trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="confirm-dialog"]').text()).toContain('run a')
    expect(api.argsOf('deleteRun')).toEqual([])
    await wrapper.get('[data-testid="confirm-yes"]').trigger('click')
    await flushPromises()
    expect(api.argsOf('deleteRun')).toEqual([{ runId: 'a' }])
    expect(rowNames(wrapper)).toEqual(['run b'])
    wrapper.unmount()
  })

  it('cancelling the confirmation deletes nothing', async () => {
    const api = logWith([runSummary('a')])
    const { wrapper } = await mountWithApi(RunsView, api, '/runs')
    await wrapper.get('[data-testid="run-delete"]').trigger('click')
    await wrapper.get('[data-testid="confirm-no"]').trigger('click')
    await flushPromises()
    expect(api.argsOf('deleteRun')).toEqual([])
    expect(rowNames(wrapper)).toEqual(['run a'])
    wrapper.unmount()
  })

  it('says why a delete or an export failed', async () => {
    const refuse = (message: string) => () => ({ ok: false as const, error: { code: 'bad-request' as const, message } })
    const refusals = { deleteRun: refuse('run a is running now: cancel it first'), exportRun: refuse('no results yet') }
    const api = logWith([runSummary('a')], refusals)
    const { wrapper } = await mountWithApi(RunsView, api, '/runs')
    await wrapper.get('[data-testid="run-delete"]').trigger('click')
    await wrapper.get('[data-testid="confirm-yes"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="runs-action-error"]').text()).toContain('Cannot delete run a: run a is running now: cancel it first')
    await wrapper.get('[data-testid="run-export"]').setValue('csv')
    await flushPromises()
    expect(api.argsOf('exportRun')).toEqual([{ runId: 'a', format: 'csv' }])
    expect(wrapper.get('[data-testid="runs-action-error"]').text()).toContain('Cannot export run a: no results yet')
    wrapper.unmount()
  })

  it('resumes an interrupted run and says so', async () => {
    const api = logWith([runSummary('a', { status: 'interrupted' })], { resumeRun: ({ runId }) => ({ runId }) })
    const { wrapper } = await mountWithApi(RunsView, api, '/runs')
    await wrapper.get('[data-testid="run-resume"]').trigger('click')
    await flushPromises()
    expect(api.argsOf('resumeRun')).toEqual([{ runId: 'a' }])
    expect(wrapper.get('[data-testid="runs-action-info"]').text()).toContain('Resumed run a.')
    expect(api.argsOf('listRuns')).toHaveLength(2)
    wrapper.unmount()
  })

  it('saves a removed tag and shows the run as the log returns it', async () => {
    const api = logWith([runSummary('a', { tags: ['baseline', 'keep'] })])
    const { wrapper } = await mountWithApi(RunsView, api, '/runs')
    await wrapper.get('[data-tag="baseline"] [data-testid="tag-remove"]').trigger('click')
    await flushPromises()
    expect(api.argsOf('updateRun')).toEqual([{ runId: 'a', tags: ['keep'] }])
    expect(wrapper.findAll('[data-testid="run-tag"]').map((t) => t.attributes('data-tag'))).toEqual(['keep'])
    wrapper.unmount()
  })

  it('compares the selected runs, the first picked as the baseline', async () => {
    const api = logWith([runSummary('a'), runSummary('b'), runSummary('c')])
    const { wrapper, router } = await mountWithApi(RunsView, api, '/runs')
    const compare = wrapper.get('[data-testid="compare-selected"]')
    expect(compare.attributes('disabled')).toBeDefined()
    const boxes = wrapper.findAll('[data-testid="run-select"]')
    await boxes[2]!.setValue(true)
    await boxes[0]!.setValue(true)
    expect(wrapper.get('[data-testid="runs-selected-count"]').text()).toBe('2 selected')
    await compare.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('compare')
    expect(router.currentRoute.value.query.runs).toBe('c,a')
    wrapper.unmount()
  })
})
