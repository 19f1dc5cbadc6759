import { describe, expect, it } from 'vitest'
import { runSearchBench } from '../../../main/cli/bench/search-run'
import { flipGrid, generatedTask } from './search-fixtures'

describe('bench search figures', () => {
  it('counts solved outputs and tasks, and unknown outputs apart', async () => {
    const solvable = generatedTask('flip', 41, flipGrid)
    const unknown = { ...generatedTask('flip-unknown', 42, flipGrid), id: 'flip-unknown' }
    const withoutOutput = { ...unknown, test: unknown.test.map((t) => ({ input: t.input })) }
    const report = await runSearchBench([solvable, withoutOutput], { depth: 1, timeSeconds: 30, maxStates: 10_000, maxCandidates: 5 }, 1)
    expect(report.tasks).toBe(2)
    expect(report.testOutputs).toBe(2)
    expect(report.knownOutputs).toBe(1)
    expect(report.solvedOutputs).toBe(1)
    expect(report.solvedTasks).toBe(1)
    expect(report.rows.find((r) => r.task === 'flip-unknown')!.correct).toBeNull()
    expect(report.explainedOutputs).toBe(2)
    expect(Object.keys(report.phases)).toEqual(expect.arrayContaining(['expand', 'compose']))
    expect(report.peakRssMb).toBeGreaterThan(0)
  })
})
