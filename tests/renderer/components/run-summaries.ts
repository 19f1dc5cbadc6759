// Run summaries as the log returns them, for the renderer's component tests.
import type { RunSummary } from '../../../main/api/runs-contract'

export function runSummary(id: string, patch: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    name: `run ${id}`,
    preset: 'ttt',
    status: 'completed',
    statusMessage: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    endedAt: '2026-12-01T10:05:00.000Z',
    modelId: 'arc-base',
    providerRequested: 'cpu',
    providerUsed: 'cpu',
    seed: 1,
    configHash: `hash-${id}`,
    datasetFingerprint: 'fp',
    tags: [],
    notes: '',
    tasksDone: 4,
    tasksSkipped: 0,
    tasksScored: 4,
    officialScoreSum: 1,
    allOrNothingSum: 1,
    accuracyOfficial: 0.25,
    accuracyAllOrNothing: 0.25,
    secondsPerTask: 3.5,
    ...patch
  }
}
