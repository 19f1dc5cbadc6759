// Scaling: each cell becomes a kx x ky block, or each block becomes one cell.
import { blank, type Image } from '../../image'
import type { TransformContext } from '../transform'

/** Each cell blown up to a kx x ky block; null past 30 x 30. */
export function scaleUp(image: Image, kx: number, ky: number): Image | null {
  const { w, h, cells: source } = image
  const out = blank(w * kx, h * ky, 0, image.x, image.y)
  if (!out) return null
  const cells = out.cells as Uint8Array
  const outW = w * kx
  for (let r = 0; r < h; r++) {
    const firstRow = r * ky * outW
    for (let c = 0; c < w; c++) cells.fill(source[r * w + c]!, firstRow + c * kx, firstRow + c * kx + kx)
    for (let k = 1; k < ky; k++) cells.copyWithin(firstRow + k * outW, firstRow, firstRow + outW)
  }
  return out
}

/** Scaled up to the predicted output size when that is a whole multiple (other than 1 x 1) of this size. */
export function scaleUpToOutput(image: Image, context: TransformContext): Image | null {
  const size = context.outputSize
  if (!size || size.w % image.w !== 0 || size.h % image.h !== 0) return null
  const kx = size.w / image.w
  const ky = size.h / image.h
  if (kx === 1 && ky === 1) return null
  return scaleUp(image, kx, ky)
}

/**
 * Each kx x ky block becomes one cell of the block's most common colour (lowest colour on ties), so
 * a block with a stray noise cell still reads as its colour. Null unless the sides divide evenly.
 */
export function scaleDown(image: Image, kx: number, ky: number): Image | null {
  const { w, h, cells: source } = image
  if (w % kx !== 0 || h % ky !== 0 || (kx === 1 && ky === 1)) return null
  const outW = w / kx
  const outH = h / ky
  const cells = new Uint8Array(outW * outH)
  const counts = new Uint16Array(10)
  for (let R = 0; R < outH; R++) {
    for (let C = 0; C < outW; C++) {
      counts.fill(0)
      for (let r = R * ky; r < R * ky + ky; r++) for (let c = C * kx; c < C * kx + kx; c++) counts[source[r * w + c]!]!++
      let best = 0
      for (let colour = 1; colour < 10; colour++) if (counts[colour]! > counts[best]!) best = colour
      cells[R * outW + C] = best
    }
  }
  return { x: image.x, y: image.y, w: outW, h: outH, cells }
}

/** Scaled down to the predicted output size when this size is a whole multiple (other than 1 x 1) of it. */
export function scaleDownToOutput(image: Image, context: TransformContext): Image | null {
  const size = context.outputSize
  if (!size || image.w % size.w !== 0 || image.h % size.h !== 0) return null
  return scaleDown(image, image.w / size.w, image.h / size.h)
}

/** The largest k dividing `length` such that lines come in runs of k identical ones (1 if none). */
function repeatFactor(length: number, linesEqual: (a: number, b: number) => boolean): number {
  for (let k = length; k > 1; k--) {
    if (length % k !== 0) continue
    let repeats = true
    for (let i = 0; i < length && repeats; i++) if (i % k !== 0 && !linesEqual(i, i - 1)) repeats = false
    if (repeats) return k
  }
  return 1
}

/** Undoes a scale-up: finds the block size from runs of repeated rows and columns; null if there is none. */
export function scaleDownByBlocks(image: Image): Image | null {
  const { w, h, cells } = image
  const rowsEqual = (a: number, b: number): boolean => {
    for (let c = 0; c < w; c++) if (cells[a * w + c] !== cells[b * w + c]) return false
    return true
  }
  const columnsEqual = (a: number, b: number): boolean => {
    for (let r = 0; r < h; r++) if (cells[r * w + a] !== cells[r * w + b]) return false
    return true
  }
  const ky = repeatFactor(h, rowsEqual)
  const kx = repeatFactor(w, columnsEqual)
  return scaleDown(image, kx, ky)
}
