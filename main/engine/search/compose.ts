// Greedy composition of partial pieces into layers. Over all target pixels of all demonstrations, a
// layer is a piece seen through a mask: all its pixels, only its non-zero pixels, or only its zero
// pixels. Layers stack top first: a pixel takes the value of the first layer that covers it (0 if
// none does). The greedy loop keeps a bitset of the pixels no layer has fixed yet, and repeatedly adds
// (beneath the layers so far) the layer that fixes the most of them without setting any of them
// wrong, up to a layer limit. Its program prints the layers top first: `layers(nonzero(p1); p2)`.
import type { Found } from './found'
import { hashCells } from './hash'
import type { Image } from './image'
import type { LockstepGraph } from './lockstep'
import type { Size } from './output-size'

type Mask = 'all' | 'nonzero' | 'zero'

export interface ComposeLimits {
  /** Most pieces considered, cheapest first (e.g. 6000). */
  readonly maxPieces: number
  /** Most layers stacked (e.g. 10). */
  readonly maxLayers: number
}

interface Layer {
  readonly piece: number
  readonly mask: Mask
}

function covers(mask: Mask, value: number): boolean {
  return mask === 'all' || (mask === 'nonzero' ? value !== 0 : value === 0)
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}

/** Pieces whose test image has the predicted size, one per distinct demonstration drawing, cheapest first. */
function eligiblePieces(graph: LockstepGraph, demos: number, testSize: Size, maxPieces: number): number[] {
  const ordered = graph.pieces.filter((n) => {
    const test = graph.nodes[n]!.values[demos] as Image
    return test.w === testSize.w && test.h === testSize.h
  })
  ordered.sort((p, q) => graph.nodes[p]!.cost - graph.nodes[q]!.cost || p - q)
  const seen = new Set<number>()
  const kept: number[] = []
  for (const n of ordered) {
    const hash = hashCells(graph.nodes[n]!.values.slice(0, demos) as Image[])
    if (seen.has(hash)) continue
    seen.add(hash)
    kept.push(n)
    if (kept.length >= maxPieces) break
  }
  return kept
}

/** The composition of `layers` for one grid (top layer first), written as a fresh image. */
function render(graph: LockstepGraph, layers: readonly Layer[], grid: number, w: number, h: number): Image {
  const cells = new Uint8Array(w * h)
  const fixed = new Uint8Array(w * h)
  for (const layer of layers) {
    const source = (graph.nodes[layer.piece]!.values[grid] as Image).cells
    for (let i = 0; i < cells.length; i++) {
      if (fixed[i] || !covers(layer.mask, source[i]!)) continue
      cells[i] = source[i]!
      fixed[i] = 1
    }
  }
  return { x: 0, y: 0, w, h, cells }
}

function layerText(graph: LockstepGraph, layer: Layer): string {
  const program = graph.programText(layer.piece)
  return layer.mask === 'all' ? program : `${layer.mask}(${program})`
}

/** Every (piece, mask) that sets at least one demonstration pixel right, with its bitsets over all target pixels. */
interface LayerPool {
  readonly layers: readonly Layer[]
  readonly cover: readonly Uint32Array[]
  readonly wrong: readonly Uint32Array[]
  /** Demonstration g's pixels are the first targets[g].cells.length bits from word demoStart[g] (each starts a word). */
  readonly demoStart: Uint32Array
  readonly pixels: readonly number[]
  readonly words: number
}

function layerPool(graph: LockstepGraph, targets: readonly Image[], pieces: readonly number[], deadline: number): LayerPool {
  const demos = targets.length
  const pixels = targets.map((t) => t.cells.length)
  const demoStart = new Uint32Array(demos + 1)
  for (let g = 0; g < demos; g++) demoStart[g + 1] = demoStart[g]! + ((pixels[g]! + 31) >>> 5)
  const words = demoStart[demos]!
  // cover/wrong bitsets of every (piece, mask) that sets at least one pixel right. The 'all' mask
  // covers every pixel, so its cover bitset is shared.
  const everything = new Uint32Array(words).fill(0xffffffff)
  const cover: Uint32Array[] = []
  const wrong: Uint32Array[] = []
  const layers: Layer[] = []
  for (const piece of pieces) {
    if (performance.now() >= deadline) break
    const values = graph.nodes[piece]!.values
    const nonzeroCover = new Uint32Array(words)
    const wrongAll = new Uint32Array(words)
    const wrongNonzero = new Uint32Array(words)
    const wrongZero = new Uint32Array(words)
    let rightNonzero = 0
    let rightZero = 0
    for (let g = 0; g < demos; g++) {
      const source = (values[g] as Image).cells
      const target = targets[g]!.cells
      for (let i = 0, bit = demoStart[g]! * 32; i < target.length; i++, bit++) {
        const word = bit >>> 5
        const flag = 1 << (bit & 31)
        const value = source[i]!
        const miss = value !== target[i]
        if (miss) wrongAll[word]! |= flag
        if (value !== 0) {
          nonzeroCover[word]! |= flag
          if (miss) wrongNonzero[word]! |= flag
          else rightNonzero++
        } else if (miss) wrongZero[word]! |= flag
        else rightZero++
      }
    }
    const add = (mask: Mask, c: Uint32Array, w: Uint32Array, right: number) => {
      if (right === 0) return
      cover.push(c)
      wrong.push(w)
      layers.push({ piece, mask })
    }
    add('all', everything, wrongAll, rightNonzero + rightZero)
    add('nonzero', nonzeroCover, wrongNonzero, rightNonzero)
    // The zero cover is the complement of the non-zero cover within the pixels.
    const zeroCover = new Uint32Array(words)
    for (let k = 0; k < words; k++) zeroCover[k] = ~nonzeroCover[k]!
    add('zero', zeroCover, wrongZero, rightZero)
  }
  return { layers, cover, wrong, demoStart, pixels, words }
}

