// Repairs: making a pattern symmetric by copying its non-zero cells onto their mirror images, and
// removing noise cells that belong to no shape.
import type { Image } from '../../image'
import { applySymmetry, type Symmetry } from './symmetry'

export type SymmetryAxes = 'horizontal' | 'vertical' | 'both' | 'diagonal' | 'rotation'

export const SYMMETRY_AXES: readonly SymmetryAxes[] = ['horizontal', 'vertical', 'both', 'diagonal', 'rotation']

/** The symmetries whose images fill the gaps; diagonal and rotation completions need a square. */
function mirrorsOf(axes: SymmetryAxes): Symmetry[] {
  switch (axes) {
    case 'horizontal':
      return ['flip_horizontal']
    case 'vertical':
      return ['flip_vertical']
    case 'both':
      return ['flip_horizontal', 'flip_vertical', 'rotate_180']
    case 'diagonal':
      return ['transpose']
    case 'rotation':
      return ['rotate_90', 'rotate_180', 'rotate_270']
  }
}

/**
 * Background cells take the colour of a non-zero mirror cell (first mirror in `mirrorsOf` order
 * wins), about the image's centre lines; null if the image is not square where that is needed, or
 * nothing changes.
 */
export function completeSymmetry(image: Image, axes: SymmetryAxes): Image | null {
  if ((axes === 'diagonal' || axes === 'rotation') && image.w !== image.h) return null
  const cells = image.cells.slice()
  let changed = false
  for (const symmetry of mirrorsOf(axes)) {
    const mirrored = applySymmetry(image, symmetry).cells
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] === 0 && mirrored[i] !== 0) {
        cells[i] = mirrored[i]!
        changed = true
      }
    }
  }
  return changed ? { x: image.x, y: image.y, w: image.w, h: image.h, cells } : null
}

/** Non-zero cells with no non-zero cell among their 8 neighbours become background; null if there are none. */
export function denoise(image: Image): Image | null {
  const { w, h, cells: source } = image
  const cells = source.slice()
  let removed = 0
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (source[r * w + c] === 0) continue
      let alone = true
      for (let dr = -1; dr <= 1 && alone; dr++) {
        for (let dc = -1; dc <= 1 && alone; dc++) {
          const nr = r + dr
          const nc = c + dc
          if ((dr !== 0 || dc !== 0) && nr >= 0 && nr < h && nc >= 0 && nc < w && source[nr * w + nc] !== 0) alone = false
        }
      }
      if (alone) {
        cells[r * w + c] = 0
        removed++
      }
    }
  }
  return removed === 0 ? null : { x: image.x, y: image.y, w, h, cells }
}

/**
 * Background cells take the colour of their mirror images about the centre of colour `centre`'s
 * bounding box, left-right, top-bottom and both (a picture completed around a marked centre); null if
 * the colour is absent or nothing changes.
 */
export function mirrorAround(image: Image, centre: number): Image | null {
  const { w, h, cells: source } = image
  let top = h
  let bottom = -1
  let left = w
  let right = -1
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== centre) continue
    const r = (i / w) | 0
    const c = i - r * w
    top = Math.min(top, r)
    bottom = Math.max(bottom, r)
    left = Math.min(left, c)
    right = Math.max(right, c)
  }
  if (bottom < 0) return null
  const rowSum = top + bottom
  const columnSum = left + right
  const cells = source.slice()
  let changed = false
  const paint = (r: number, c: number, colour: number) => {
    if (r < 0 || r >= h || c < 0 || c >= w || cells[r * w + c] !== 0) return
    cells[r * w + c] = colour
    changed = true
  }
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const colour = source[r * w + c]!
      if (colour === 0) continue
      paint(r, columnSum - c, colour)
      paint(rowSum - r, c, colour)
      paint(rowSum - r, columnSum - c, colour)
    }
  }
  return changed ? { x: image.x, y: image.y, w, h, cells } : null
}
