// Splitting a grid into parts that keep their place: one layer per colour, the cells between
// separator lines, the two halves and the four quadrants. When a side is odd the middle line is left
// out of the halves, because in ARC an odd middle line is nearly always a separator.
import type { Image, ImageList } from '../../image'
import type { ImageToList } from '../transform'
import { colourSet, hasForeground, subImage } from './content'

/** One full-frame image per non-zero colour present, in colour order, holding only that colour. */
export function splitByColour(image: Image): ImageList | null {
  const present = colourSet(image)
  const layers: Image[] = []
  for (let colour = 1; colour < 10; colour++) {
    if (!(present & (1 << colour))) continue
    const cells = new Uint8Array(image.cells.length)
    for (let i = 0; i < cells.length; i++) if (image.cells[i] === colour) cells[i] = colour
    layers.push({ x: image.x, y: image.y, w: image.w, h: image.h, cells })
  }
  return layers.length > 0 ? layers : null
}

/** Which rows and which columns are entirely `colour`. */
function fullLines(image: Image, colour: number): { rows: Uint8Array; cols: Uint8Array; count: number } {
  const { w, h, cells } = image
  const rows = new Uint8Array(h).fill(1)
  const cols = new Uint8Array(w).fill(1)
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (cells[r * w + c] === colour) continue
      rows[r] = 0
      cols[c] = 0
    }
  }
  let count = 0
  for (let r = 0; r < h; r++) count += rows[r]!
  for (let c = 0; c < w; c++) count += cols[c]!
  return { rows, cols, count }
}

/** Maximal runs [start, end) of indices that are not lines. */
function runsBetween(lines: Uint8Array): [number, number][] {
  const runs: [number, number][] = []
  let start = -1
  for (let i = 0; i <= lines.length; i++) {
    const open = i < lines.length && lines[i] === 0
    if (open && start < 0) start = i
    if (!open && start >= 0) {
      runs.push([start, i])
      start = -1
    }
  }
  return runs
}

function partsBetween(image: Image, rows: Uint8Array, cols: Uint8Array): ImageList | null {
  const rowRuns = runsBetween(rows)
  const colRuns = runsBetween(cols)
  if (rowRuns.length * colRuns.length < 2) return null
  const parts: Image[] = []
  for (const [top, bottom] of rowRuns) for (const [left, right] of colRuns) parts.push(subImage(image, left, top, right, bottom))
  return parts
}

/**
 * The cells between full rows and columns of one non-zero colour, row by row. When several colours
 * form such lines, the colour with the most lines is the separator (the lowest colour on a tie).
 */
export function splitBySeparatorLines(image: Image): ImageList | null {
  let best: ReturnType<typeof fullLines> | null = null
  for (let colour = 1; colour < 10; colour++) {
    const lines = fullLines(image, colour)
    if (lines.count > 0 && (!best || lines.count > best.count)) best = lines
  }
  return best ? partsBetween(image, best.rows, best.cols) : null
}

/** The blocks between empty (all background) rows and columns, row by row. */
export function splitByEmptyLines(image: Image): ImageList | null {
  const lines = fullLines(image, 0)
  return lines.count > 0 ? partsBetween(image, lines.rows, lines.cols) : null
}

/** Left and right halves (columns) or top and bottom halves (rows); the middle line of an odd side is dropped. */
export function splitHalves(image: Image, along: 'columns' | 'rows'): ImageList | null {
  const { w, h } = image
  if (along === 'columns') {
    const half = w >> 1
    return half > 0 ? [subImage(image, 0, 0, half, h), subImage(image, w - half, 0, w, h)] : null
  }
  const half = h >> 1
  return half > 0 ? [subImage(image, 0, 0, w, half), subImage(image, 0, h - half, w, h)] : null
}

/**
 * Three equal parts side by side (columns) or one above another (rows). A side of 3k splits into
 * k-wide parts; a side of 3k + 2 is read as three parts with a one-line separator between each.
 */
export function splitThirds(image: Image, along: 'columns' | 'rows'): ImageList | null {
  const side = along === 'columns' ? image.w : image.h
  const gap = side % 3 === 0 ? 0 : side % 3 === 2 ? 1 : -1
  const part = (side - 2 * gap) / 3
  if (gap < 0 || part < 1) return null
  const parts: Image[] = []
  for (let k = 0; k < 3; k++) {
    const start = k * (part + gap)
    parts.push(along === 'columns' ? subImage(image, start, 0, start + part, image.h) : subImage(image, 0, start, image.w, start + part))
  }
  return parts
}

/** Top-left, top-right, bottom-left, bottom-right quadrants; odd middle lines are dropped. */
export function splitQuadrants(image: Image): ImageList | null {
  const { w, h } = image
  const hw = w >> 1
  const hh = h >> 1
  if (hw === 0 || hh === 0) return null
  return [
    subImage(image, 0, 0, hw, hh),
    subImage(image, w - hw, 0, w, hh),
    subImage(image, 0, h - hh, hw, h),
    subImage(image, w - hw, h - hh, w, h)
  ]
}

function entry(name: string, args: readonly (number | string)[], doc: string, apply: ImageToList['apply']): ImageToList {
  // An empty grid has no parts worth searching from.
  const applyToContent: ImageToList['apply'] = (image, context) => (hasForeground(image) ? apply(image, context) : null)
  return { name, args, doc, cost: 1, from: 'image', to: 'list', apply: applyToContent }
}

export const SPLIT_TRANSFORMS: readonly ImageToList[] = [
  entry('split_colours', [], 'One full-size layer per non-zero colour, each holding only that colour', splitByColour),
  entry('split_lines', [], 'The cells between full separator rows and columns of one colour', splitBySeparatorLines),
  entry('split_gaps', [], 'The blocks between empty rows and columns', splitByEmptyLines),
  entry('split_halves', ['columns'], 'Left and right halves (an odd middle column is dropped)', (image) => splitHalves(image, 'columns')),
  entry('split_halves', ['rows'], 'Top and bottom halves (an odd middle row is dropped)', (image) => splitHalves(image, 'rows')),
  entry('split_thirds', ['columns'], 'Three equal parts side by side (a one-column separator between each is dropped)', (image) =>
    splitThirds(image, 'columns')
  ),
  entry('split_thirds', ['rows'], 'Three equal parts one above another (a one-row separator between each is dropped)', (image) =>
    splitThirds(image, 'rows')
  ),
  entry('split_quadrants', [], 'The four quadrants, row by row (odd middle lines are dropped)', splitQuadrants)
]
