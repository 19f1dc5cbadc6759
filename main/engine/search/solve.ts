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
import { fromGrid, toGrid } from './image'
import { LockstepGraph } from './lockstep'
import { MAX_STORED_CELLS, type SearchOptions, type SearchOutcome } from './options'
import { predictOutputSizes } from './output-size'
import { piecesAsAnswers } from './pieces'
import { rankDistinct } from './rank'

/** Share of the time limit the graph may use; the rest is left for pieces, composition and ranking. */
const EXPANSION_SHARE = 0.85
/** Share of the time limit by which composition stops taking pieces and layers. */
const COMPOSE_SHARE = 0.97
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
  const demoInputs = normal.train.map((p) => fromGrid(p.input))
  const targets = normal.train.map((p) => fromGrid(p.output))
  const testInput = fromGrid(normal.test[testIndex]!.input)
  lap('colours')

  const sizeRules = predictOutputSizes(demoInputs, targets, testInput)
  const testSize = sizeRules[0]?.size ?? null
  lap('size')

  const watch = new BudgetWatch({
    maxStates: options.maxStates,
    maxCells: MAX_STORED_CELLS,
    deadline: start + options.timeSeconds * 1000 * EXPANSION_SHARE,
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
  if (testSize && watch.stoppedBy !== 'cancelled') {
    found.push(...composeGreedy(graph, targets, testSize, COMPOSE_LIMITS, start + options.timeSeconds * 1000 * COMPOSE_SHARE))
  }
  lap('compose')

  const ranked = rankDistinct(found, options.maxCandidates)
  const candidates = ranked.map((f) => ({
    grid: denormalise(toGrid(f.answer), colours),
    program: f.program,
    explains: f.explains,
    demos: targets.length,
    depth: f.depth,
    cost: f.cost
  }))
  lap('rank')
  return {
    testIndex,
    attempts: candidates.slice(0, 2).map((c) => c.grid),
    candidates,
    stats: {
      states: graph.nodes.length,
      seconds: (performance.now() - start) / 1000,
      phases,
      stoppedBy: watch.stoppedBy,
      depthReached: graph.depthReached,
      peakBytes: graph.cells
    }
  }
}
