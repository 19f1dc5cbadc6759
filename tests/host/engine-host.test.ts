// The engine host end to end, as the browser mode uses it: runs started through the bridge's
// `POST /api/call` execute in a forked host process, their events arrive over `GET /api/events`
// (read by the renderer's own client); a run is cancelled; the host is killed mid-run, the run is
// marked interrupted with a host-crashed event, and resumed to completion on a fresh host.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../main/api/contract'
import { createHandlers } from '../../main/api/handlers'
import type { HostEvent } from '../../main/api/runs-contract'
import { ExperimentLog } from '../../main/engine/store'
import { HostClient } from '../../main/host/host-client'
import { forkHostProcess } from '../../main/host/host-process'
import { startBridge, type Bridge } from '../../main/server/bridge'
import { createHttpClient } from '../../renderer/src/api/http-client'
import { QUICK_OVERRIDES, makeRunWorld, type RunWorld } from '../api/run-fixtures'

const root = mkdtempSync(join(tmpdir(), 'arc-ttt-host-'))
let world: RunWorld
let host: HostClient
let bridge: Bridge
let client: ReturnType<typeof createHttpClient>
const events: HostEvent[] = []
let stopEvents: () => void

/** Long enough per task (TTT steps) that a run can be cancelled or killed between its tasks. */
const SLOW_OVERRIDES = { ...QUICK_OVERRIDES, 'ttt.maxSteps': 12, 'ttt.epochs': 4 }

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

