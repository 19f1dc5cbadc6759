// One test input, searched on this thread: colours normalised, output size predicted, the lockstep
// graph built to the depth limit (or until a budget stops it), pieces checked against the
// demonstrations, a greedy composition of partial pieces, and the distinct answers ranked.
import type { Task } from '../arc/types'
import { BudgetWatch } from './budget'
import { colourMapOf, denormalise, normaliseTask } from './colours'
import { composeGreedy } from './compose'
import { DSL } from './dsl/table'
import type { Transform } from './dsl/transform'
import type { Found } from './found'
import { fromGrid, toGrid, type Image } from './image'
import { LockstepGraph } from './lockstep'
import { MAX_STORED_CELLS, type SearchOptions, type SearchOutcome } from './options'
import { predictOutputSizes, type Size } from './output-size'
import { programSizeRules } from './output-size-by-program'
import { piecesAsAnswers } from './pieces'
import { markDegenerate, rankDistinct } from './rank'
import { recolouredPieces } from './recolour'
import { learnedAnswers } from './learned'

/**
 * Shares of the time limit by which the search stops expanding its graph and composing; the rest is
 * left for ranking. (A second pass on the transposed task, answers transposed back, was measured on
 * ARC-AGI-1 training: it explained no more test inputs with this DSL, whose transforms come in every
 * direction, and cost time; so there is one pass.)
 */
const EXPAND_BY = 0.85
const COMPOSE_BY = 0.97
/** Greedy composition limits: pieces considered (cheapest first) and layers stacked. */
const COMPOSE_LIMITS = { maxPieces: 6000, maxLayers: 10 }

function validate(options: SearchOptions): void {
  const bad = (name: string, value: number, min: number) => {
    if (!Number.isFinite(value) || value < min) throw new RangeError(`search option ${name} must be a number >= ${min}, got ${value}`)
  }
  bad('depth', options.depth, 0)
  bad('timeSeconds', options.timeSeconds, 0)
  bad('maxStates', options.maxStates, 1)
  bad('maxCandidates', options.maxCandidates, 1)
}

/** One grid set searched: demonstration inputs and outputs, and the test input. */
interface View {
  readonly demoInputs: readonly Image[]
  readonly targets: readonly Image[]
  readonly testInput: Image
}

interface PassResult {
  readonly found: Found[]
  readonly states: number
  readonly cells: number
  readonly depthReached: number
  readonly stoppedBy: BudgetWatch['stoppedBy']
}

/** One lockstep search over `view` with its pieces and compositions; laps its phases. */
function searchPass(
  view: View,
  options: SearchOptions,
  dsl: readonly Transform[],
  deadlines: { readonly expand: number; readonly compose: number },
  lap: (phase: string) => void
): PassResult {
  const { demoInputs, targets, testInput } = view
  const measured = predictOutputSizes(demoInputs, targets, testInput)
  const sizeRules = measured.length > 0 ? measured : programSizeRules(dsl, demoInputs, targets, testInput)
  const testSize: Size | null = sizeRules[0]?.size ?? null
  lap('size')
  const watch = new BudgetWatch({
    maxStates: options.maxStates,
    maxCells: MAX_STORED_CELLS,
    deadline: deadlines.expand,
    ...(options.signal ? { signal: options.signal } : {})
  })
  const graph = new LockstepGraph(
    { dsl, inputs: [...demoInputs, testInput], outputSizes: [...targets.map((t) => ({ w: t.w, h: t.h })), testSize], depth: options.depth },
    watch
  )
  graph.run()
  lap('expand')
  const found: Found[] = piecesAsAnswers(graph, targets, testSize)
  lap('pieces')
  if (watch.stoppedBy !== 'cancelled') found.push(...recolouredPieces(graph, targets, testSize))
  lap('recolour')
  if (watch.stoppedBy !== 'cancelled') found.push(...learnedAnswers(graph, targets, testSize, deadlines.compose))
  lap('learned')
  if (testSize && watch.stoppedBy !== 'cancelled') found.push(...composeGreedy(graph, targets, testSize, COMPOSE_LIMITS, deadlines.compose))
  lap('compose')
  // A size guessed from what other programs make is good for canvases, not for ranking answers.
  if (measured.length === 0) for (let i = 0; i < found.length; i++) if (!found[i]!.sizeFits) found[i] = { ...found[i]!, sizeFits: true }
  return { found, states: graph.nodes.length, cells: graph.cells, depthReached: graph.depthReached, stoppedBy: watch.stoppedBy }
}

/** Searches for programs for test input `testIndex` of `task`; `dsl` is the transform table (the full DSL by default). */
export function solveTestInput(task: Task, testIndex: number, options: SearchOptions, dsl: readonly Transform[] = DSL): SearchOutcome {
  validate(options)
  if (!task.test[testIndex]) throw new RangeError(`task ${task.id} has no test input ${testIndex}`)
  const start = performance.now()
  const phases: Record<string, number> = {}
  let mark = start
  const lap = (phase: string) => {
    const now = performance.now()
    phases[phase] = (phases[phase] ?? 0) + (now - mark) / 1000
    mark = now
  }

  const colours = colourMapOf(task)
  const normal = normaliseTask(task, colours)
  const view: View = {
    demoInputs: normal.train.map((p) => fromGrid(p.input)),
    targets: normal.train.map((p) => fromGrid(p.output)),
    testInput: fromGrid(normal.test[testIndex]!.input)
  }
  const demos = view.targets.length
  lap('colours')

  const ms = options.timeSeconds * 1000
  const result = searchPass(view, options, dsl, { expand: start + ms * EXPAND_BY, compose: start + ms * COMPOSE_BY }, lap)
  const found = markDegenerate(result.found, view.demoInputs, view.targets, view.testInput)

  const ranked = rankDistinct(found, options.maxCandidates)
  const candidates = ranked.map((f) => ({
    grid: denormalise(toGrid(f.answer), colours),
    program: f.program,
    explains: f.explains,
    demos,
    depth: f.depth,
    cost: f.cost
  }))
  lap('rank')
  return {
    testIndex,
    attempts: candidates.slice(0, 2).map((c) => c.grid),
    candidates,
    stats: {
      states: result.states,
      seconds: (performance.now() - start) / 1000,
      phases,
      stoppedBy: result.stoppedBy,
      depthReached: result.depthReached,
      peakBytes: result.cells
    }
  }
}
