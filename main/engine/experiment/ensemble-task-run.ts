// One task of a `solver=ensemble` run: the program search first, then TTT where the rule needs it,
// then the attempts by `ensemble.rule`:
// - search-first (the paper's rule): where a program explains every demonstration, the search's two
//   attempts; elsewhere TTT's;
// - search-first-split: the same, but where no program explains every demonstration the attempts are
//   shared: the search's best partial answer, then TTT's first (on ARC-AGI-1 training the search's
//   first partial answer is right for 4 of 128 such test outputs, its second for none);
// - ttt-first (for comparison): TTT's attempts; the search's where TTT has none;
// - poe: the search's answers (of programs explaining every demonstration) and TTT's most-voted
//   candidates pooled, each scored by the task-adapted model's summed NLL over augmented views
//   (product of experts, as `vote-poe`), the lowest two taken;
// - poe-second: where more than two programs explain every demonstration, the search's first answer,
//   then, of the other answers of such programs, the one of lowest summed NLL under the adapted model;
//   elsewhere as search-first-split.
// A rule never leaves an attempt unused: fewer than two are topped up with the search's attempts.
// Every candidate and attempt records which solver proposed it, its program or TTT provenance and score.
// The model enters through `EnsembleModel` (adapt, predict, score): the ARC transformer's here, a
// Hugging Face model's in model/hf/adapt/ensemble-model.ts.
import { gridKey } from '../arc/grid'
import type { Grid, Task } from '../arc/types'
import { deriveSeed } from '../random'
import { solveTask, type SearchCandidate, type SearchOutcome } from '../search'
import type { CandidateRecord, TestOutputResult } from '../store'
import { CancelledError } from '../ttt/adapt/train-on-examples'
import type { Candidate } from '../ttt/predict/candidates'
import { fittingPrompts, predictOutput, type OutputPrediction } from '../ttt/predict/predict-output'
import { rescoreByProductOfExperts } from '../ttt/predict/product-of-experts'
import type { ExperimentConfig } from './config'
import type { RunPhase } from './events'
import { searchCandidateRecord, searchOptions } from './search-task-run'
import { adaptToTask, phaseTimer, type Adaptation, type TaskRunContext, type TaskRunOutcome } from './task-run'
import { attemptsCorrect, doneTaskResult } from './task-score'

/** One distinct grid of the pool, with what each solver said of it. */
interface PoolEntry {
  readonly grid: Grid
  search: SearchCandidate | null
  ttt: Candidate | null
  score: number | null
}

/** What the ensemble asks of a model family; its task's prompts are seeded as `promptSeed` says. */
export interface EnsembleModel {
  /** Test-time training on the task as the config says (none: the base weights), leaving the result as the weights used next. */
  adapt(task: Task, timings: Record<string, number>): Promise<Omit<Adaptation, 'weights'>>
  /** Augmented inference of one test input with the current weights: candidates, votes, attempts. */
  predict(task: Task, testIndex: number): Promise<OutputPrediction>
  /** Each grid's summed NLL over up to `vote.poeViews` augmented views of the test input; null where no prompt fits. */
  score(task: Task, testIndex: number, grids: readonly Grid[]): Promise<number[] | null>
}

export interface EnsembleContext {
  readonly config: ExperimentConfig
  readonly model: EnsembleModel
  readonly signal?: AbortSignal
  readonly onPhase: (phase: RunPhase) => void
}

/** The seed of a test input's augmented prompts: the same for prediction and scoring, in every model family. */
export const promptSeed = (config: ExperimentConfig, task: Task, testIndex: number): number =>
  deriveSeed(config.seed, task.id, 'prompts', testIndex)

/** Grids as candidates without TTT provenance, for a product-of-experts scorer. */
export const unscoredCandidates = (grids: readonly Grid[]): Candidate[] =>
  grids.map((grid) => ({ grid, transforms: [], promptIds: [], count: 0, score: null }))

/** The ARC transformer's adapt, predict and score over the run's sessions and train graphs. */
export function arcEnsembleModel(context: TaskRunContext): EnsembleModel {
  const { config, sessions } = context
  return {
    async adapt(task, timings) {
      const adaptation = await adaptToTask(task, context, timings)
      sessions.setWeights(adaptation.weights)
      return adaptation
    },
    predict: (task, testIndex) => predictOutput(task, testIndex, sessions, config, promptSeed(config, task, testIndex)),
    async score(task, testIndex, grids) {
      const { prompts } = fittingPrompts(task, testIndex, sessions, config, promptSeed(config, task, testIndex))
      if (prompts.length === 0) return null
      const candidates = unscoredCandidates(grids)
      await rescoreByProductOfExperts(candidates, prompts, config.vote.poeViews, sessions, config.inference.batchSize)
      return candidates.map((c) => c.score!)
    }
  }
}

