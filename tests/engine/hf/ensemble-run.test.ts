// The ensemble solver with the tiny Llama through the same runner and log as the bundled model: the
// search, a per-task LoRA adapted on the task, TTT candidates decoded in the text format, and (rule
// poe) the pooled answers of both solvers scored by the adapted model's summed NLL over views.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDataset } from '../../../main/engine/arc'
import { gridKey, makeGrid } from '../../../main/engine/arc/grid'
import { resolveConfig } from '../../../main/engine/experiment/config'
import { startRun } from '../../../main/engine/experiment/runner'
import { openHfRunModel } from '../../../main/engine/model/hf/run-model'
import { ExperimentLog } from '../../../main/engine/store'
import { fixtureDir } from './fixtures'

const dir = mkdtempSync(join(tmpdir(), 'hf-ensemble-run-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Output = input mirrored left-right: the search finds the program; TTT runs anyway (tttOn every-task). */
function writeMirrorTask(): void {
  const inputs = [
    [[1, 0, 0], [0, 2, 0], [3, 3, 0]],
    [[0, 4, 4], [5, 0, 0], [0, 0, 6]],
    [[7, 0], [0, 0], [8, 8]],
    [[0, 9, 1], [2, 0, 0]]
  ]
  const pair = (g: number[][]) => ({ input: makeGrid(g), output: makeGrid(g.map((row) => [...row].reverse())) })
  writeFileSync(join(dir, 'mirror.json'), JSON.stringify({ train: inputs.slice(0, 3).map(pair), test: [pair(inputs[3]!)] }))
}

interface AttemptProvenance {
  readonly sources: string[]
  readonly program: string | null
  readonly score: number | null
}

describe('the ensemble solver with a Hugging Face model', () => {
  it('poe pools search answers and TTT candidates and ranks them by the adapted Llama', async () => {
    writeMirrorTask()
    const overrides = {
      'ensemble.tttOn': 'every-task',
      'ttt.maxSteps': 2,
      'ttt.batchSize': 1,
      'ttt.loraRank': 4,
      'data.cap': 4,
      'inference.augment': false,
      'inference.maxNewTokens': 40,
      'vote.poeViews': 2,
      'search.workers': 1
    }
    const config = resolveConfig('ensemble-poe', overrides)
    const log = ExperimentLog.open(join(dir, 'log.sqlite'))
    try {
      const dataset = await loadDataset(dir)
      const model = openHfRunModel(fixtureDir('llama-gqa'))
      const runId = await startRun({ dataset, taskIds: ['mirror'], preset: 'ensemble-poe', config, model, runtime: {}, log })
      expect(log.getRun(runId)).toMatchObject({ status: 'completed', modelId: 'llama-gqa' })
      const result = log.taskResult(runId, 'mirror')!
      expect(result).toMatchObject({ status: 'done', tttSteps: 2 })
      expect(Object.keys(result.timings)).toEqual(expect.arrayContaining(['search', 'ttt', 'inference', 'ensemble']))
      expect(log.metricSeries(runId, 'ttt.loss', { taskId: 'mirror', phase: 'ttt' }).map((p) => p.step)).toEqual([1, 2])

      const scored = result.candidates.filter((c) => c.score !== null)
      expect(scored.some((c) => c.source === 'search') && scored.some((c) => c.source === 'ttt')).toBe(true)
      expect(scored.every((c) => Number.isFinite(c.score) && c.score! > 0)).toBe(true)
      const provenance = result.outputs[0]!.provenance as { method: string; rule: string; tttRan: boolean; attempts: AttemptProvenance[] }
      expect(provenance).toMatchObject({ method: 'ensemble', rule: 'poe', tttRan: true })
      // The attempts are the two lowest summed NLLs of the pool, each with its solvers and program.
      const lowest = [...new Map(scored.map((c) => [gridKey(c.grid), c.score!])).values()].sort((a, b) => a - b).slice(0, 2)
      expect(provenance.attempts.map((a) => a.score)).toEqual(lowest)
      for (const attempt of provenance.attempts) {
        expect(attempt.sources.length).toBeGreaterThan(0)
        expect(attempt.program !== null).toBe(attempt.sources.includes('search'))
      }
      expect(result.candidates.find((c) => c.source === 'search')!.program).toMatch(/\(x\)/)
    } finally {
      log.close()
    }
  })
})
