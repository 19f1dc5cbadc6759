// The lockstep search graph. One search runs over every demonstration input and the test input at
// once: a node holds one value per grid (demonstrations first, the test input last), and an edge is
// one DSL transform applied to every grid of the node (dropped if it fails on any). Nodes are
// deduplicated by a hash over all their grids. Breadth-first to a depth limit; each node keeps its
// parent and transform so its program prints as nested calls.
//
// Depth counts the transforms that produce an image or list from a list or image, except that cutting
// an image into a list is free: `crop(largest(cut(x)))` is depth 2, the way a single "largest object"
// function would be. A list made at depth d is expanded in the same round as the images of depth d.
import { BudgetWatch } from './budget'
import { hashValues, sameValues } from './hash'
import { isList, type Image, type Value } from './image'
import type { Size } from './output-size'
import { callText, type Transform, type TransformContext } from './dsl/transform'

export interface SearchNode {
  /** One value per grid: demonstrations in order, then the test input. */
  readonly values: readonly Value[]
  readonly parent: number
  /** Index into the DSL table; -1 for a seed. */
  readonly transform: number
  /** Printed name of a seed ('x' for the input); '' for other nodes. */
  readonly seed: string
  readonly depth: number
  readonly cost: number
}

export interface GraphInput {
  readonly dsl: readonly Transform[]
  /** The grids' inputs: demonstrations, then the test input. */
  readonly inputs: readonly Image[]
  /** Each grid's output size: known for demonstrations, predicted (or null) for the test input. */
  readonly outputSizes: readonly (Size | null)[]
  readonly depth: number
}

export class LockstepGraph {
  readonly nodes: SearchNode[] = []
  /** Nodes whose demonstration images all have the demonstration outputs' sizes: candidate pieces. */
  readonly pieces: number[] = []
  /** Depth of the last round that finished. */
  depthReached = 0
  applications = 0
  cells = 0
  private readonly byHash = new Map<number, number>()
  private readonly contexts: TransformContext[]
  private readonly demos: number

  constructor(
    private readonly input: GraphInput,
    private readonly watch: BudgetWatch
  ) {
    this.contexts = input.outputSizes.map((outputSize) => ({ outputSize }))
    this.demos = input.inputs.length - 1
  }

  /** Seeds, then rounds of expansion until the depth limit or a budget stops it. */
  run(): void {
    this.add(this.input.inputs, -1, -1, 'x', 0, 0)
    const sizes = this.input.outputSizes
    if (sizes.every((s) => s !== null)) {
      const canvases = sizes.map((s) => ({ x: 0, y: 0, w: s!.w, h: s!.h, cells: new Uint8Array(s!.w * s!.h) }))
      this.add(canvases, -1, -1, 'canvas', 0, 0)
    }
    let roundStart = 0
    for (let depth = 0; depth < this.input.depth; depth++) {
      const roundEnd = this.nodes.length
      // Lists cut at this depth are appended while the round runs, and expanded in it too.
      for (let n = roundStart; n < this.nodes.length; n++) {
        if (this.nodes[n]!.depth !== depth) continue
        if (!this.expand(n)) return
      }
      roundStart = roundEnd
      this.depthReached = depth + 1
    }
  }

  /** Applies every transform to node `n`; false once a budget is spent. */
  private expand(n: number): boolean {
    const node = this.nodes[n]!
    const fromList = isList(node.values[0]!)
    const dsl = this.input.dsl
    const last = node.depth + 1 === this.input.depth
    for (let t = 0; t < dsl.length; t++) {
      const transform = dsl[t]!
      if ((transform.from === 'list') !== fromList) continue
      const cutting = transform.from === 'image' && transform.to === 'list'
      const depth = cutting ? node.depth : node.depth + 1
      // At the last depth only images are worth making (nothing would expand a list), and only
      // images of the demonstration outputs' sizes (nothing else can become part of an answer).
      if (last && transform.to === 'list') continue
      if (this.watch.exhausted(this.nodes.length, this.cells)) return false
      const values = this.applyAll(transform, node.values, last && !cutting)
      if (values) this.add(values, n, t, '', depth, node.cost + transform.cost)
    }
    return true
  }

  /** The transform applied to every grid's value; null if it fails on any (or, when `sized`, misses a demo's size). */
  private applyAll(transform: Transform, values: readonly Value[], sized: boolean): Value[] | null {
    const out: Value[] = new Array(values.length)
    // An image transform that does not apply to one grid leaves that grid's image as it is, as long
    // as it applies to some grid (a demonstration where nothing needs repairing, say). That includes the
    // test input when its output size is unpredicted: a size-fitting transform (centre, embed, tile)
    // would leave the image as it is at the image's own size. (Dropping such states instead was
    // measured on ARC-AGI-1 training, 2026-12-05: the same 208 of 400 tasks solved, so it was not kept.)
    const keepsWhereNull = transform.from === 'image' && transform.to === 'image'
    let applied = false
    for (let g = 0; g < values.length; g++) {
      this.applications++
      let result = (transform.apply as (v: Value, c: TransformContext) => Value | null)(values[g]!, this.contexts[g]!)
      if (result === null && keepsWhereNull) result = values[g]!
      else applied = true
      if (result === null || (isList(result) && result.length === 0)) return null
      if (sized && g < this.demos) {
        const size = this.input.outputSizes[g]!
        const image = result as Image
        if (image.w !== size.w || image.h !== size.h) return null
      }
      out[g] = result
    }
    return applied ? out : null
  }

  private add(values: readonly Value[], parent: number, transform: number, seed: string, depth: number, cost: number): void {
    const hash = hashValues(values)
    const existing = this.byHash.get(hash)
    // A hash match with other cells (about 2^-53 per pair) keeps the new state unmerged.
    if (existing !== undefined && sameValues(this.nodes[existing]!.values, values)) return
    const index = this.nodes.length
    this.nodes.push({ values, parent, transform, seed, depth, cost })
    if (existing === undefined) this.byHash.set(hash, index)
    for (const value of values) this.cells += cellsOf(value)
    if (!isList(values[0]!) && this.fitsDemoSizes(values)) this.pieces.push(index)
  }

  private fitsDemoSizes(values: readonly Value[]): boolean {
    for (let g = 0; g < this.demos; g++) {
      const image = values[g] as Image
      const size = this.input.outputSizes[g]!
      if (image.w !== size.w || image.h !== size.h) return false
    }
    return true
  }

  /** The program of node `n` as nested calls, e.g. `tile(crop(largest(cut(x))), 2, 2)`. */
  programText(n: number): string {
    const node = this.nodes[n]!
    if (node.parent < 0) return node.seed
    return callText(this.input.dsl[node.transform]!, this.programText(node.parent))
  }
}

function cellsOf(value: Value): number {
  if (!isList(value)) return value.cells.length
  let n = 0
  for (const image of value) n += image.cells.length
  return n
}
