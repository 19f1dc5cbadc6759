// One path for every run, end to end: `arc-ttt run` (the real launcher) and a run started as the
// Adapt form starts one (its overrides from the form's checks, through the engine host process)
// on the same tasks and overrides log the same config hash and the same task ids. The list key is
// written in opposite orders on the two sides, as `v,q` and `q,v`.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HostEvent } from '../../main/api/runs-contract'
import { CONFIG_SCHEMA } from '../../main/engine/experiment/schema'
import { ExperimentLog } from '../../main/engine/store'
import { HostClient } from '../../main/host/host-client'
import { forkHostProcess } from '../../main/host/host-process'
import { checkOverrides } from '../../renderer/src/adapt/config-form'
import { QUICK_OVERRIDES, makeRunWorld, type RunWorld } from '../api/run-fixtures'
import { runCli } from '../cli/run-cli'

const root = mkdtempSync(join(tmpdir(), 'arc-ttt-one-run-path-'))
let world: RunWorld
afterAll(() => rmSync(root, { recursive: true, force: true }))
beforeAll(async () => {
  world = await makeRunWorld(root, 3)
}, 60_000)

const TASKS = ['task-2', 'task-0']

/** Runs through the engine host with the overrides the Adapt form sends for these field drafts. */
async function runFromTheForm(drafts: Record<string, string | readonly string[]>): Promise<string> {
  const form = checkOverrides(CONFIG_SCHEMA, undefined, drafts)
  expect(form.errors).toEqual({})
  const config = { databasePath: world.databasePath, modelsDir: world.modelsDir, threads: 1 }
  const host = new HostClient({ config, spawn: forkHostProcess })
  try {
    const finished = new Promise<HostEvent>((resolve) => host.subscribe((event) => event.kind === 'run-finished' && resolve(event)))
    const args = { datasetPath: world.dataDir, selection: { kind: 'ids' as const, ids: TASKS }, preset: 'ttt', overrides: form.overrides }
    const { runId } = await host.startRun({ ...args, modelDir: world.modelDir, provider: 'cpu' })
    expect(await finished).toMatchObject({ runId, status: 'completed' })
    return runId
  } finally {
    await host.close()
  }
}

describe('arc-ttt run and a run from the UI', () => {
  it('log the same config hash and task ids for the same tasks and overrides', async () => {
    const sets = Object.entries(QUICK_OVERRIDES).flatMap(([key, value]) => ['--set', `${key}=${value}`])
    const cliArgs = ['run', '--data', world.dataDir, '--tasks', TASKS.join(','), '--model', world.modelDir, '--db', world.databasePath]
    const cli = runCli([...cliArgs, ...sets, '--set', 'ttt.loraTargets=v,q', '--json'])
    expect(cli.code, cli.stderr).toBe(0)
    const cliRunId = (JSON.parse(cli.stdout) as { runId: string }).runId

    const drafts = Object.fromEntries(Object.entries(QUICK_OVERRIDES).map(([key, value]) => [key, String(value)]))
    const uiRunId = await runFromTheForm({ ...drafts, 'ttt.loraTargets': ['q', 'v'] })

    const log = ExperimentLog.open(world.databasePath)
    try {
      const [cliRun, uiRun] = [log.getRun(cliRunId), log.getRun(uiRunId)]
      expect(uiRunId).not.toBe(cliRunId)
      expect(uiRun.configHash).toBe(cliRun.configHash)
      expect(uiRun.config).toEqual(cliRun.config)
      expect((cliRun.config as { ttt: { loraTargets: string[] } }).ttt.loraTargets).toEqual(['q', 'v'])
      expect(log.runTasks(uiRunId)).toEqual(TASKS)
      expect(log.runTasks(cliRunId)).toEqual(TASKS)
    } finally {
      log.close()
    }
  }, 240_000)
})
