// Small shared helpers over images and lists: cutting out a rectangle, whether there is any content,
// which colours are held, and the frame a list spans. Every family of object transforms builds on
// these. Cropping to content is the grid family's `crop` (dsl/grid/crop.ts), shared, not repeated.
import type { Image, ImageList } from '../../image'

/** A rectangle [left, right) x [top, bottom). */
export interface Bounds {
  readonly left: number
  readonly top: number
  readonly right: number // exclusive
  readonly bottom: number // exclusive
}

/** The rectangle [left, right) x [top, bottom) of an image as a new image that keeps its place in the frame. */
export function subImage(image: Image, left: number, top: number, right: number, bottom: number): Image {
  const w = right - left
  const h = bottom - top
  const cells = new Uint8Array(w * h)
  for (let r = 0; r < h; r++) {
    const from = (top + r) * image.w + left
    cells.set(image.cells.subarray(from, from + w), r * w)
  }
  return { x: image.x + left, y: image.y + top, w, h, cells }
}

export function hasForeground(image: Image): boolean {
  const cells = image.cells
  for (let i = 0; i < cells.length; i++) if (cells[i] !== 0) return true
  return false
}

/** True when some image of the list has a non-zero cell: list transforms have nothing to work on otherwise. */
export function listHasForeground(images: ImageList): boolean {
  for (const image of images) if (hasForeground(image)) return true
  return false
}

/** The image itself if it has a non-zero cell; null otherwise (an empty result is never an answer). */
export function nonEmpty(image: Image | null): Image | null {
  return image && hasForeground(image) ? image : null
}

/** Bit c set for each non-zero colour c present. */
export function colourSet(image: Image): number {
  let set = 0
  const cells = image.cells
  for (let i = 0; i < cells.length; i++) set |= 1 << cells[i]!
  return set & ~1
}

export function bitCount(set: number): number {
  let n = 0
  for (let s = set; s !== 0; s &= s - 1) n++
  return n
}

/** Number of cells of one colour. */
export function countColour(image: Image, colour: number): number {
  let n = 0
  const cells = image.cells
  for (let i = 0; i < cells.length; i++) if (cells[i] === colour) n++
  return n
}

/** The smallest frame holding every image of the list at its offset: [left, right) x [top, bottom). */
export function unionFrame(images: ImageList): Bounds | null {
  if (images.length === 0) return null
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (const image of images) {
    left = Math.min(left, image.x)
    top = Math.min(top, image.y)
    right = Math.max(right, image.x + image.w)
    bottom = Math.max(bottom, image.y + image.h)
  }
  return { left, top, right, bottom }
}

/** Counts of each colour 0..9 over every image of the list. */
export function listColourCounts(images: ImageList): Uint32Array {
  const counts = new Uint32Array(10)
  for (const image of images) for (let i = 0; i < image.cells.length; i++) counts[image.cells[i]!]!++
  return counts
}

/** The non-zero colour with the most (or, with `fewest`, the fewest but some) cells; lowest on a tie; 0 if none. */
export function rankedColour(counts: Uint32Array, fewest = false): number {
  let best = 0
  for (let colour = 1; colour < 10; colour++) {
    const count = counts[colour]!
    if (count === 0) continue
    if (best === 0 || (fewest ? count < counts[best]! : count > counts[best]!)) best = colour
  }
  return best
}
