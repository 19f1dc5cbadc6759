// Shrinking an image to what matters: its content's bounding box, or without the rows and columns
// that carry nothing (all background, or a repeat of the line before).
import type { Image } from '../../image'

/** The bounding box of the non-zero cells, offset moved to where that box sat; null if all background. */
export function crop(image: Image): Image | null {
  const { w, h, cells: source } = image
  let top = h
  let bottom = -1
  let left = w
  let right = -1
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (source[r * w + c] === 0) continue
      if (r < top) top = r
      if (r > bottom) bottom = r
      if (c < left) left = c
      if (c > right) right = c
    }
  }
  if (bottom < 0) return null
  const outW = right - left + 1
  const outH = bottom - top + 1
  const cells = new Uint8Array(outW * outH)
  for (let r = 0; r < outH; r++) cells.set(source.subarray((top + r) * w + left, (top + r) * w + left + outW), r * outW)
  return { x: image.x + left, y: image.y + top, w: outW, h: outH, cells }
}

/** The image made of the marked rows and columns, in order; null if none of either is marked. */
function keepLines(image: Image, keepRow: Uint8Array, keepColumn: Uint8Array): Image | null {
  const { w, h, cells: source } = image
  let outW = 0
  let outH = 0
  for (let c = 0; c < w; c++) outW += keepColumn[c]!
  for (let r = 0; r < h; r++) outH += keepRow[r]!
  if (outW === 0 || outH === 0) return null
  const cells = new Uint8Array(outW * outH)
  let i = 0
  for (let r = 0; r < h; r++) {
    if (!keepRow[r]) continue
    for (let c = 0; c < w; c++) if (keepColumn[c]) cells[i++] = source[r * w + c]!
  }
  return { x: image.x, y: image.y, w: outW, h: outH, cells }
}

function rowIsEmpty(image: Image, r: number): boolean {
  for (let c = 0; c < image.w; c++) if (image.cells[r * image.w + c] !== 0) return false
  return true
}

function columnIsEmpty(image: Image, c: number): boolean {
  for (let r = 0; r < image.h; r++) if (image.cells[r * image.w + c] !== 0) return false
  return true
}

function rowsEqual(image: Image, a: number, b: number): boolean {
  for (let c = 0; c < image.w; c++) if (image.cells[a * image.w + c] !== image.cells[b * image.w + c]) return false
  return true
}

function columnsEqual(image: Image, a: number, b: number): boolean {
  for (let r = 0; r < image.h; r++) if (image.cells[r * image.w + a] !== image.cells[r * image.w + b]) return false
  return true
}

export type Lines = 'rows' | 'columns' | 'both'

/** Drops the all-background rows, columns or both (content squeezed together); null if nothing is left. */
export function removeEmptyLines(image: Image, lines: Lines): Image | null {
  const keepRow = new Uint8Array(image.h).fill(1)
  const keepColumn = new Uint8Array(image.w).fill(1)
  if (lines !== 'columns') for (let r = 0; r < image.h; r++) keepRow[r] = rowIsEmpty(image, r) ? 0 : 1
  if (lines !== 'rows') for (let c = 0; c < image.w; c++) keepColumn[c] = columnIsEmpty(image, c) ? 0 : 1
  return keepLines(image, keepRow, keepColumn)
}

/** Collapses each run of identical consecutive rows, columns or both to one line. */
export function removeRepeatedLines(image: Image, lines: Lines): Image | null {
  const keepRow = new Uint8Array(image.h).fill(1)
  const keepColumn = new Uint8Array(image.w).fill(1)
  if (lines !== 'columns') for (let r = 1; r < image.h; r++) keepRow[r] = rowsEqual(image, r, r - 1) ? 0 : 1
  if (lines !== 'rows') for (let c = 1; c < image.w; c++) keepColumn[c] = columnsEqual(image, c, c - 1) ? 0 : 1
  return keepLines(image, keepRow, keepColumn)
}
