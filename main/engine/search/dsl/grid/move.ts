// Moving whole objects (corner-connected groups of non-zero cells, any colours) as rigid shapes:
// toward cells of an anchor colour until they touch them, or falling toward a side until they land on
// the edge or on another object.
import type { Image } from '../../image'
import { connectedComponents } from '../objects/components'
import type { Direction } from './directions'

const TOWARD: readonly (readonly [number, number])[] = [
  [0, 1],
  [0, -1],
  [1, 0],
  [-1, 0],
  [1, 1],
  [1, -1],
  [-1, 1],
  [-1, -1]
]

const FALL: Record<Direction, readonly [number, number]> = { down: [1, 0], up: [-1, 0], right: [0, 1], left: [0, -1] }

/** The objects' cells as indices into the image and their rows and columns. */
interface Shape {
  readonly rows: Int32Array
  readonly columns: Int32Array
  readonly colours: Uint8Array
}

function shapesOf(image: Image): Shape[] {
  return connectedComponents(image, { connectivity: 8, sameColour: false }).map((object) => {
    const count = object.cells.reduce((n, v) => n + (v === 0 ? 0 : 1), 0)
    const rows = new Int32Array(count)
    const columns = new Int32Array(count)
    const colours = new Uint8Array(count)
    let k = 0
    for (let r = 0; r < object.h; r++) {
      for (let c = 0; c < object.w; c++) {
        const colour = object.cells[r * object.w + c]!
        if (colour === 0) continue
        rows[k] = object.y - image.y + r
        columns[k] = object.x - image.x + c
        colours[k++] = colour
      }
    }
    return { rows, columns, colours }
  })
}

/**
 * How far `shape` can slide by (dr, dc) before its next step would enter a cell `blocked` marks:
 * the steps taken, or -1 when it leaves the image first (with `stopAtEdge`, the steps to the edge).
 */
function slide(shape: Shape, dr: number, dc: number, w: number, h: number, blocked: (i: number) => boolean, stopAtEdge: boolean): number {
  for (let k = 0; ; k++) {
    for (let n = 0; n < shape.rows.length; n++) {
      const r = shape.rows[n]! + (k + 1) * dr
      const c = shape.columns[n]! + (k + 1) * dc
      if (r < 0 || r >= h || c < 0 || c >= w) return stopAtEdge ? k : -1
      if (blocked(r * w + c)) return k
    }
  }
}

function place(cells: Uint8Array, shape: Shape, dr: number, dc: number, w: number): void {
  for (let n = 0; n < shape.rows.length; n++) cells[(shape.rows[n]! + dr) * w + shape.columns[n]! + dc] = shape.colours[n]!
}

/**
 * Every object not of colour `anchor` slides in a straight line (across, down or diagonally) toward
 * the anchor's cells until it touches them, along the direction that reaches them soonest; objects
 * that reach no anchor cell stay. Null if the anchor colour is absent or nothing moves.
 */
export function attract(image: Image, anchor: number): Image | null {
  const { w, h, cells: source } = image
  if (!source.includes(anchor) || anchor === 0) return null
  const anchorAt = (i: number) => source[i] === anchor
  const movers = shapesOf({ ...image, cells: source.map((v) => (v === anchor ? 0 : v)) })
  const cells = source.map((v) => (v === anchor ? v : 0))
  let moved = false
  for (const shape of movers) {
    let best = -1
    let step: readonly [number, number] = [0, 0]
    for (const [dr, dc] of TOWARD) {
      const k = slide(shape, dr, dc, w, h, anchorAt, false)
      if (k >= 0 && (best < 0 || k < best)) [best, step] = [k, [dr, dc]]
    }
    const distance = Math.max(best, 0)
    place(cells, shape, step[0] * distance, step[1] * distance, w)
    if (distance > 0) moved = true
  }
  return moved ? { x: image.x, y: image.y, w, h, cells } : null
}

/**
 * Objects fall toward `direction` as rigid shapes, nearest the landing side first, each stopping at
 * the edge or on an object already landed. Null if nothing moves.
 */
export function fallObjects(image: Image, direction: Direction): Image | null {
  const { w, h } = image
  const [dr, dc] = FALL[direction]
  const lead = (s: Shape) => {
    let most = -Infinity
    for (let n = 0; n < s.rows.length; n++) most = Math.max(most, s.rows[n]! * dr + s.columns[n]! * dc)
    return most
  }
  const shapes = shapesOf(image).sort((a, b) => lead(b) - lead(a))
  const cells = new Uint8Array(w * h)
  let moved = false
  for (const shape of shapes) {
    const k = slide(shape, dr, dc, w, h, (i) => cells[i] !== 0, true)
    place(cells, shape, dr * k, dc * k, w)
    if (k > 0) moved = true
  }
  return moved ? { x: image.x, y: image.y, w, h, cells } : null
}
