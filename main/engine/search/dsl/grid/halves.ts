// Halves of an image and their cell-by-cell logical combinations, for tasks whose input is two
// panels (often with a separator line between them) and whose output compares the panels. When the
// side is odd the middle line is taken for a separator and belongs to neither half.
import { majorityColour, type Image } from '../../image'

export type Half = 'left' | 'right' | 'top' | 'bottom'

export const HALVES: readonly Half[] = ['left', 'right', 'top', 'bottom']

/** One half (the middle line of an odd side dropped); null if the side is shorter than 2. */
export function half(image: Image, which: Half): Image | null {
  const across = which === 'left' || which === 'right'
  const side = across ? image.w : image.h
  if (side < 2) return null
  const size = Math.floor(side / 2)
  const start = which === 'left' || which === 'top' ? 0 : side - size
  const w = across ? size : image.w
  const h = across ? image.h : size
  const cells = new Uint8Array(w * h)
  for (let r = 0; r < h; r++) {
    const sourceRow = across ? r : r + start
    const sourceColumn = across ? start : 0
    cells.set(image.cells.subarray(sourceRow * image.w + sourceColumn, sourceRow * image.w + sourceColumn + w), r * w)
  }
  return { x: image.x + (across ? start : 0), y: image.y + (across ? 0 : start), w, h, cells }
}

export type Logic = 'and' | 'or' | 'xor' | 'nor' | 'first_only'

export const LOGICS: readonly Logic[] = ['and', 'or', 'xor', 'nor', 'first_only']

/**
 * The two halves (left and right, or top and bottom) combined cell by cell: a cell is set where the
 * logic holds for "the first half's cell is non-zero" and "the second's is". Set cells keep the first
 * half's colour, else the second's; `nor` cells have neither, so they take the image's most common
 * colour (a later `paint` gives them any other). Null if the halves do not exist or the result is blank.
 */
export function combineHalves(image: Image, split: 'columns' | 'rows', logic: Logic): Image | null {
  const first = half(image, split === 'columns' ? 'left' : 'top')
  const second = half(image, split === 'columns' ? 'right' : 'bottom')
  if (!first || !second) return null
  const norColour = majorityColour(image)
  const cells = new Uint8Array(first.cells.length)
  let set = 0
  for (let i = 0; i < cells.length; i++) {
    const a = first.cells[i]!
    const b = second.cells[i]!
    let colour = 0
    if (logic === 'and') colour = a !== 0 && b !== 0 ? a : 0
    else if (logic === 'or' || logic === 'xor') colour = logic === 'xor' && a !== 0 && b !== 0 ? 0 : a !== 0 ? a : b
    else if (logic === 'nor') colour = a === 0 && b === 0 ? norColour : 0
    else colour = b === 0 ? a : 0
    cells[i] = colour
    if (colour !== 0) set++
  }
  return set === 0 ? null : { x: image.x, y: image.y, w: first.w, h: first.h, cells }
}
