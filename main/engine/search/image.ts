// The search's working value: a small image of colour cells placed at an offset. Objects cut out of
// a grid keep where they came from (x, y), so they can be composed back in place. Cells are one byte
// each, row-major; colour 0 is the background (the search normalises each task's colours so that it
// is, and composing treats it as transparent). Images are never changed after they are built.
import type { Grid } from '../arc/types'

export interface Image {
  /** Column of the top-left cell in the frame it came from (0 for a whole grid). */
  readonly x: number
  /** Row of the top-left cell. */
  readonly y: number
  readonly w: number
  readonly h: number
  /** w * h colours 0..9, row-major. */
  readonly cells: Uint8Array
}

/** A list of images (the objects of a cut, the parts of a split, ...). */
export type ImageList = readonly Image[]

/** A state of the search: one image or a list of images. */
export type Value = Image | ImageList

export const MAX_SIDE = 30

export function isList(value: Value): value is ImageList {
  return Array.isArray(value)
}

/** A new image filled with one colour; null where the size is not a possible ARC grid. */
export function blank(w: number, h: number, fill = 0, x = 0, y = 0): Image | null {
  if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE) return null
  const cells = new Uint8Array(w * h)
  if (fill !== 0) cells.fill(fill)
  return { x, y, w, h, cells }
}

/** The image of cells built by `paint(cells, w, h)` into a fresh w x h buffer; null if the size is impossible. */
export function build(w: number, h: number, paint: (cells: Uint8Array) => void, x = 0, y = 0): Image | null {
  const image = blank(w, h, 0, x, y)
  if (image) paint(image.cells as Uint8Array)
  return image
}

export function at(image: Image, row: number, col: number): number {
  return image.cells[row * image.w + col]!
}

export function fromGrid(grid: Grid): Image {
  const h = grid.length
  const w = grid[0]!.length
  const cells = new Uint8Array(w * h)
  for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) cells[r * w + c] = grid[r]![c]!
  return { x: 0, y: 0, w, h, cells }
}

export function toGrid(image: Image): Grid {
  const rows: number[][] = []
  for (let r = 0; r < image.h; r++) rows.push(Array.from(image.cells.subarray(r * image.w, (r + 1) * image.w)))
  return rows
}

/** Same size and cells (offsets ignored). */
export function sameCells(a: Image, b: Image): boolean {
  if (a.w !== b.w || a.h !== b.h) return false
  const n = a.cells.length
  for (let i = 0; i < n; i++) if (a.cells[i] !== b.cells[i]) return false
  return true
}

/** Counts of each colour 0..9, written into `into` (a fresh array if none is given). */
export function colourCounts(image: Image, into: Uint32Array = new Uint32Array(10)): Uint32Array {
  into.fill(0)
  const cells = image.cells
  for (let i = 0; i < cells.length; i++) into[cells[i]!]!++
  return into
}

/** The most common non-zero colour (lowest wins ties); 0 if the image is all background. */
export function majorityColour(image: Image): number {
  const counts = colourCounts(image)
  let best = 0
  let bestCount = 0
  for (let c = 1; c < 10; c++) {
    if (counts[c]! > bestCount) {
      best = c
      bestCount = counts[c]!
    }
  }
  return best
}

/** Non-zero cells. */
export function countForeground(image: Image): number {
  let n = 0
  const cells = image.cells
  for (let i = 0; i < cells.length; i++) if (cells[i] !== 0) n++
  return n
}