/**
 * The greedy stack of layers with masks in `masks`, top first (see the file's comment). A layer must
 * fix pixels of at least `minDemos` demonstrations: a layer that helps one demonstration only is
 * likely fitted to it rather than part of the rule.
 */
function greedyLayers(pool: LayerPool, variant: Variant, maxLayers: number, deadline: number): Layer[] {
  const { layers, cover, wrong, demoStart, pixels, words } = pool
  const demos = pixels.length
  const minDemos = Math.min(variant.minDemos, demos)
  const unknown = new Uint32Array(words)
  for (let g = 0; g < demos; g++) {
    const start = demoStart[g]!
    const full = pixels[g]! >>> 5
    unknown.fill(0xffffffff, start, start + full)
    if (pixels[g]! & 31) unknown[start + full] = ((1 << (pixels[g]! & 31)) - 1) >>> 0
  }
  const chosen: Layer[] = []
  while (chosen.length < maxLayers && performance.now() < deadline) {
    let best = -1
    let bestGain = 0
    for (let l = 0; l < layers.length; l++) {
      if (!variant.masks.includes(layers[l]!.mask)) continue
      const c = cover[l]!
      const w = wrong[l]!
      let gain = 0
      let helped = 0
      let valid = true
      for (let g = 0; g < demos && valid; g++) {
        let demoGain = 0
        for (let k = demoStart[g]!; k < demoStart[g + 1]!; k++) {
          const u = unknown[k]!
          if (w[k]! & u) {
            valid = false
            break
          }
          demoGain += popcount(c[k]! & u)
        }
        gain += demoGain
        if (demoGain > 0) helped++
      }
      // Equal gains keep the earlier layer: cheaper piece (pieces are ordered by cost), then mask order.
      if (valid && helped >= minDemos && gain > bestGain) {
        best = l
        bestGain = gain
      }
    }
    if (best < 0) break
    chosen.push(layers[best]!)
    const c = cover[best]!
    for (let k = 0; k < words; k++) unknown[k] = unknown[k]! & ~c[k]!
  }
  return chosen
}

interface Variant {
  /** The masks a layer may use. */
  readonly masks: readonly Mask[]
  readonly maxLayers: number
  /** Demonstrations each layer must help (capped at the number of demonstrations). */
  readonly minDemos: number
}

/** The greedy variants tried: which masks a layer may use, and how many layers. */
const VARIANTS: readonly Variant[] = [
  { masks: ['all', 'nonzero', 'zero'], maxLayers: Infinity, minDemos: 1 },
  { masks: ['all', 'nonzero'], maxLayers: Infinity, minDemos: 1 },
  { masks: ['all', 'nonzero', 'zero'], maxLayers: 3, minDemos: 1 },
  { masks: ['all', 'nonzero', 'zero'], maxLayers: Infinity, minDemos: 2 },
  { masks: ['all', 'nonzero'], maxLayers: Infinity, minDemos: 2 }
]

/**
 * Greedy compositions of the graph's pieces, one per variant that fixes any pixel. Each answer has
 * `testSize`; `explains` counts the demonstrations it reproduces. Past `deadline` (performance.now()
 * ms) it stops taking pieces and layers and returns what it has.
 */
export function composeGreedy(
  graph: LockstepGraph,
  targets: readonly Image[],
  testSize: Size,
  limits: ComposeLimits,
  deadline = Infinity
): Found[] {
  const demos = targets.length
  const pieces = eligiblePieces(graph, demos, testSize, limits.maxPieces)
  if (pieces.length === 0) return []
  const pool = layerPool(graph, targets, pieces, deadline)
  const found: Found[] = []
  VARIANTS.forEach((variant, v) => {
    const chosen = greedyLayers(pool, variant, Math.min(variant.maxLayers, limits.maxLayers), deadline)
    if (chosen.length > 0) found.push(asFound(graph, targets, chosen, testSize, graph.nodes.length + v))
  })
  return found
}

function asFound(graph: LockstepGraph, targets: readonly Image[], chosen: readonly Layer[], testSize: Size, order: number): Found {
  const demos = targets.length
  let explains = 0
  for (let g = 0; g < demos; g++) {
    const rendered = render(graph, chosen, g, targets[g]!.w, targets[g]!.h)
    if (rendered.cells.every((v, i) => v === targets[g]!.cells[i])) explains++
  }
  const nodes = chosen.map((l) => graph.nodes[l.piece]!)
  return {
    answer: render(graph, chosen, demos, testSize.w, testSize.h),
    program: chosen.length === 1 ? layerText(graph, chosen[0]!) : `layers(${chosen.map((l) => layerText(graph, l)).join('; ')})`,
    explains,
    depth: Math.max(...nodes.map((n) => n.depth)),
    cost: nodes.reduce((sum, n) => sum + n.cost, 0),
    layers: chosen.length,
    sizeFits: true,
    order
  }
}
