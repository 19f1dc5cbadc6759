// The engine host's parts that need no run: the active-run snapshots built from events, and a host
// that cannot start saying why. (Task selection is the engine's: tests/engine/experiment.)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HostClient } from '../../main/host/host-client'
import { forkHostProcess } from '../../main/host/host-process'
import { RunRegistry } from '../../main/host/run-registry'

const dir = mkdtempSync(join(tmpdir(), 'arc-ttt-host-parts-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
mkdirSync(join(dir, 'tasks'))

describe('run registry', () => {
  it('keeps one snapshot per active run, updated by its events', () => {
    const registry = new RunRegistry()
    registry.announce('r1', 'first', '2026-01-01T00:00:00.000Z')
    registry.apply({ kind: 'run-started', runId: 'r1', total: 4, alreadyDone: 1 })
    registry.apply({ kind: 'task-started', runId: 'r1', taskId: 't2', index: 1, total: 4 })
    registry.apply({ kind: 'phase', runId: 'r1', taskId: 't2', phase: 'ttt' })
    registry.apply({ kind: 'step', runId: 'r1', taskId: 't2', step: 1, totalSteps: 2, loss: 2.5, learningRate: 0.1, tokensPerSecond: 10 })
    const held = registry.snapshots()
    registry.apply({ kind: 'step', runId: 'r1', taskId: 't2', step: 2, totalSteps: 2, loss: 1.5, learningRate: 0.1, tokensPerSecond: 10 })
    registry.apply({ kind: 'step', runId: 'other', taskId: 'x', step: 1, totalSteps: 1, loss: 9, learningRate: 0.1, tokensPerSecond: 1 })
    expect(held[0]!.currentLoss).toEqual([[1, 2.5]])
    expect(registry.snapshots()).toEqual([
      { runId: 'r1', name: 'first', total: 4, done: 1, currentTaskId: 't2', currentIndex: 1, phase: 'ttt', etaSeconds: null, currentLoss: [[1, 2.5], [2, 1.5]], startedAt: '2026-01-01T00:00:00.000Z' }
    ])
    registry.apply({ kind: 'task-finished', runId: 'r1', taskId: 't2', index: 1, total: 4, status: 'done', officialScore: 1, seconds: 3, etaSeconds: 6 })
    expect(registry.snapshots()[0]).toMatchObject({ done: 2, etaSeconds: 6, phase: null })
    registry.apply({ kind: 'task-started', runId: 'r1', taskId: 't3', index: 2, total: 4 })
    expect(registry.snapshots()[0]).toMatchObject({ currentTaskId: 't3', currentLoss: [] })
    registry.apply({ kind: 'run-finished', runId: 'r1', status: 'cancelled' })
    expect(registry.snapshots()).toEqual([])
  })
})

describe('host startup', () => {
  it('says why a host could not start, and tries a fresh one on the next request', async () => {
    const notAFile = join(dir, 'tasks') // a folder where the log should be
    const host = new HostClient({ config: { databasePath: notAFile, modelsDir: dir, threads: 1 }, spawn: forkHostProcess })
    await expect(host.providers()).rejects.toThrow(/the engine host could not start: .*tasks/)
    await expect(host.providers()).rejects.toThrow(/the engine host could not start/)
    await host.close()
  })
})
