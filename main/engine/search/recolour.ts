// Colour maps learned from the demonstrations. Many tasks recolour an intermediate image: each
// colour becomes another (several may become the same one). A piece whose demonstration images all
// have the outputs' sizes is checked for one colour table (piece colour -> output colour) shared by
// every demonstration, cell by cell; if one exists, `recolour(p, {1->4, 2->5})` is an exact program.
//
// Test colours the demonstrations never showed have no learned image. Guessing one (keeping it, say)
// turns a program into a coin toss on the test input, so such candidates are rejected: the safe rule.
import type { Found } from './found'
import type { Image } from './image'
import type { LockstepGraph } from './lockstep'
import type { Size } from './output-size'
import { sizeFits } from './pieces'

const UNSEEN = 255
/** Extra cost of a learned map over a plain program, so equal programs without one rank first. */
export const RECOLOUR_COST = 2

/**
 * Whether some source colour occurs in two demonstrations or more, so that the map was confirmed at
 * least once rather than read off: with 1x1 outputs and a new colour per demonstration, any piece
 * "maps" onto the outputs (measured: such maps cost a task on ARC-AGI-1 training).
 */
function confirmed(images: readonly Image[], demos: number): boolean {
  let everSeen = 0
  for (let g = 0; g < demos; g++) {
    let seen = 0
    const cells = images[g]!.cells
    for (let i = 0; i < cells.length; i++) seen |= 1 << cells[i]!
    if (seen & everSeen) return true
    everSeen |= seen
  }
  return false
}

/**
 * The one colour table mapping every `images[g]` cell to `targets[g]` (same sizes assumed), UNSEEN
 * where a colour never occurs; null when a colour would need two images. `table` is reused scratch.
 */
export function learnColourMap(images: readonly Image[], targets: readonly Image[], table = new Uint8Array(10)): Uint8Array | null {
  table.fill(UNSEEN)
  for (let g = 0; g < targets.length; g++) {
    const source = images[g]!.cells
    const target = targets[g]!.cells
    for (let i = 0; i < target.length; i++) {
      const from = source[i]!
      const to = target[i]!
      const known = table[from]!
      if (known === to) continue
      if (known !== UNSEEN) return null
      table[from] = to
    }
  }
  return table
}

function isIdentity(table: Uint8Array): boolean {
  for (let c = 0; c < table.length; c++) if (table[c] !== UNSEEN && table[c] !== c) return false
  return true
}

/** `image` under `table`; null if it holds a colour the table does not map (see the file's comment). */
export function applyColourMap(image: Image, table: Uint8Array): Image | null {
  const cells = new Uint8Array(image.cells.length)
  for (let i = 0; i < cells.length; i++) {
    const to = table[image.cells[i]!]!
    if (to === UNSEEN) return null
    cells[i] = to
  }
  return { x: image.x, y: image.y, w: image.w, h: image.h, cells }
}

export function colourMapText(table: Uint8Array): string {
  const pairs: string[] = []
  for (let c = 0; c < table.length; c++) if (table[c] !== UNSEEN && table[c] !== c) pairs.push(`${c}->${table[c]}`)
  return `{${pairs.join(', ')}}`
}

/**
 * Every piece that a non-identity colour map turns into all demonstration outputs, as an exact
 * program. Pieces are deduplicated by their demonstration images' hash in the graph already, so
 * this is one pass over each piece's cells, stopping at its first contradiction.
 */
export function recolouredPieces(graph: LockstepGraph, targets: readonly Image[], testSize: Size | null): Found[] {
  const demos = targets.length
  const found: Found[] = []
  const table = new Uint8Array(10)
  for (const index of graph.pieces) {
    const node = graph.nodes[index]!
    if (!learnColourMap(node.values as Image[], targets, table) || isIdentity(table)) continue
    if (!confirmed(node.values as Image[], demos)) continue
    const answer = applyColourMap(node.values[demos] as Image, table)
    if (!answer) continue
    found.push({
      answer,
      program: `recolour(${graph.programText(index)}, ${colourMapText(table)})`,
      explains: demos,
      depth: node.depth,
      cost: node.cost + RECOLOUR_COST,
      layers: 1,
      sizeFits: sizeFits(answer, testSize),
      learned: true,
      order: index
    })
  }
  return found
}