/** Resolves with the first event (from now on or already seen after `from`) that matches. */
function nextEvent(match: (e: HostEvent) => boolean, from = 0, timeoutMs = 90_000): Promise<HostEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; saw ${events.slice(from).map((e) => e.kind).join(', ')}`)), timeoutMs)
    const poll = setInterval(() => {
      const found = events.slice(from).find(match)
      if (found) {
        clearTimeout(timer)
        clearInterval(poll)
        resolve(found)
      }
    }, 20)
  })
}

const ofRun = (runId: string, kind: HostEvent['kind']) => (e: HostEvent) => e.kind === kind && 'runId' in e && e.runId === runId

beforeAll(async () => {
  world = await makeRunWorld(root, 8)
  mkdirSync(join(root, 'samples'))
  writeFileSync(join(root, 'samples', 'readme.md'), 'no tasks here')
  host = new HostClient({ config: { databasePath: world.databasePath, modelsDir: world.modelsDir, threads: 1 }, spawn: forkHostProcess })
  const handlers = createHandlers({ version: '0.0.1', mode: 'browser', samplesPath: join(root, 'samples'), recentFile: join(root, 'recent.json'), databasePath: world.databasePath, modelsDir: world.modelsDir, host })
  bridge = await startBridge({ port: 0, staticDir: join(root, 'samples'), handlers, events: host })
  const base = bridge.url.replace(/\/$/, '')
  const fetchFromBridge = ((input: string, init?: RequestInit) => fetch(`${base}${input}`, init)) as typeof fetch
  client = createHttpClient(bridge.token, fetchFromBridge, { retryMs: 100 })
  stopEvents = client.subscribe((event) => events.push(event))
}, 60_000)

afterAll(async () => {
  stopEvents?.()
  await bridge?.close()
  await host?.close()
  rmSync(root, { recursive: true, force: true })
})

function startArgs(ids: readonly string[], overrides: Record<string, string | number | boolean>, name: string) {
  return { datasetPath: world.dataDir, selection: { kind: 'ids' as const, ids }, preset: 'ttt', overrides, modelDir: world.modelDir, provider: 'cpu', name }
}

describe('engine host', () => {
  it('runs a run started through the bridge and streams its events until run-finished', async () => {
    const from = events.length
    const { runId } = value(await client.startRun(startArgs(['task-0', 'task-1'], QUICK_OVERRIDES, 'streamed')))
    const finished = await nextEvent(ofRun(runId, 'run-finished'), from)
    expect(finished).toEqual({ kind: 'run-finished', runId, status: 'completed' })
    const mine = events.slice(from).filter((e) => 'runId' in e && e.runId === runId)
    expect(mine[0]).toEqual({ kind: 'run-started', runId, total: 2, alreadyDone: 0 })
    expect(mine.filter((e) => e.kind === 'task-finished').map((e) => e.kind === 'task-finished' && e.taskId)).toEqual(['task-0', 'task-1'])
    expect(mine.filter((e) => e.kind === 'phase').map((e) => e.kind === 'phase' && e.phase)).toEqual(['ttt-data', 'ttt', 'inference', 'ttt-data', 'ttt', 'inference'])
    expect(mine.filter((e) => e.kind === 'step')).toHaveLength(6)
    // The log has each step once: events report what the runner recorded, nothing records them again.
    const loss = value(await client.lossCurves({ runId }))
    expect(loss.points.map((p) => `${p.context.taskId}/${p.step}`)).toEqual(['task-0/1', 'task-0/2', 'task-0/3', 'task-1/1', 'task-1/2', 'task-1/3'])
    expect(value(await client.getRun({ runId }))).toMatchObject({ name: 'streamed', status: 'completed', tasksDone: 2, providerUsed: 'cpu' })
    expect(value(await client.activeRuns({})).runs).toEqual([])
  })

  it('shows a running run in activeRuns, and cancels it between steps', async () => {
    const from = events.length
    const { runId } = value(await client.startRun(startArgs(world.taskIds, SLOW_OVERRIDES, 'to cancel')))
    await nextEvent(ofRun(runId, 'step'), from)
    const active = value(await client.activeRuns({})).runs
    expect(active).toHaveLength(1)
    expect(active[0]).toMatchObject({ runId, name: 'to cancel', total: 8, currentTaskId: expect.stringMatching(/^task-/) })
    expect(active[0]!.currentLoss.length).toBeGreaterThan(0)
    expect(await client.deleteRun({ runId })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('is running now: cancel it first') } })
    expect(value(await client.cancelRun({ runId }))).toEqual({ cancelled: true })
    expect(await nextEvent(ofRun(runId, 'run-finished'), from)).toEqual({ kind: 'run-finished', runId, status: 'cancelled' })
    expect(value(await client.getRun({ runId })).status).toBe('cancelled')
    expect(value(await client.cancelRun({ runId }))).toEqual({ cancelled: false })
  })

  it('marks the runs of a killed host interrupted, says so, and resumes them on a fresh host', async () => {
    const from = events.length
    // Killed from the host client's own event (no HTTP in between), so the run is surely mid-way.
    const pid = host.pid!
    const stop = host.subscribe((e) => e.kind === 'task-finished' && e.index === 0 && process.kill(pid, 'SIGKILL'))
    const { runId } = value(await client.startRun(startArgs(world.taskIds, SLOW_OVERRIDES, 'to crash')))
    const crashed = await nextEvent((e) => e.kind === 'host-crashed', from)
    stop()
    expect(crashed).toEqual({ kind: 'host-crashed', message: expect.stringContaining('was killed (SIGKILL)'), interruptedRunIds: [runId] })
    const run = value(await client.getRun({ runId }))
    expect(run.status).toBe('interrupted')
    expect(run.statusMessage).toMatch(/the engine process was killed \(SIGKILL\) during the run; resume the run/)
    const doneBefore = run.tasksDone
    expect(doneBefore).toBeGreaterThanOrEqual(1)
    expect(doneBefore).toBeLessThan(8)
    expect(value(await client.activeRuns({})).runs).toEqual([])

    const resumedFrom = events.length
    expect(value(await client.resumeRun({ runId }))).toEqual({ runId })
    expect(host.pid).not.toBe(pid)
    expect(await nextEvent(ofRun(runId, 'run-started'), resumedFrom)).toEqual({ kind: 'run-started', runId, total: 8, alreadyDone: doneBefore })
    expect(await nextEvent(ofRun(runId, 'run-finished'), resumedFrom)).toEqual({ kind: 'run-finished', runId, status: 'completed' })
    const log = ExperimentLog.open(world.databasePath, { readonly: true })
    expect(log.getRun(runId)).toMatchObject({ status: 'completed', tasksDone: 8 })
    expect(log.taskResults(runId).map((r) => r.taskId)).toEqual([...world.taskIds])
    // Each task's curve once: the task cut by the kill was rerun from its start.
    const steps = log.taskResults(runId).reduce((sum, r) => sum + r.tttSteps, 0)
    expect(steps).toBe(8 * 12)
    expect(log.metricSeries(runId, 'ttt.loss', { phase: 'ttt' })).toHaveLength(steps)
    log.close()
    expect(await client.resumeRun({ runId })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('already completed') } })
  }, 120_000)

  it('refuses a run it cannot start, with a message the user can act on', async () => {
    const unknown = await client.startRun(startArgs(['task-0', 'task-99'], QUICK_OVERRIDES, 'x'))
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/1 task id is not in .*: task-99 \(nearest: task-/) } })
    const unavailable = await client.startRun({ ...startArgs(['task-0'], QUICK_OVERRIDES, 'x'), provider: 'coreml' })
    expect(unavailable).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringContaining('execution provider "coreml" is not available on this machine') } })
    const tooMany = await client.startRun({ ...startArgs([], QUICK_OVERRIDES, 'x'), selection: { kind: 'random', count: 9, seed: 1 } })
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('has 8 valid tasks') } })
    const missing = await client.startRun({ ...startArgs(['task-0'], QUICK_OVERRIDES, 'x'), modelDir: join(root, 'no-model') })
    expect(missing).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('cannot read') } })
  })

  it('stops its runs as interrupted (resumable) when the workbench closes mid-run', async () => {
    const second = new HostClient({ config: { databasePath: world.databasePath, modelsDir: world.modelsDir, threads: 1 }, spawn: forkHostProcess })
    const stepped = new Promise<void>((done) => second.subscribe((e) => e.kind === 'step' && done()))
    const { runId } = await second.startRun(startArgs(world.taskIds, SLOW_OVERRIDES, 'closed mid-run'))
    await stepped
    await second.close()
    const run = value(await client.getRun({ runId }))
    expect(run.status).toBe('interrupted')
    expect(run.statusMessage).toBe('the workbench closed during the run; resume the run to finish its remaining tasks')
    expect(run.tasksDone).toBeLessThan(8)
  })

  it('picks seeded random tasks and saved lists, and probes the providers', async () => {
    const from = events.length
    const { runId } = value(await client.startRun({ ...startArgs([], QUICK_OVERRIDES, 'listed'), selection: { kind: 'list', path: join(root, 'arc', 'pick.txt') }, overrides: { ...QUICK_OVERRIDES, 'ttt.enabled': false } }))
    await nextEvent(ofRun(runId, 'run-finished'), from)
    const log = ExperimentLog.open(world.databasePath, { readonly: true })
    expect(log.runTasks(runId)).toEqual(['task-1', 'task-0'])
    log.close()
    const options = value(await client.runOptions({}))
    expect(options.providers.find((p) => p.name === 'cpu')).toEqual({ name: 'cpu', available: true, detail: 'always available' })
    const coreml = options.providers.find((p) => p.name === 'coreml')
    if (process.platform !== 'darwin') expect(coreml).toMatchObject({ available: false, detail: expect.stringContaining('It needs macOS with Core ML') })
  })
})
