// @vitest-environment happy-dom
// The Adapt view's form over a fake API: it fills from the run options (ttt preset, the default
// model, the first available provider), holds Start back while an override is bad and says why,
// and starts the run with the selection, overrides, name and tags, then watches it (?run=ID).
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunOptionsView } from '../../../main/api/runs-contract'
import type { TaskResultRecord } from '../../../main/engine/store/types'
import AdaptView from '../../../renderer/src/views/AdaptView.vue'
import { fakeApi, mountWithApi, type FakeHandlers } from './fake-api'

const OPTIONS: RunOptionsView = {
  presets: [
    { name: 'baseline', description: 'no TTT', overrides: { 'ttt.enabled': false } },
    { name: 'ttt', description: 'the paper', overrides: {} }
  ],
  schema: [
    { key: 'ttt.enabled', type: { kind: 'boolean' }, default: true, doc: 'train on the demonstrations' },
    { key: 'ttt.maxSteps', type: { kind: 'integer', min: 1, max: 10000 }, default: 64, doc: 'optimizer steps per task' }
  ],
  models: [
    { dir: '', id: 'initial', isDefault: false, parameterCount: 10, summary: 'seeded weights' },
    { dir: '/models/arc-base', id: 'arc-base', isDefault: true, parameterCount: 1_070_000, summary: 'the bundled model' }
  ],
  providers: [
    { name: 'cuda', available: false, detail: 'no CUDA libraries' },
    { name: 'cpu', available: true, detail: 'always available' }
  ],
  taskLists: []
}

const DATASET = {
  ref: { path: '/data/arc', label: 'arc', kind: 'folder' as const },
  fingerprint: 'fp',
  tasks: ['t1', 't2', 't3'].map((id) => ({ id, file: `${id}.json`, valid: true, problems: [] })),
  problems: []
}

function adaptApi(extra: FakeHandlers = {}) {
  return fakeApi({
    appInfo: () => ({ version: '1', mode: 'browser', canPickFolder: false }),
    listDatasets: () => ({ samples: DATASET.ref, recent: [] }),
    openDataset: () => DATASET,
    runOptions: () => OPTIONS,
    activeRuns: () => ({ runs: [] }),
    startRun: () => ({ runId: 'run-1' }),
    ...extra
  })
}

async function mountAdapt(api = adaptApi()) {
  // The loss chart (echarts, a canvas) is not what these tests look at.
  return mountWithApi(AdaptView, api, '/adapt?data=/data/arc', { global: { stubs: { LiveLossChart: true } } })
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('AdaptView form', () => {
  it('fills its choices from the run options', async () => {
    const { wrapper } = await mountAdapt()
    expect((wrapper.get('[data-testid="preset-select"]').element as HTMLSelectElement).value).toBe('ttt')
    expect(wrapper.get('[data-testid="preset-description"]').text()).toBe('the paper')
    expect(wrapper.get('[data-testid="start-run"]').text()).toBe('Start: 3 tasks')
    expect(wrapper.get('[data-testid="start-run"]').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })

  it('holds Start back while an override is out of range, and says which', async () => {
    const { wrapper } = await mountAdapt()
    await wrapper.get('#override-input-ttt\\.maxSteps').setValue('0')
    expect(wrapper.get('[data-testid="override-error"]').text()).toMatch(/1/)
    expect(wrapper.get('[data-testid="start-problems"]').text()).toContain('fix the override of ttt.maxSteps')
    expect(wrapper.get('[data-testid="start-run"]').attributes('disabled')).toBeDefined()
    await wrapper.get('#override-input-ttt\\.maxSteps').setValue('12')
    expect(wrapper.find('[data-testid="start-problems"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('starts the run with what the form says, then watches it', async () => {
    const api = adaptApi()
    const { wrapper, router } = await mountAdapt(api)
    await wrapper.get('[data-testid="selection-single"]').setValue(true)
    await wrapper.get('[data-testid="selection-task-id"]').setValue('t2')
    await wrapper.get('#override-input-ttt\\.maxSteps').setValue('12')
    await wrapper.get('[data-testid="run-name"]').setValue('  quick ')
    await wrapper.get('[data-testid="run-tags"]').setValue('a, b')
    await wrapper.get('[data-testid="adapt-form"]').trigger('submit')
    await flushPromises()
    expect(api.argsOf('startRun')).toEqual([
      {
        datasetPath: '/data/arc',
        selection: { kind: 'ids', ids: ['t2'] },
        preset: 'ttt',
        overrides: { 'ttt.maxSteps': 12 },
        provider: 'cpu',
        name: 'quick',
        tags: ['a', 'b']
      }
    ])
    expect(router.currentRoute.value.query.run).toBe('run-1')
    wrapper.unmount()
  })

  it('shows the engine refusing a run in its own words', async () => {
    const refuse = () => ({ ok: false as const, error: { code: 'bad-request' as const, message: 'task "t2" is not in /data/arc' } })
    const { wrapper } = await mountAdapt(adaptApi({ startRun: refuse }))
    await wrapper.get('[data-testid="adapt-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="start-error"]').text()).toBe('task "t2" is not in /data/arc')
    wrapper.unmount()
  })
})

describe('AdaptView progress', () => {
  const result = (taskId: string, recordedAt: string): TaskResultRecord => ({
    taskId,
    status: 'done',
    reason: null,
    outputs: [],
    officialScore: 1,
    allOrNothing: 1,
    timings: {},
    tttSteps: 0,
    finalLoss: null,
    candidates: [],
    totalSeconds: 1,
    recordedAt
  })
  const snapshot = {
    runId: 'run-1',
    name: 'quick',
    total: 3,
    done: 2,
    currentTaskId: 't3',
    currentIndex: 2,
    phase: null,
    etaSeconds: 1,
    currentLoss: [],
    startedAt: '2026-12-05T00:00:00Z'
  }

  it("keeps a run's end that arrives while the snapshot asked for before it is on its way", async () => {
    let finishDuringSnapshot = true
    const api = adaptApi({
      // The snapshot is taken while the run is live; its last task and its end reach the page before
      // the answer does (seen under load in the end-to-end test).
      activeRuns: () => {
        if (finishDuringSnapshot) {
          finishDuringSnapshot = false
          queueMicrotask(() => {
            const last = { taskId: 't3', index: 2, status: 'done', officialScore: 1, seconds: 1, etaSeconds: 0 } as const
            api.events.push({ kind: 'task-finished', runId: 'run-1', total: 3, ...last })
            api.events.push({ kind: 'run-finished', runId: 'run-1', status: 'completed' })
          })
          return { runs: [snapshot] }
        }
        return { runs: [] }
      },
      // The log as read with the snapshot: the first two tasks.
      runTaskResults: () => ({ results: [result('t1', '2026-12-05T00:00:01Z'), result('t2', '2026-12-05T00:00:02Z')] }),
      getRun: () => ({ ok: false as const, error: { code: 'not-found' as const, message: 'not in this fake' } })
    })
    const stubs = { LiveLossChart: true }
    const { wrapper } = await mountWithApi(AdaptView, api, '/adapt?data=/data/arc&run=run-1', { global: { stubs } })
    await flushPromises()
    const bar = wrapper.get('[data-testid="progress-bar"]')
    expect([bar.attributes('data-done'), bar.attributes('data-total')]).toEqual(['3', '3'])
    expect(wrapper.findAll('[data-testid="result-row"]').map((r) => r.attributes('data-task-id')).sort()).toEqual(['t1', 't2', 't3'])
    expect(wrapper.find('[data-testid="cancel-run"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
