// The search and ensemble solvers through the same runner and log as TTT: programs and sources are
// recorded with every candidate and attempt; each ensemble rule picks as it says; TTT runs only where
// the rule needs it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDataset } from '../../../main/engine/arc'
import { makeGrid } from '../../../main/engine/arc/grid'
import type { Grid, Task } from '../../../main/engine/arc/types'
import { resolveConfig } from '../../../main/engine/experiment/config'
import { explainingAnswers, needsTtt } from '../../../main/engine/experiment/ensemble-task-run'
import { startRun } from '../../../main/engine/experiment/runner'
import type { SearchCandidate, SearchOutcome } from '../../../main/engine/search'
import { ExperimentLog } from '../../../main/engine/store'
import { tinyModel } from './fixtures'

const dir = mkdtempSync(join(tmpdir(), 'arc-ttt-solvers-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const flip = (g: number[][]): number[][] => g.map((row) => [...row].reverse())

/** Output = input mirrored left-right: a depth-1 program. */
function mirrorTask(id: string): Task {
  const inputs = [
    [[1, 0, 0], [0, 2, 0], [3, 3, 0]],
    [[0, 4, 4], [5, 0, 0], [0, 0, 6]],
    [[7, 0], [0, 0], [8, 8]],
    [[0, 0, 9, 1], [2, 0, 0, 0]]
  ]
  const pair = (g: number[][]) => ({ input: makeGrid(g), output: makeGrid(flip(g)) })
  return { id, train: inputs.slice(0, 3).map(pair), test: [pair(inputs[3]!)] }
}

/** Outputs unrelated to the inputs: no program explains them, so the ensemble needs TTT. */
function noiseTask(id: string): Task {
  const g = (rows: number[][]): Grid => makeGrid(rows)
  return {
    id,
    train: [
      { input: g([[1, 2], [3, 4]]), output: g([[5, 0], [7, 1]]) },
      { input: g([[2, 2], [0, 4]]), output: g([[9, 3], [0, 6]]) },
      { input: g([[6, 1], [1, 1]]), output: g([[2, 8], [4, 4]]) }
    ],
    test: [{ input: g([[3, 3], [4, 1]]), output: g([[7, 7], [1, 0]]) }]
  }
}

async function runOn(tasks: readonly Task[], preset: string, overrides: Record<string, unknown> = {}) {
  const folder = join(dir, `${preset}-${Object.keys(overrides).length}-${tasks.map((t) => t.id).join('-')}`)
  mkdirSync(folder, { recursive: true })
  for (const task of tasks) writeFileSync(join(folder, `${task.id}.json`), JSON.stringify({ train: task.train, test: task.test }))
  const log = ExperimentLog.open(join(folder, 'log.sqlite'))
  const config = resolveConfig(preset, overrides)
  const dataset = await loadDataset(folder)
  const runId = await startRun({ dataset, taskIds: tasks.map((t) => t.id), preset, config, model: tinyModel(1), runtime: {}, log })
  return { log, runId }
}

const FAST_TTT = { 'ttt.maxSteps': 2, 'data.cap': 4, 'inference.maxNewTokens': 16, 'inference.constrained': true, 'inference.augment': false, 'search.workers': 1 }

describe('the search solver in a run', () => {
  it('solves a mirror task, logging the program and the demonstrations it explains', async () => {
    const { log, runId } = await runOn([mirrorTask('mirror')], 'search', { 'search.workers': 1 })
    expect(log.getRun(runId)).toMatchObject({ status: 'completed', accuracyOfficial: 1 })
    const result = log.taskResult(runId, 'mirror')!
    expect(result.tttSteps).toBe(0)
    const best = result.candidates[0]!
    expect(best).toMatchObject({ source: 'search', demosExplained: 3, demos: 3 })
    expect(best.program).toMatch(/\(x\)/)
    const provenance = result.outputs[0]!.provenance as { method: string; attempts: unknown[] }
    expect(provenance.method).toBe('search')
    expect(provenance.attempts[0]).toMatchObject({ program: best.program, demosExplained: 3, demos: 3 })
    expect(Object.keys(result.timings)).toContain('search')
    expect(log.taskOutcomes([runId])[0]).toMatchObject({ taskId: 'mirror', solvedBy: 'search' })
    log.close()
  })
})

describe('the ensemble solver', () => {
  it('search-first keeps a program that explains every demonstration and runs TTT only where none does', async () => {
    const { log, runId } = await runOn([mirrorTask('mirror'), noiseTask('noise')], 'ensemble-search-first', FAST_TTT)
    const mirror = log.taskResult(runId, 'mirror')!
    expect(mirror.officialScore).toBe(1)
    expect(mirror.tttSteps).toBe(0)
    const provenance = mirror.outputs[0]!.provenance as { rule: string; tttRan: boolean; attempts: { sources: string[] }[] }
    expect(provenance).toMatchObject({ rule: 'search-first', tttRan: false })
    expect(provenance.attempts.every((a) => a.sources.join() === 'search')).toBe(true)
    const noise = log.taskResult(runId, 'noise')!
    expect(noise.tttSteps).toBe(2)
    // The tiny untrained model may decode nothing well-formed; that TTT ran and decoded is what counts here.
    expect(noise.outputs[0]!.provenance).toMatchObject({ tttRan: true, explainingAnswers: 0, ttt: { prompts: 1 } })
    log.close()
  })

  it("search-first-split shares the attempts where no program explains every demonstration: the search's best, then TTT's", async () => {
    const { log, runId } = await runOn([mirrorTask('mirror'), noiseTask('noise')], 'ensemble-search-first-split', {
      ...FAST_TTT,
      'inference.maxNewTokens': 64
    })
    const mirror = log.taskResult(runId, 'mirror')!.outputs[0]!.provenance as { tttRan: boolean; attempts: { sources: string[] }[] }
    expect(mirror.tttRan).toBe(false)
    expect(mirror.attempts.map((a) => a.sources.join())).toEqual(['search', 'search'])
    const noise = log.taskResult(runId, 'noise')!
    const provenance = noise.outputs[0]!.provenance as { why: string; attempts: { sources: string[]; program: string | null }[] }
    const bestPartial = noise.candidates.find((c) => c.source === 'search')!
    expect(provenance.why).toMatch(/best partial answer, then TTT/)
    expect(provenance.attempts[0]!.program).toBe(bestPartial.program)
    expect(provenance.attempts[1]!.sources).toContain('ttt')
    log.close()
  })

  it('ttt-first takes TTT\'s attempts even where a program explains the demonstrations', async () => {
    const { log, runId } = await runOn([mirrorTask('mirror')], 'ensemble-ttt-first', FAST_TTT)
    const provenance = log.taskResult(runId, 'mirror')!.outputs[0]!.provenance as { tttRan: boolean; attempts: { sources: string[] }[] }
    expect(provenance.tttRan).toBe(true)
    // TTT's attempts first; a second slot TTT leaves empty is filled with the search's.
    expect(provenance.attempts).toHaveLength(2)
    expect(provenance.attempts[0]!.sources.includes('ttt') || provenance.attempts[0]!.sources.includes('search')).toBe(true)
    log.close()
  })

  it('poe scores the pooled candidates of both solvers and takes the two lowest summed NLLs', async () => {
    const { log, runId } = await runOn([mirrorTask('mirror')], 'ensemble-poe', { ...FAST_TTT, 'ensemble.tttOn': 'every-task' })
    const result = log.taskResult(runId, 'mirror')!
    const scored = result.candidates.filter((c) => c.score !== null)
    expect(scored.some((c) => c.source === 'search') && scored.some((c) => c.source === 'ttt')).toBe(true)
    const lowest = Math.min(...scored.map((c) => c.score!))
    const first = result.outputs[0]!.provenance as { attempts: { score: number }[] }
    expect(first.attempts[0]!.score).toBeCloseTo(lowest)
    log.close()
  })
})

describe('when the ensemble needs TTT', () => {
  const candidate = (explains: number, value: number): SearchCandidate => ({ grid: [[value]], program: `p${value}`, explains, demos: 3, depth: 1, cost: 1 })
  const outcome = (...candidates: SearchCandidate[]): SearchOutcome => ({
    testIndex: 0, attempts: candidates.slice(0, 2).map((c) => c.grid), candidates,
    stats: { states: 1, seconds: 0, phases: {}, stoppedBy: 'done', depthReached: 1 }
  })
  const config = (rule: string, tttOn = 'undecided') => resolveConfig('ensemble', { 'ensemble.rule': rule, 'ensemble.tttOn': tttOn })
  const none = outcome(candidate(2, 1))
  const one = outcome(candidate(3, 1), candidate(1, 2))
  const three = outcome(candidate(3, 1), candidate(3, 2), candidate(3, 3))

  it('counts only programs that explain every demonstration', () => {
    expect(explainingAnswers(one).map((c) => c.program)).toEqual(['p1'])
  })

  it('follows the rule and the compute key', () => {
    expect([none, one, three].map((o) => needsTtt(config('search-first'), [o]))).toEqual([true, false, false])
    expect([none, one, three].map((o) => needsTtt(config('search-first-split'), [o]))).toEqual([true, false, false])
    expect([none, one, three].map((o) => needsTtt(config('poe'), [o]))).toEqual([true, false, true])
    expect([none, one, three].map((o) => needsTtt(config('poe-second'), [o]))).toEqual([true, false, true])
    expect([none, one, three].map((o) => needsTtt(config('ttt-first'), [o]))).toEqual([true, true, true])
    expect(needsTtt(config('search-first', 'every-task'), [one])).toBe(true)
    expect([none, one, three].map((o) => needsTtt(config('poe', 'choice'), [o]))).toEqual([false, false, true])
  })
})
