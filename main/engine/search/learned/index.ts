// Rules learned from the demonstrations rather than composed from the DSL: local cell rules, objects
// recoloured by a property, and two images combined cell by cell through a learned table. They are
// learned over the shallow pieces of the search graph (the input itself, and every one-transform
// image of the outputs' sizes), so `local_rule(tile(x, 2, 2), neighbours4)` is one such program.
// Each rule that explains every demonstration and covers the test input is a candidate answer,
// ranked as a learned program (rank.ts).
import type { Found } from '../found'
import type { Image } from '../image'
import type { LockstepGraph } from '../lockstep'
import type { Size } from '../output-size'
import { sizeFits } from '../pieces'
import { cellPairAnswers, type PairSource } from './cell-pairs'
import { localRuleAnswers } from './local-rule'
import { objectRecolourAnswers } from './object-recolour'

/** Discovery order of learned answers: after every graph node, so plain programs win exact ties. */
const ORDER_BASE = 1e9
/** Cost of an object recolouring: a cut, a property and a table. */
const OBJECT_RECOLOUR_COST = 4
/** Deepest pieces the rules are learned over: each level multiplies the sources by the DSL's size. */
const MAX_SOURCE_DEPTH = 1

export function learnedAnswers(graph: LockstepGraph, targets: readonly Image[], testSize: Size | null, deadline: number): Found[] {
  const demos = targets.length
  const found: Found[] = []
  const pairSources: PairSource[] = []
  const add = (a: { program: string; answer: Image; cost: number; layers: number }, depth: number) =>
    found.push({
      answer: a.answer,
      program: a.program,
      explains: demos,
      depth,
      cost: a.cost,
      layers: a.layers,
      sizeFits: sizeFits(a.answer, testSize),
      learned: true,
      order: ORDER_BASE + found.length
    })
  for (const index of graph.pieces) {
    const node = graph.nodes[index]!
    if (node.depth > MAX_SOURCE_DEPTH) continue
    if (performance.now() > deadline) break
    const sources = node.values.slice(0, demos) as Image[]
    const testSource = node.values[demos] as Image
    const source = graph.programText(index)
    pairSources.push({ demos: sources, test: testSource, program: source, cost: node.cost })
    const answers = [
      ...objectRecolourAnswers(sources, targets, testSource, source).map((a) => ({
        ...a,
        cost: OBJECT_RECOLOUR_COST + a.split,
        layers: 1
      })),
      ...localRuleAnswers(sources, targets, testSource).map((a) => ({
        program: `local_rule(${source}, ${a.name})`,
        answer: a.answer,
        cost: a.cost,
        layers: a.unseenKept ? 2 : 1
      }))
    ]
    for (const a of answers) add({ ...a, cost: node.cost + a.cost }, node.depth + 1)
  }
  if (performance.now() < deadline) {
    for (const a of cellPairAnswers(pairSources, targets)) add({ ...a, layers: 1 }, MAX_SOURCE_DEPTH + 1)
  }
  return found
}
