// The poe-second rule: where more than two programs explain every demonstration, the search's first
// answer stays first and the model's product-of-experts score chooses the second among the search's
// other answers (never TTT's own decode). A fake model stands in for TTT, so its choice is known.
import { describe, expect, it } from 'vitest'
import { gridKey, makeGrid } from '../../../main/engine/arc/grid'
import type { Grid, Task } from '../../../main/engine/arc/types'
import { resolveConfig } from '../../../main/engine/experiment/config'
import { explainingAnswers, runEnsembleWith, type EnsembleModel } from '../../../main/engine/experiment/ensemble-task-run'
import { solveTask } from '../../../main/engine/search'
import { searchOptions } from '../../../main/engine/experiment/search-task-run'

/** Demonstrations symmetric under every flip and turn, output = input: many programs explain them,
 * and they disagree on the asymmetric test input. */
const symmetricTask: Task = {
  id: 'symmetric',
  train: [
    [[1, 0, 1], [0, 2, 0], [1, 0, 1]],
    [[3, 3], [3, 3]],
    [[0, 5, 0], [5, 5, 5], [0, 5, 0]]
  ].map((g) => ({ input: makeGrid(g), output: makeGrid(g) })),
  test: [{ input: makeGrid([[1, 2, 0], [3, 4, 0]]), output: makeGrid([[1, 2, 0], [3, 4, 0]]) }]
}

const tttDecode = makeGrid([[7, 7], [7, 7]])

/** A model whose TTT decodes `tttDecode` and whose score prefers it, then the last grid it is shown. */
function lastIsBestModel(scored: Grid[][]): EnsembleModel {
  return {
    adapt: async () => ({ tttSteps: 3, finalLoss: 0.5 }),
    predict: async (_task, testIndex) => ({
      testIndex,
      attempts: [tttDecode],
      candidates: [{ grid: tttDecode, transforms: ['identity'], promptIds: ['p0'], count: 4, score: null }],
      prompts: 1,
      undecodable: {}
    }),
    score: async (_task, _testIndex, grids) => {
      scored.push([...grids])
      return grids.map((g, i) => (gridKey(g) === gridKey(tttDecode) ? -100 : -i))
    }
  }
}

describe('the poe-second ensemble rule', () => {
  const config = resolveConfig('ensemble-poe-second', { 'search.workers': 1 })

  it("keeps the search's first answer and takes its best-scored other answer second, never TTT's decode", async () => {
    const [outcome] = await solveTask(symmetricTask, searchOptions(config))
    const explaining = explainingAnswers(outcome!)
    expect(explaining.length).toBeGreaterThan(2)
    const scored: Grid[][] = []
    const { result } = await runEnsembleWith(symmetricTask, { config, model: lastIsBestModel(scored), onPhase: () => {} })
    expect(scored).toHaveLength(1)
    expect(scored[0]!.map(gridKey)).toEqual(explaining.slice(0, config.ensemble.poolSize).map((c) => gridKey(c.grid)))
    const best = scored[0]![scored[0]!.length - 1]!
    const output = result.outputs[0]!
    expect(output.attempts.map(gridKey)).toEqual([gridKey(outcome!.attempts[0]!), gridKey(best)])
    expect(gridKey(best)).not.toBe(gridKey(outcome!.attempts[1]!))
    const provenance = output.provenance as { why: string; tttRan: boolean; attempts: { sources: string[]; score: number | null }[] }
    expect(provenance.why).toMatch(/search's first answer, then its other answer of lowest summed NLL/)
    expect(provenance.tttRan).toBe(true)
    expect(provenance.attempts.map((a) => a.sources.join())).toEqual(['search', 'search'])
    expect(provenance.attempts[1]!.score).toBe(-(scored[0]!.length - 1))
    expect(result.tttSteps).toBe(3)
  })
})
