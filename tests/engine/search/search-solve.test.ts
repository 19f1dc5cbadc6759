import { describe, expect, it } from 'vitest'
import { solveTestInput, type SearchOptions } from '../../../main/engine/search'
import { BudgetWatch } from '../../../main/engine/search/budget'
import { composeGreedy } from '../../../main/engine/search/compose'
import { fromGrid, toGrid } from '../../../main/engine/search/image'
import { LockstepGraph } from '../../../main/engine/search/lockstep'
import { cropGrid, flipGrid, generatedTask, sameGrid, TEST_DSL } from './search-fixtures'

const OPTIONS: SearchOptions = { depth: 2, timeSeconds: 60, maxStates: 100_000, maxCandidates: 10 }

describe('solveTestInput recovers generated programs', () => {
  it('depth 1: a horizontal flip', () => {
    const task = generatedTask('flip', 11, flipGrid)
    const outcome = solveTestInput(task, 0, OPTIONS, TEST_DSL)
    expect(sameGrid(outcome.attempts[0], task.test[0]!.output)).toBe(true)
    expect(outcome.candidates[0]!.program).toBe('flip_x(x)')
    expect(outcome.candidates[0]!.explains).toBe(3)
    expect(outcome.candidates[0]!.demos).toBe(3)
  })

  it('depth 2: a flip, then a crop', () => {
    const task = generatedTask('flip-crop', 12, (g) => cropGrid(flipGrid(g)))
    const outcome = solveTestInput(task, 0, OPTIONS, TEST_DSL)
    expect(sameGrid(outcome.attempts[0], task.test[0]!.output)).toBe(true)
    expect(outcome.candidates[0]!.depth).toBe(2)
    expect(outcome.candidates[0]!.explains).toBe(3)
    // Either order of the two transforms gives the same answer; the program names both.
    expect(outcome.candidates[0]!.program).toMatch(/^(crop\(flip_x\(x\)\)|flip_x\(crop\(x\)\))$/)
  })

  it('depth 1 cannot find a depth-2 program, and says so through explains', () => {
    const task = generatedTask('flip-crop', 12, (g) => cropGrid(flipGrid(g)))
    const outcome = solveTestInput(task, 0, { ...OPTIONS, depth: 1 }, TEST_DSL)
    expect(outcome.candidates.every((c) => c.explains < c.demos)).toBe(true)
    expect(outcome.stats.depthReached).toBe(1)
  })

  it('answers in the task colours when the background is not 0', () => {
    const base = generatedTask('flip-bg', 13, flipGrid)
    // Colour 0 and 5 swapped everywhere: the background is now 5.
    const swap = (g: readonly (readonly number[])[]) => g.map((row) => row.map((c) => (c === 0 ? 5 : c === 5 ? 0 : c)))
    const task = {
      id: 'flip-bg',
      train: base.train.map((p) => ({ input: swap(p.input), output: swap(p.output) })),
      test: [{ input: swap(base.test[0]!.input), output: swap(base.test[0]!.output!) }]
    }
    const outcome = solveTestInput(task, 0, OPTIONS, TEST_DSL)
    expect(sameGrid(outcome.attempts[0], task.test[0]!.output)).toBe(true)
  })

  it('composes layers when no single piece explains the demonstrations', () => {
    // Output: the colour-1 cells of the input drawn over its mirror image.
    const rule = (g: readonly (readonly number[])[]) => {
      const mirrored = flipGrid(g)
      return g.map((row, r) => row.map((c, k) => (c === 1 ? 1 : mirrored[r]![k]!)))
    }
    const task = generatedTask('overlay', 14, rule, 4)
    const inputs = [...task.train.map((p) => fromGrid(p.input)), fromGrid(task.test[0]!.input)]
    const targets = task.train.map((p) => fromGrid(p.output))
    const watch = new BudgetWatch({ maxStates: 100_000, maxCells: 10_000_000, deadline: Infinity })
    const sizes = [...targets, inputs[4]!].map((t) => ({ w: t.w, h: t.h }))
    const graph = new LockstepGraph({ dsl: TEST_DSL, inputs, outputSizes: sizes, depth: 1 }, watch)
    graph.run()
    const layered = composeGreedy(graph, targets, sizes[4]!, { maxPieces: 6000, maxLayers: 10 })
    const full = layered.find((f) => f.explains === 4)
    expect(full?.program).toMatch(/^layers\(nonzero\(keep\(x, 1\)\); flip_x\(x\)\)$/)
    expect(sameGrid(toGrid(full!.answer), task.test[0]!.output)).toBe(true)
    // The whole search answers it too (a learned cell-pair table says the same and ranks first).
    const outcome = solveTestInput(task, 0, { ...OPTIONS, depth: 1 }, TEST_DSL)
    expect(outcome.candidates[0]!.explains).toBe(4)
    expect(sameGrid(outcome.attempts[0], task.test[0]!.output)).toBe(true)
  })

  it('gives the same candidates for the same config', () => {
    const task = generatedTask('flip-crop', 15, (g) => cropGrid(flipGrid(g)))
    const a = solveTestInput(task, 0, OPTIONS, TEST_DSL)
    const b = solveTestInput(task, 0, OPTIONS, TEST_DSL)
    expect(b.candidates).toEqual(a.candidates)
    expect(b.stats.states).toBe(a.stats.states)
  })

  it('ranks distinct answers, at most maxCandidates', () => {
    const task = generatedTask('flip', 16, flipGrid)
    const outcome = solveTestInput(task, 0, { ...OPTIONS, maxCandidates: 3 }, TEST_DSL)
    expect(outcome.candidates.length).toBeLessThanOrEqual(3)
    const keys = outcome.candidates.map((c) => JSON.stringify(c.grid))
    expect(new Set(keys).size).toBe(keys.length)
    const explains = outcome.candidates.map((c) => c.explains)
    expect(explains).toEqual([...explains].sort((a, b) => b - a))
  })

  it('rejects options a search cannot run with', () => {
    const task = generatedTask('flip', 11, flipGrid)
    expect(() => solveTestInput(task, 0, { ...OPTIONS, maxStates: 0 }, TEST_DSL)).toThrow(/maxStates/)
    expect(() => solveTestInput(task, 3, OPTIONS, TEST_DSL)).toThrow(/no test input 3/)
  })
})
