// @vitest-environment happy-dom
// The Compare view's accuracy table and tasks x runs matrix over a fake compareRuns: the baseline
// first, solved counts and McNemar's b and c against it, one cell per task and run, the filters
// that tell runs apart, sorting by how many runs solved a task, and links to Task detail.
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { CompareView as CompareData, TaskOutcome } from '../../../main/api/runs-contract'
import CompareView from '../../../renderer/src/views/CompareView.vue'
import { fakeApi, mountWithApi } from './fake-api'
import { runSummary } from './run-summaries'

function outcome(runId: string, taskId: string, solved: boolean | 'skipped'): TaskOutcome {
  const skipped = solved === 'skipped'
  const score = solved === true ? 1 : 0
  const scored = skipped ? null : score
  const timing = { totalSeconds: 2, tttSteps: 8, finalLoss: 0.5 }
  return { runId, taskId, status: skipped ? 'skipped' : 'done', officialScore: scored, allOrNothing: scored, ...timing } as TaskOutcome
}

// t1: solved by both; t2: newly solved by "new"; t3: newly broken; t4: solved by none (skipped by new).
const DATA: CompareData = {
  runs: [runSummary('base', { name: 'baseline run' }), runSummary('new', { name: 'new run' })],
  differences: [],
  outcomes: [
    outcome('base', 't1', true),
    outcome('base', 't2', false),
    outcome('base', 't3', true),
    outcome('base', 't4', false),
    outcome('new', 't1', true),
    outcome('new', 't2', true),
    outcome('new', 't3', false),
    outcome('new', 't4', 'skipped')
  ],
  levels: { t1: 'easy', t2: 'hard', t3: 'easy', t4: 'hard' },
  nearMisses: [null, null]
}

async function mountCompare() {
  const api = fakeApi({ compareRuns: () => DATA, getRun: () => ({ datasetPath: '/data/arc' }) as never })
  // Charts (echarts) and the near-miss table are other components' business.
  const stubs = { LossCurvesPanel: true, TaskTimesChart: true, NearMissTable: true }
  return { api, ...(await mountWithApi(CompareView, api, '/compare?runs=base,new', { global: { stubs } })) }
}

const texts = (wrapper: VueWrapper, selector: string) => wrapper.findAll(selector).map((e) => e.text())
const matrixTasks = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="matrix-row"]').map((r) => r.attributes('data-task-id'))

afterEach(() => {
  document.body.innerHTML = ''
})

describe('CompareView', () => {
  it('asks for the runs in the URL, the first as the baseline', async () => {
    const { api, wrapper } = await mountCompare()
    expect(api.argsOf('compareRuns')).toEqual([{ runIds: ['base', 'new'] }])
    expect(texts(wrapper, '[data-testid="accuracy-row"] .run-cell')).toEqual(['baseline run (baseline)', 'new run'])
    wrapper.unmount()
  })

  it('counts solved tasks and the McNemar discordant pairs against the baseline', async () => {
    const { wrapper } = await mountCompare()
    expect(texts(wrapper, '[data-testid="accuracy-solved"]')).toEqual(['2/4', '2/3'])
    const newRow = wrapper.get('[data-testid="accuracy-row"][data-run-id="new"]')
    expect(newRow.get('[data-testid="mcnemar-b"]').text()).toBe('1')
    expect(newRow.get('[data-testid="mcnemar-c"]').text()).toBe('1')
    expect(newRow.get('[data-testid="mcnemar-common"]').text()).toBe('3')
    wrapper.unmount()
  })

  it('shows one cell per task and run, and filters the tasks that tell the runs apart', async () => {
    const { wrapper } = await mountCompare()
    expect(matrixTasks(wrapper)).toEqual(['t1', 't2', 't3', 't4'])
    const t4 = wrapper.get('[data-testid="matrix-row"][data-task-id="t4"]')
    expect(t4.findAll('[data-testid="matrix-cell"]').map((c) => c.attributes('data-state'))).toEqual(['wrong', 'skipped'])
    const filters: [string, string[]][] = [
      ['newly-solved', ['t2']],
      ['newly-broken', ['t3']],
      ['solved-by-none', ['t4']],
      ['solved-by-all', ['t1']]
    ]
    for (const [filter, tasks] of filters) {
      await wrapper.get(`[data-testid="matrix-filter-${filter}"]`).trigger('click')
      expect(matrixTasks(wrapper)).toEqual(tasks)
    }
    wrapper.unmount()
  })

  it('sorts by how many runs solved a task, most first, and links each task to its detail', async () => {
    const { wrapper } = await mountCompare()
    await wrapper.get('[data-testid="matrix-sort-solved"]').trigger('click')
    expect(matrixTasks(wrapper)[0]).toBe('t1')
    expect(matrixTasks(wrapper).at(-1)).toBe('t4')
    const link = wrapper.get('[data-testid="matrix-row"][data-task-id="t2"] [data-testid="matrix-task-link"]')
    expect(decodeURIComponent(link.attributes('href')!)).toBe('/task/t2?data=/data/arc&runs=base,new')
    wrapper.unmount()
  })
})
