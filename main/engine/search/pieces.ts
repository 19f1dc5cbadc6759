// Single pieces as answers: an image node whose demonstration images reproduce the demonstration
// outputs is a program. Pieces that reproduce only some demonstrations are kept as partial answers
// (they rank below every complete one).
import type { Found } from './found'
import { sameCells, type Image } from './image'
import type { LockstepGraph } from './lockstep'
import type { Size } from './output-size'

/** Demonstrations whose output the node's image reproduces exactly. */
export function demosExplained(values: readonly unknown[], targets: readonly Image[]): number {
  let n = 0
  for (let g = 0; g < targets.length; g++) if (sameCells(values[g] as Image, targets[g]!)) n++
  return n
}

export function sizeFits(image: Image, testSize: Size | null): boolean {
  return testSize === null || (image.w === testSize.w && image.h === testSize.h)
}

/** Every piece that reproduces at least one demonstration, as an answer with its program. */
export function piecesAsAnswers(graph: LockstepGraph, targets: readonly Image[], testSize: Size | null): Found[] {
  const found: Found[] = []
  for (const index of graph.pieces) {
    const node = graph.nodes[index]!
    const explains = demosExplained(node.values, targets)
    if (explains === 0) continue
    const answer = node.values[targets.length] as Image
    found.push({
      answer,
      program: graph.programText(index),
      explains,
      depth: node.depth,
      cost: node.cost,
      layers: 1,
      sizeFits: sizeFits(answer, testSize),
      order: index
    })
  }
  return found
}
