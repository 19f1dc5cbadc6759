// Small summaries of a picture: its colours listed as a row or a column (by count, or in the order
// they first appear), a histogram of its colours, and a window of the predicted output size cut from
// one of its corners or its centre.
import type { Image } from '../../image'
import type { TransformContext } from '../transform'

export type Line = 'row' | 'column'
export const LINES: readonly Line[] = ['row', 'column']
export type Window = 'top_left' | 'top_right' | 'bottom_left' | 'bottom_right' | 'middle'
export const WINDOWS: readonly Window[] = ['top_left', 'top_right', 'bottom_left', 'bottom_right', 'middle']

function asLine(colours: readonly number[], line: Line): Image | null {
  if (colours.length === 0) return null
  const cells = Uint8Array.from(colours)
  return line === 'row' ? { x: 0, y: 0, w: cells.length, h: 1, cells } : { x: 0, y: 0, w: 1, h: cells.length, cells }
}

/** Non-zero colours in the order they first appear, reading by columns (`across`) or by rows. */
function firstAppearances(image: Image, across: boolean): number[] {
  const { w, h, cells } = image
  const seen: number[] = []
  const outer = across ? w : h
  const inner = across ? h : w
  for (let a = 0; a < outer; a++) {
    for (let b = 0; b < inner; b++) {
      const v = cells[across ? b * w + a : a * w + b]!
      if (v !== 0 && !seen.includes(v)) seen.push(v)
    }
  }
  return seen
}

/** Non-zero colours, most cells first (ties in reading order), with their counts. */
function byCount(image: Image): { colour: number; count: number }[] {
  const counts = new Uint32Array(10)
  for (const v of image.cells) counts[v]!++
  return firstAppearances(image, false)
    .map((colour) => ({ colour, count: counts[colour]! }))
    .sort((a, b) => b.count - a.count)
}

/** The non-zero colours, most common first, as a row or a column; null if there are none. */
export function coloursByCount(image: Image, line: Line): Image | null {
  return asLine(
    byCount(image).map((c) => c.colour),
    line
  )
}

/** The non-zero colours in the order they first appear left to right (a row) or top to bottom (a column). */
export function coloursInOrder(image: Image, line: Line): Image | null {
  return asLine(firstAppearances(image, line === 'row'), line)
}

/** One column per non-zero colour, most common first, filled from the top with as many cells as it has. */
export function histogram(image: Image): Image | null {
  const bars = byCount(image)
  if (bars.length === 0 || bars[0]!.count > 30) return null
  const w = bars.length
  const h = bars[0]!.count
  const cells = new Uint8Array(w * h)
  bars.forEach((bar, c) => {
    for (let r = 0; r < bar.count; r++) cells[r * w + c] = bar.colour
  })
  return { x: 0, y: 0, w, h, cells }
}

/**
 * The part of the predicted output size at one corner or the middle; null if the size is unknown, not
 * smaller, or a single cell (a corner cell fits a one-cell answer by accident far more often than by rule).
 */
export function windowOf(image: Image, where: Window, context: TransformContext): Image | null {
  const size = context.outputSize
  if (!size || size.w * size.h === 1 || size.w > image.w || size.h > image.h || (size.w === image.w && size.h === image.h)) return null
  const left = where.endsWith('left') ? 0 : where.endsWith('right') ? image.w - size.w : (image.w - size.w) >> 1
  const top = where.startsWith('top') ? 0 : where.startsWith('bottom') ? image.h - size.h : (image.h - size.h) >> 1
  const cells = new Uint8Array(size.w * size.h)
  for (let r = 0; r < size.h; r++) {
    const from = (top + r) * image.w + left
    cells.set(image.cells.subarray(from, from + size.w), r * size.w)
  }
  return { x: image.x + left, y: image.y + top, w: size.w, h: size.h, cells }
}
