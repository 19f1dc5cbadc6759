// The desktop app's API host run as the Electron main process runs it, minus Electron: a plain
// Node child spawned by ApiHostClient (here from sources, through tsx) that opens the experiment
// log, answers wire API calls, asks its parent for folders, starts the engine host for a run and
// passes the run's events up, and stops its runs as interrupted when the app closes.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../main/api/contract'
import type { HostEvent } from '../../main/api/runs-contract'
import { ApiHostClient } from '../../main/host/api-host-client'
import type { ApiHostConfig } from '../../main/host/api-host-protocol'
import { QUICK_OVERRIDES, makeRunWorld, type RunWorld } from '../api/run-fixtures'

const ROOT = join(import.meta.dirname, '..', '..')
const root = mkdtempSync(join(tmpdir(), 'arc-ttt-api-host-'))
let world: RunWorld
let client: ApiHostClient
const events: HostEvent[] = []
let folderQuestions = 0

function launch(config: Partial<ApiHostConfig> = {}) {
  return {
    nodePath: process.execPath,
    nodeArguments: ['--import', 'tsx'],
    entry: join(ROOT, 'main', 'host', 'api-host-main.ts'),
    config: {
      version: '9.9.9',
      samplesPath: world.dataDir,
      modelsDir: world.modelsDir,
      recentFile: join(root, 'recent.json'),
      databasePath: world.databasePath,
      ...config
    },
    pickFolder: async () => (folderQuestions++, join(root, 'picked'))
  }
}

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

function finished(runId: string): Promise<HostEvent> {
  return new Promise((resolve) => {
    const stop = client.subscribe((e) => {
      if (e.kind === 'run-finished' && e.runId === runId) (stop(), resolve(e))
    })
  })
}

beforeAll(async () => {
  world = await makeRunWorld(root, 2)
  client = new ApiHostClient(launch())
  client.subscribe((e) => events.push(e))
  await client.start()
}, 90_000)

afterAll(async () => {
  await client?.close()
  rmSync(root, { recursive: true, force: true })
})

describe('the desktop API host (a plain Node process)', () => {
  it('answers calls as the desktop app: electron mode, its version, a folder picker', async () => {
    expect(client.pid).toBeGreaterThan(0)
    expect(value(await client.call('appInfo', {}))).toEqual({ version: '9.9.9', mode: 'electron', canPickFolder: true })
    const dataset = value(await client.call('openDataset', { path: world.dataDir })) as { tasks: { id: string }[] }
    expect(dataset.tasks.map((t) => t.id)).toEqual(world.taskIds)
  })

  it('validates every call as the bridge does', async () => {
    const unknown = { ok: false, error: { code: 'bad-request', message: 'unknown API method "dropTables"' } }
    expect(await client.call('dropTables', {})).toMatchObject(unknown)
    expect(await client.call('openDataset', { path: 7 })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })

  it('asks the Electron side for a folder (the native dialog lives there)', async () => {
    const before = folderQuestions
    expect(value(await client.call('pickFolder', {}))).toEqual({ path: join(root, 'picked') })
    expect(folderQuestions).toBe(before + 1)
  })

  it('runs through its engine host, passes the events up and reads the run back from the log', async () => {
    const selection = { kind: 'ids', ids: ['task-0'] }
    const model = { modelDir: world.modelDir, provider: 'cpu' }
    const args = { datasetPath: world.dataDir, selection, preset: 'ttt', overrides: QUICK_OVERRIDES, ...model, name: 'desktop' }
    const { runId } = value(await client.call('startRun', args)) as { runId: string }
    expect(await finished(runId)).toEqual({ kind: 'run-finished', runId, status: 'completed' })
    expect(events.some((e) => e.kind === 'run-started' && e.runId === runId)).toBe(true)
    expect(value(await client.call('getRun', { runId }))).toMatchObject({ name: 'desktop', status: 'completed', tasksDone: 1 })
  }, 120_000)

  it('says why it cannot start, as an API error, and starts once the cause is gone', async () => {
    const broken = new ApiHostClient(launch({ samplesPath: '' }))
    const why = 'API host config: "samplesPath" must be a non-empty string'
    const message = `the workbench's API process could not start: ${why}`
    expect(await broken.call('appInfo', {})).toEqual({ ok: false, error: { code: 'internal', message } })
    const missing = new ApiHostClient({ ...launch(), nodePath: join(root, 'no-node') })
    const cannot = `cannot start the workbench's API process with ${join(root, 'no-node')}`
    expect(await missing.call('appInfo', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining(cannot) } })
  }, 60_000)

  it('stops on close, and refuses calls afterwards', async () => {
    const second = new ApiHostClient(launch())
    await second.start()
    const pid = second.pid!
    await second.close()
    expect(() => process.kill(pid, 0)).toThrow()
    expect(await second.call('appInfo', {})).toMatchObject({ ok: false, error: { message: 'the workbench is shutting down' } })
  }, 60_000)
})
