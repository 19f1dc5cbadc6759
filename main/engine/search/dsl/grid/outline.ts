// Outlines, interiors and surrounding rings of the non-zero shapes, and borders around the whole image. A shape cell is
// on the outline when one of its 8 neighbours is background or lies outside the image, so the
// outline of a filled rectangle is its ring and the interior is what the ring encloses.
import { blank, type Image } from '../../image'

/** 1 for non-zero cells on a shape's outline. */
function outlineMask(image: Image): Uint8Array {
  const { w, h, cells } = image
  const mask = new Uint8Array(w * h)
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (cells[r * w + c] === 0) continue
      let edge = r === 0 || c === 0 || r === h - 1 || c === w - 1
      for (let dr = -1; dr <= 1 && !edge; dr++) for (let dc = -1; dc <= 1 && !edge; dc++) edge = cells[(r + dr) * w + c + dc] === 0
      if (edge) mask[r * w + c] = 1
    }
  }
  return mask
}

/** The shape cells kept where `mask` equals `keep`; null if none remain. */
function keepWhere(image: Image, mask: Uint8Array, keep: number): Image | null {
  const cells = image.cells.slice()
  let kept = 0
  for (let i = 0; i < cells.length; i++) {
    if (mask[i] !== keep) cells[i] = 0
    else if (cells[i] !== 0) kept++
  }
  return kept === 0 ? null : { x: image.x, y: image.y, w: image.w, h: image.h, cells }
}

/** Only the outline cells of the shapes (hollowed out). */
export function outline(image: Image): Image | null {
  return keepWhere(image, outlineMask(image), 1)
}

/** Only the shape cells that are not on an outline; null if the shapes are too thin to have any. */
export function interior(image: Image): Image | null {
  return keepWhere(image, outlineMask(image), 0)
}

/** The outermost ring of cells painted `colour`, same size. */
export function frame(image: Image, colour: number): Image {
  const { w, h } = image
  const cells = image.cells.slice()
  cells.fill(colour, 0, w)
  cells.fill(colour, (h - 1) * w, h * w)
  for (let r = 1; r < h - 1; r++) {
    cells[r * w] = colour
    cells[r * w + w - 1] = colour
  }
  return { x: image.x, y: image.y, w, h, cells }
}

/** The image inside a new one-cell ring of `colour` (two cells wider and taller); null past 30 x 30. */
export function addBorder(image: Image, colour: number): Image | null {
  const out = blank(image.w + 2, image.h + 2, colour, image.x - 1, image.y - 1)
  if (!out) return null
  const cells = out.cells as Uint8Array
  for (let r = 0; r < image.h; r++) cells.set(image.cells.subarray(r * image.w, (r + 1) * image.w), (r + 1) * out.w + 1)
  return out
}

/** The outermost ring removed; null if fewer than 3 rows or columns. */
export function removeBorder(image: Image): Image | null {
  const { w, h } = image
  if (w < 3 || h < 3) return null
  const cells = new Uint8Array((w - 2) * (h - 2))
  for (let r = 1; r < h - 1; r++) cells.set(image.cells.subarray(r * w + 1, r * w + w - 1), (r - 1) * (w - 2))
  return { x: image.x + 1, y: image.y + 1, w: w - 2, h: h - 2, cells }
}

/** Background cells touching a shape (any of their 8 neighbours non-zero) painted `colour`; null if there are none. */
export function surround(image: Image, colour: number): Image | null {
  const { w, h, cells: source } = image
  const cells = source.slice()
  let painted = 0
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (source[r * w + c] !== 0) continue
      let touches = false
      for (let nr = Math.max(0, r - 1); nr <= Math.min(h - 1, r + 1) && !touches; nr++) {
        for (let nc = Math.max(0, c - 1); nc <= Math.min(w - 1, c + 1) && !touches; nc++) touches = source[nr * w + nc] !== 0
      }
      if (touches) {
        cells[r * w + c] = colour
        painted++
      }
    }
  }
  return painted === 0 ? null : { x: image.x, y: image.y, w, h, cells }
}
