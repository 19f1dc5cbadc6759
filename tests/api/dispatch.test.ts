// The wire API's engine side: runtime validation of every argument, typed error values, and the
// handlers over the data layer (the same code path serves Electron IPC and the browser bridge).
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../main/api/dispatch'
import { createHandlers, type Handlers } from '../../main/api/handlers'

const task = { train: [{ input: [[1, 2]], output: [[2, 1]] }], test: [{ input: [[3, 4]], output: [[4, 3]] }] }
let dir: string
let handlers: Handlers

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arc-ttt-api-'))
  mkdirSync(join(dir, 'samples'))
  mkdirSync(join(dir, 'other'))
  writeFileSync(join(dir, 'samples', 's1.json'), JSON.stringify(task))
  writeFileSync(join(dir, 'other', 'o1.json'), JSON.stringify(task))
  writeFileSync(join(dir, 'other', 'o2.json'), '[1]')
  handlers = createHandlers({ version: '1.2.3', mode: 'browser', samplesPath: join(dir, 'samples'), recentFile: join(dir, 'settings', 'recent.json') })
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('dispatch', () => {
  it('refuses unknown methods and bad arguments with typed errors', async () => {
    expect(await dispatch(handlers, 'deleteEverything', {})).toEqual({ ok: false, error: { code: 'bad-request', message: 'unknown API method "deleteEverything"' } })
    expect(await dispatch(handlers, 42, {})).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await dispatch(handlers, 'openDataset', { path: 7 })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/openDataset: "path" must be a non-empty string/) } })
    expect(await dispatch(handlers, 'openDataset', { path: 'x', extra: 1 })).toMatchObject({ error: { message: 'openDataset: unknown argument(s): extra; allowed: path' } })
    expect(await dispatch(handlers, 'getTask', { path: dir })).toMatchObject({ error: { message: expect.stringMatching(/"taskId" must be/) } })
    expect(await dispatch(handlers, 'appInfo', 'nope')).toMatchObject({ error: { message: 'appInfo: arguments must be an object' } })
  })

  it('returns a typed not-found error for a missing folder and a missing task', async () => {
    expect(await dispatch(handlers, 'openDataset', { path: join(dir, 'missing') })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/ENOENT/) } })
    expect(await dispatch(handlers, 'getTask', { path: join(dir, 'other'), taskId: 'zz' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('says the folder picker is unsupported in browser mode', async () => {
    expect(await dispatch(handlers, 'pickFolder', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    expect(await dispatch(handlers, 'appInfo', {})).toEqual({ ok: true, value: { version: '1.2.3', mode: 'browser', canPickFolder: false } })
  })
})

describe('handlers', () => {
  it('opens a dataset with per-task summaries and problems, and remembers it as recent', async () => {
    const view = await handlers.openDataset({ path: join(dir, 'other') })
    expect(view.tasks.map((t) => [t.id, t.valid])).toEqual([['o1', true], ['o2', false]])
    expect(view.tasks[0]).toMatchObject({ demonstrations: 1, testInputs: 1, tokens: 20, largestGrid: { height: 1, width: 2 } })
    expect(view.tasks[1]!.problems[0]!.reason).toMatch(/expected a task object/)
    const { samples, recent } = await handlers.listDatasets({})
    expect(samples).toMatchObject({ kind: 'samples', path: join(dir, 'samples') })
    expect(recent).toEqual([{ path: join(dir, 'other'), label: 'other', kind: 'folder' }])
  })

  it('returns a task with its grids, and an invalid task with its problems only', async () => {
    const valid = await handlers.getTask({ path: join(dir, 'other'), taskId: 'o1' })
    expect(valid.task!.train[0]!.output).toEqual([[2, 1]])
    const invalid = await handlers.getTask({ path: join(dir, 'other'), taskId: 'o2' })
    expect(invalid.task).toBeUndefined()
    expect(invalid.item.valid).toBe(false)
  })

  it('does not add the bundled samples to the recent list', async () => {
    await handlers.openDataset({ path: join(dir, 'samples') })
    expect((await handlers.listDatasets({})).recent).toEqual([])
  })
})

describe('recent datasets', () => {
  it('treats a corrupt settings file as an empty list and rewrites it', async () => {
    mkdirSync(join(dir, 'settings'))
    writeFileSync(join(dir, 'settings', 'recent.json'), '{oops')
    expect((await handlers.listDatasets({})).recent).toEqual([])
    await handlers.openDataset({ path: join(dir, 'other') })
    expect((await handlers.listDatasets({})).recent.map((r) => r.label)).toEqual(['other'])
  })
})