/** Answers of programs that reproduce every demonstration, best first. */
export function explainingAnswers(outcome: SearchOutcome): SearchCandidate[] {
  return outcome.candidates.filter((c) => c.explains === c.demos && c.demos > 0)
}

/** Whether the rule needs TTT on this task, given what the search found for each test input. */
export function needsTtt(config: ExperimentConfig, searched: readonly SearchOutcome[]): boolean {
  const { rule, tttOn } = config.ensemble
  if (rule === 'ttt-first' || tttOn === 'every-task') return true
  const counts = searched.map((o) => explainingAnswers(o).length)
  if (tttOn === 'choice') return counts.some((n) => n > 2)
  return rule === 'poe' || rule === 'poe-second' ? counts.some((n) => n === 0 || n > 2) : counts.some((n) => n === 0)
}

function pool(search: readonly SearchCandidate[], ttt: readonly Candidate[]): PoolEntry[] {
  const byKey = new Map<string, PoolEntry>()
  for (const c of search) if (!byKey.has(gridKey(c.grid))) byKey.set(gridKey(c.grid), { grid: c.grid, search: c, ttt: null, score: null })
  for (const c of ttt) {
    const entry = byKey.get(gridKey(c.grid))
    if (entry) entry.ttt = c
    else byKey.set(gridKey(c.grid), { grid: c.grid, search: null, ttt: c, score: null })
  }
  return [...byKey.values()]
}

/** Ranks the pool by summed NLL under the (adapted) model; the entries get their scores. */
async function rankByProductOfExperts(entries: PoolEntry[], task: Task, testIndex: number, model: EnsembleModel): Promise<PoolEntry[]> {
  if (entries.length === 0) return entries
  const scores = await model.score(task, testIndex, entries.map((e) => e.grid))
  if (!scores) return entries
  entries.forEach((e, i) => (e.score = scores[i]!))
  return [...entries].sort((a, b) => a.score! - b.score!)
}

/** The first two distinct entries of `first`, topped up from `then`: a rule never leaves an attempt unused. */
function topTwo(first: readonly PoolEntry[], then: readonly PoolEntry[]): PoolEntry[] {
  const chosen: PoolEntry[] = []
  for (const entry of [...first, ...then]) {
    if (chosen.length < 2 && !chosen.some((c) => gridKey(c.grid) === gridKey(entry.grid))) chosen.push(entry)
  }
  return chosen
}

interface Choice {
  readonly attempts: PoolEntry[]
  readonly pooled: PoolEntry[]
  readonly why: string
}

async function choose(task: Task, outcome: SearchOutcome, prediction: OutputPrediction | null, context: EnsembleContext): Promise<Choice> {
  const { rule, poolSize } = context.config.ensemble
  const explaining = explainingAnswers(outcome)
  const tttCandidates = prediction ? [...prediction.candidates].sort((a, b) => b.count - a.count).slice(0, poolSize) : []
  const tttAttempts = prediction
    ? pool(
        [],
        prediction.attempts.map((grid) => prediction.candidates.find((c) => gridKey(c.grid) === gridKey(grid))!)
      )
    : []
  const searchAttempts = pool(
    outcome.attempts.map((grid) => outcome.candidates.find((c) => gridKey(c.grid) === gridKey(grid))!),
    []
  )
  const searchPool = explaining.slice(0, poolSize)
  const pooled = pool(searchPool, tttCandidates)
  if (rule === 'poe-second' && explaining.length > 2 && prediction && searchAttempts.length > 0) {
    // TTT's own decodes are left out of the choice: they are the model's likeliest outputs, so its NLL
    // prefers them to any other grid (ARC-AGI-1 training, 39a8645d: 30 against 89 for the right answer).
    const ranked = await rankByProductOfExperts(pool(searchPool, []), task, outcome.testIndex, context.model)
    const first = ranked.find((e) => gridKey(e.grid) === gridKey(searchAttempts[0]!.grid)) ?? searchAttempts[0]!
    const why = "more than two programs explain every demonstration: the search's first answer, then its other answer of lowest summed NLL"
    return { attempts: topTwo([first, ...ranked], searchAttempts), pooled: ranked, why }
  }
  if (rule === 'search-first' || rule === 'search-first-split' || rule === 'poe-second') {
    if (explaining.length > 0)
      return { attempts: searchAttempts, pooled, why: "a program explains every demonstration: the search's attempts" }
    if (rule !== 'search-first' && tttAttempts.length > 0 && searchAttempts.length > 0) {
      const why = "no program explains every demonstration: the search's best partial answer, then TTT's first attempt"
      return { attempts: topTwo([searchAttempts[0]!, ...tttAttempts], searchAttempts), pooled, why }
    }
    if (tttAttempts.length > 0)
      return { attempts: topTwo(tttAttempts, searchAttempts), pooled, why: "no program explains every demonstration: TTT's attempts" }
    return { attempts: searchAttempts, pooled, why: "neither solver fully explains the task: the search's best partial programs" }
  }
  if (rule === 'ttt-first') {
    if (tttAttempts.length > 0) return { attempts: topTwo(tttAttempts, searchAttempts), pooled, why: "TTT's attempts" }
    return { attempts: searchAttempts, pooled, why: "TTT made no prediction: the search's attempts" }
  }
  if (!prediction) return { attempts: searchAttempts, pooled, why: "the search leaves no choice (TTT not run): the search's attempts" }
  if (pooled.length === 0) return { attempts: searchAttempts, pooled, why: "an empty pool: the search's best partial programs" }
  const ranked = await rankByProductOfExperts(pooled, task, outcome.testIndex, context.model)
  return { attempts: topTwo(ranked, searchAttempts), pooled: ranked, why: 'the pool ranked by summed NLL over augmented views' }
}

