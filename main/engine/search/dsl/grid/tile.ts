// Tiling: the image repeated in a grid of copies, plain or with mirrored copies so that
// neighbouring tiles reflect each other across their shared edge.
import { blank, type Image } from '../../image'
import type { TransformContext } from '../transform'
import { applySymmetry } from './symmetry'

/** Copies `tile` into `cells` (row width `outW`) with its top-left at (row, col). */
function paste(cells: Uint8Array, outW: number, tile: Image, row: number, col: number): void {
  for (let r = 0; r < tile.h; r++) cells.set(tile.cells.subarray(r * tile.w, (r + 1) * tile.w), (row + r) * outW + col)
}

/** `nx` copies across and `ny` down; null past 30 x 30. */
export function tile(image: Image, nx: number, ny: number): Image | null {
  return tileToSize(image, image.w * nx, image.h * ny)
}

/** The image repeated from the top-left until it fills w x h, the last copies cut off where they overhang. */
function tileToSize(image: Image, w: number, h: number): Image | null {
  const out = blank(w, h)
  if (!out) return null
  const cells = out.cells as Uint8Array
  const source = image.cells
  for (let r = 0; r < h; r++) {
    const sourceRow = (r % image.h) * image.w
    for (let c = 0; c < w; c++) cells[r * w + c] = source[sourceRow + (c % image.w)]!
  }
  return out
}

/** Repeated to fill the predicted output size (a pattern continued past the image); null if the size is unknown or the same. */
export function tileToOutput(image: Image, context: TransformContext): Image | null {
  const size = context.outputSize
  if (!size || (size.w === image.w && size.h === image.h) || size.w < image.w || size.h < image.h) return null
  return tileToSize(image, size.w, size.h)
}

export type MirrorLayout = 'right' | 'left' | 'down' | 'up' | 'quad' | 'quad_reversed' | 'turns_clockwise' | 'turns_counter'

export const MIRROR_LAYOUTS: readonly MirrorLayout[] = [
  'right',
  'left',
  'down',
  'up',
  'quad',
  'quad_reversed',
  'turns_clockwise',
  'turns_counter'
]

/** The four quadrants of a 2 x 2 layout, top-left, top-right, bottom-left, bottom-right. */
function quadrants(image: Image, layout: MirrorLayout): [Image, Image, Image, Image] {
  const across = applySymmetry(image, 'flip_horizontal')
  const down = applySymmetry(image, 'flip_vertical')
  const half = applySymmetry(image, 'rotate_180')
  if (layout === 'quad') return [image, across, down, half]
  if (layout === 'quad_reversed') return [half, down, across, image]
  const quarter = applySymmetry(image, 'rotate_90')
  const threeQuarters = applySymmetry(image, 'rotate_270')
  // Turning tiles: going clockwise round the quadrants, each is the previous one turned a further
  // quarter clockwise, or counter-clockwise.
  return layout === 'turns_clockwise' ? [image, quarter, threeQuarters, half] : [image, threeQuarters, quarter, half]
}

/**
 * Mirror tiling: 'right' puts the horizontal flip right of the image, 'left' left of it, 'down' and
 * 'up' the vertical flip below or above; 'quad' is the 2 x 2 block with the image top-left and its
 * flips beside, below and diagonal, 'quad_reversed' the same with the image bottom-right; the
 * 'turns' layouts put the image top-left and its quarter turns around it (square images only).
 */
export function mirrorTile(image: Image, layout: MirrorLayout): Image | null {
  const { w, h } = image
  if (layout.startsWith('turns') && w !== h) return null
  const wide = layout !== 'down' && layout !== 'up'
  const tall = layout !== 'right' && layout !== 'left'
  const out = blank(wide ? 2 * w : w, tall ? 2 * h : h)
  if (!out) return null
  const cells = out.cells as Uint8Array
  const flippedAcross = applySymmetry(image, 'flip_horizontal')
  const flippedDown = applySymmetry(image, 'flip_vertical')
  if (layout === 'right') {
    paste(cells, out.w, image, 0, 0)
    paste(cells, out.w, flippedAcross, 0, w)
  } else if (layout === 'left') {
    paste(cells, out.w, flippedAcross, 0, 0)
    paste(cells, out.w, image, 0, w)
  } else if (layout === 'down') {
    paste(cells, out.w, image, 0, 0)
    paste(cells, out.w, flippedDown, h, 0)
  } else if (layout === 'up') {
    paste(cells, out.w, flippedDown, 0, 0)
    paste(cells, out.w, image, h, 0)
  } else {
    const [topLeft, topRight, bottomLeft, bottomRight] = quadrants(image, layout)
    paste(cells, out.w, topLeft, 0, 0)
    paste(cells, out.w, topRight, 0, w)
    paste(cells, out.w, bottomLeft, h, 0)
    paste(cells, out.w, bottomRight, h, w)
  }
  return out
}
