// Canvases of the predicted output size, and images placed on them. The predicted size comes from
// the context; every transform here returns null where it is unknown.
import { blank, majorityColour, type Image } from '../../image'
import type { TransformContext } from '../transform'

/** `image` copied onto a blank canvas with its top-left at (left, top), cells outside clipped; null if none land. */
function placeOnCanvas(image: Image, canvasW: number, canvasH: number, left: number, top: number): Image | null {
  const out = blank(canvasW, canvasH)
  if (!out) return null
  const cells = out.cells as Uint8Array
  const firstColumn = Math.max(0, -left)
  const lastColumn = Math.min(image.w, canvasW - left) // exclusive
  if (firstColumn >= lastColumn) return null
  let landed = false
  for (let r = 0; r < image.h; r++) {
    const row = top + r
    if (row < 0 || row >= canvasH) continue
    landed = true
    const from = r * image.w
    cells.set(image.cells.subarray(from + firstColumn, from + lastColumn), row * canvasW + left + firstColumn)
  }
  return landed ? out : null
}

/** Put where its offset says on a blank canvas of the predicted output size (an object back in its frame). */
export function embed(image: Image, context: TransformContext): Image | null {
  const size = context.outputSize
  return size ? placeOnCanvas(image, size.w, size.h, image.x, image.y) : null
}

/** Centred on a blank canvas of the predicted output size (left and up when the margin is odd). */
export function centre(image: Image, context: TransformContext): Image | null {
  const size = context.outputSize
  if (!size) return null
  return placeOnCanvas(image, size.w, size.h, Math.floor((size.w - image.w) / 2), Math.floor((size.h - image.h) / 2))
}

/** The same cells with the offset reset to (0, 0); null if it already is. */
export function toOrigin(image: Image): Image | null {
  if (image.x === 0 && image.y === 0) return null
  return { x: 0, y: 0, w: image.w, h: image.h, cells: image.cells }
}

/** A blank canvas of the predicted output size (a base for layers). */
export function blankCanvas(_image: Image, context: TransformContext): Image | null {
  const size = context.outputSize
  return size ? blank(size.w, size.h) : null
}

/** One cell of the most common non-zero colour; null if all background. */
export function majorityCell(image: Image): Image | null {
  const colour = majorityColour(image)
  return colour === 0 ? null : blank(1, 1, colour)
}

/** A canvas of the predicted output size filled with the most common non-zero colour. */
export function majorityCanvas(image: Image, context: TransformContext): Image | null {
  const size = context.outputSize
  const colour = majorityColour(image)
  return size && colour !== 0 ? blank(size.w, size.h, colour) : null
}
