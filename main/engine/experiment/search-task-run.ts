// One task of a `solver=search` run: the program search on every test input, scoring where the outputs
// are known, and the record for the log. Every candidate keeps the program that produced it and how
// many demonstrations that program reproduces; the attempts are the best two distinct answers.
import { gridsEqual } from '../arc/grid'
import type { Task } from '../arc/types'
import { solveTask, type SearchCandidate, type SearchOptions, type SearchOutcome } from '../search'
import type { CandidateRecord, TestOutputResult } from '../store'
import { CancelledError } from '../ttt/adapt/train-on-examples'
import type { ExperimentConfig } from './config'
import type { TaskRunOutcome } from './task-run'
import { attemptsCorrect, doneTaskResult } from './task-score'

/** The search options of a config. */
export function searchOptions(config: ExperimentConfig, signal?: AbortSignal): SearchOptions & { readonly workers: number } {
  const s = config.search
  return {
    depth: s.depth,
    timeSeconds: s.timeSeconds,
    maxStates: s.maxStates,
    maxCandidates: s.maxCandidates,
    workers: s.workers,
    ...(signal ? { signal } : {})
  }
}

/** A search answer as the log keeps it: its program and the demonstrations it reproduces. */
export function searchCandidateRecord(testIndex: number, c: SearchCandidate, score: number | null): CandidateRecord {
  const base = { testIndex, grid: c.grid, transforms: [], promptIds: [], votes: 0, score }
  return { ...base, source: 'search', program: c.program, demosExplained: c.explains, demos: c.demos }
}

/** What the log keeps of how one test output's attempts were found. */
function searchProvenance(outcome: SearchOutcome) {
  const attempts = outcome.attempts.map((grid) => outcome.candidates.find((c) => gridsEqual(c.grid, grid)))
  return {
    method: 'search',
    attempts: attempts.map((c) => ({
      program: c?.program ?? null,
      demosExplained: c?.explains ?? null,
      demos: c?.demos ?? null,
      depth: c?.depth ?? null
    })),
    candidates: outcome.candidates.length,
    states: outcome.stats.states,
    depthReached: outcome.stats.depthReached,
    stoppedBy: outcome.stats.stoppedBy,
    reason: outcome.attempts.length === 0 ? 'no program produced an answer of the predicted size' : null
  }
}

export async function runSearchTask(task: Task, config: ExperimentConfig, signal?: AbortSignal): Promise<TaskRunOutcome> {
  const start = performance.now()
  const outcomes = await solveTask(task, searchOptions(config, signal))
  // A search stopped by cancellation keeps partial answers: they are not this config's results.
  if (signal?.aborted) throw new CancelledError()
  const seconds = (performance.now() - start) / 1000
  const outputs: TestOutputResult[] = []
  const candidates: CandidateRecord[] = []
  const timings: Record<string, number> = { search: seconds }
  for (const outcome of outcomes) {
    const truth = task.test[outcome.testIndex]!.output
    outputs.push({
      testIndex: outcome.testIndex,
      attempts: outcome.attempts,
      correct: attemptsCorrect(outcome.attempts, truth),
      provenance: searchProvenance(outcome)
    })
    for (const c of outcome.candidates) candidates.push(searchCandidateRecord(outcome.testIndex, c, null))
    for (const [phase, value] of Object.entries(outcome.stats.phases))
      timings[`search.${phase}`] = (timings[`search.${phase}`] ?? 0) + value
  }
  return { result: doneTaskResult(task.id, { outputs, candidates, timings }) }
}
