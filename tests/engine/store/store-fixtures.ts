// Shared fixtures of the experiment-log tests: temporary folders, a run record, a task result.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeGrid } from '../../../main/engine/arc/grid'
import type { Grid } from '../../../main/engine/arc/types'
import type { NewRun, TaskResultInput } from '../../../main/engine/store'

const folders: string[] = []

/** A fresh temporary folder, removed by `removeTemporaryFolders` (call it in afterAll). */
export function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'arc-ttt-store-'))
  folders.push(folder)
  return folder
}

export function removeTemporaryFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
}

export const g = (rows: number[][]): Grid => makeGrid(rows)

export function newRun(overrides: Partial<NewRun> = {}): NewRun {
  return {
    name: 'baseline',
    preset: 'ttt',
    config: { seed: 1, ttt: { lora: { rank: 8, alpha: 16, targets: ['q', 'v'] }, learningRate: 0.0001, enabled: true }, vote: 'hierarchical', budget: null },
    configHash: 'c0ffee',
    seed: 1,
    modelId: 'arc-tiny',
    modelHash: 'abc123',
    datasetPath: '/data/arc-agi-1/evaluation',
    datasetFingerprint: 'f00d',
    provider: 'cpu',
    tags: ['ablation'],
    notes: '',
    ...overrides
  }
}

/** The provenance columns of a TTT candidate as they read back. */
const TTT = { source: 'ttt', program: null, demosExplained: null, demos: null } as const

/** A done task with one test output solved by attempt 2 and two candidates. */
export function doneTask(taskId: string, overrides: Partial<TaskResultInput> = {}): TaskResultInput {
  return {
    taskId,
    status: 'done',
    outputs: [{ testIndex: 0, attempts: [g([[1, 2], [3, 4]]), g([[5]])], correct: true, provenance: { votes: [3, 2], method: 'hierarchical' } }],
    officialScore: 1,
    allOrNothing: 1,
    timings: { ttt: 2.5, inference: 0.5 },
    tttSteps: 24,
    finalLoss: 0.125,
    solvedBy: 'ttt',
    candidates: [
      { testIndex: 0, grid: g([[1, 2], [3, 4]]), transforms: ['identity', 'rotate-90'], promptIds: ['p0', 'p3'], votes: 3, score: 1.5, ...TTT },
      { testIndex: 0, grid: g([[5]]), transforms: ['transpose'], promptIds: ['p5'], votes: 2, score: null, ...TTT }
    ],
    ...overrides
  }
}

export function skippedTask(taskId: string, reason = 'longer than the 2048-token context'): TaskResultInput {
  return { taskId, status: 'skipped', reason, outputs: [], officialScore: 0, allOrNothing: 0, timings: {}, tttSteps: 0, finalLoss: null, candidates: [] }
}