function attemptProvenance(entry: PoolEntry) {
  return {
    sources: [...(entry.search ? ['search'] : []), ...(entry.ttt ? ['ttt'] : [])],
    program: entry.search?.program ?? null,
    demosExplained: entry.search?.explains ?? null,
    demos: entry.search?.demos ?? null,
    votes: entry.ttt?.count ?? null,
    transforms: entry.ttt?.transforms ?? [],
    score: entry.score
  }
}

function candidateRecords(
  testIndex: number,
  outcome: SearchOutcome,
  prediction: OutputPrediction | null,
  scored: readonly PoolEntry[]
): CandidateRecord[] {
  const scoreOf = new Map(scored.filter((e) => e.score !== null).map((e) => [gridKey(e.grid), e.score]))
  const fromSearch = outcome.candidates.map((c) => searchCandidateRecord(testIndex, c, scoreOf.get(gridKey(c.grid)) ?? null))
  const fromTtt = (prediction?.candidates ?? []).map((c): CandidateRecord => ({
    testIndex,
    grid: c.grid,
    transforms: c.transforms,
    promptIds: c.promptIds,
    votes: c.count,
    score: scoreOf.get(gridKey(c.grid)) ?? c.score,
    source: 'ttt'
  }))
  return [...fromSearch, ...fromTtt]
}

/** An ensemble task with the bundled ARC transformer (the runner's entry). */
export function runEnsembleTask(task: Task, context: TaskRunContext): Promise<TaskRunOutcome> {
  const { config, signal, onPhase } = context
  return runEnsembleWith(task, { config, model: arcEnsembleModel(context), onPhase, ...(signal ? { signal } : {}) })
}

/** An ensemble task with any model family's adapt, predict and score. */
export async function runEnsembleWith(task: Task, context: EnsembleContext): Promise<TaskRunOutcome> {
  const { config } = context
  const timings: Record<string, number> = {}
  const time = phaseTimer(timings)
  context.onPhase('search')
  const searched = await time('search', () => solveTask(task, searchOptions(config, context.signal)))
  if (context.signal?.aborted) throw new CancelledError()
  let adaptation: Omit<Adaptation, 'weights'> | null = null
  const predictions: (OutputPrediction | null)[] = searched.map(() => null)
  if (needsTtt(config, searched)) {
    adaptation = await context.model.adapt(task, timings)
    context.onPhase('inference')
    for (const [i, outcome] of searched.entries()) {
      predictions[i] = await time('inference', () => context.model.predict(task, outcome.testIndex))
    }
  }
  const outputs: TestOutputResult[] = []
  const candidates: CandidateRecord[] = []
  for (const [i, outcome] of searched.entries()) {
    const prediction = predictions[i]!
    const choice = await time('ensemble', () => choose(task, outcome, prediction, context))
    const attempts = choice.attempts.slice(0, 2).map((e) => e.grid)
    outputs.push({
      testIndex: outcome.testIndex,
      attempts,
      correct: attemptsCorrect(attempts, task.test[outcome.testIndex]!.output),
      provenance: {
        method: 'ensemble',
        rule: config.ensemble.rule,
        why: choice.why,
        tttRan: prediction !== null,
        explainingAnswers: explainingAnswers(outcome).length,
        pool: choice.pooled.length,
        attempts: choice.attempts.slice(0, 2).map(attemptProvenance),
        search: { states: outcome.stats.states, stoppedBy: outcome.stats.stoppedBy, depthReached: outcome.stats.depthReached },
        ttt: prediction ? { prompts: prediction.prompts, undecodable: prediction.undecodable, reason: prediction.reason ?? null } : null,
        reason: attempts.length === 0 ? 'neither solver produced an answer' : null
      }
    })
    candidates.push(...candidateRecords(outcome.testIndex, outcome, prediction, choice.pooled))
  }
  const result = doneTaskResult(task.id, {
    outputs,
    candidates,
    timings,
    tttSteps: adaptation?.tttSteps ?? 0,
    finalLoss: adaptation?.finalLoss ?? null
  })
  return { result, ...(adaptation?.adapters ? { adapters: adaptation.adapters } : {}) }
}
