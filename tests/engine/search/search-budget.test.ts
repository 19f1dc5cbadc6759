import { describe, expect, it } from 'vitest'
import type { Grid, Task } from '../../../main/engine/arc/types'
import { solveTask, solveTestInput, type SearchOptions } from '../../../main/engine/search'
import { DSL } from '../../../main/engine/search/dsl/table'
import { flipGrid, generatedTask, randomGrid, sameGrid, seededRandom, TEST_DSL } from './search-fixtures'

const OPTIONS: SearchOptions = { depth: 2, timeSeconds: 60, maxStates: 100_000, maxCandidates: 10 }

/** Ten 30x30 demonstrations: the largest task ARC allows, many times over. */
function bigTask(): Task {
  const random = seededRandom(99)
  const pairs = Array.from({ length: 11 }, () => {
    const input: Grid = randomGrid(random, 30, 30, 0.4)
    return { input, output: flipGrid(input) }
  })
  return { id: 'big', train: pairs.slice(0, 10), test: pairs.slice(10) }
}

describe('search budgets', () => {
  it('a state cap stops the search and keeps the best found so far', () => {
    const task = generatedTask('flip', 21, flipGrid)
    const outcome = solveTestInput(task, 0, { ...OPTIONS, depth: 3, maxStates: 8 }, TEST_DSL)
    expect(outcome.stats.stoppedBy).toBe('states')
    expect(outcome.stats.states).toBeLessThanOrEqual(8)
    // flip_x(x) is among the first states made, so the capped search still answers.
    expect(sameGrid(outcome.attempts[0], task.test[0]!.output)).toBe(true)
  })

  it('a 30x30 task with ten demonstrations stays within its time limit on the full DSL', () => {
    const limit = 0.5
    const outcome = solveTestInput(bigTask(), 0, { ...OPTIONS, depth: 6, timeSeconds: limit }, DSL)
    expect(['time', 'states']).toContain(outcome.stats.stoppedBy)
    // The graph stops at 85% of the limit; pieces, composition and ranking must fit in the rest (with slack).
    expect(outcome.stats.seconds).toBeLessThan(limit * 2)
    expect(outcome.attempts.length).toBeGreaterThan(0)
  })

  it('an aborted signal cancels the search', () => {
    const controller = new AbortController()
    controller.abort()
    const outcome = solveTestInput(bigTask(), 0, { ...OPTIONS, depth: 3, signal: controller.signal }, DSL)
    expect(outcome.stats.stoppedBy).toBe('cancelled')
  })

  it('solveTask in worker threads gives what the main thread gives', async () => {
    const task = generatedTask('flip-two', 22, flipGrid, 3, 2)
    const inThread = await solveTask(task, { ...OPTIONS, depth: 1, workers: 1 })
    const inWorkers = await solveTask(task, { ...OPTIONS, depth: 1, workers: 2 })
    expect(inWorkers.map((o) => o.testIndex)).toEqual([0, 1])
    expect(inWorkers.map((o) => o.candidates)).toEqual(inThread.map((o) => o.candidates))
    expect(inWorkers.every((o, i) => sameGrid(o.attempts[0], task.test[i]!.output))).toBe(true)
  })
})
