// The symmetries of a rectangle (rotations by quarter turns, flips and the two diagonal reflections).
// Each is one linear walk over the source cells: output cell (r, c) reads source index
// base + r * rowStep + c * colStep, so all seven share one loop and no per-cell arithmetic beyond adds.
import type { Image } from '../../image'

export type Symmetry = 'rotate_90' | 'rotate_180' | 'rotate_270' | 'flip_horizontal' | 'flip_vertical' | 'transpose' | 'anti_transpose'

export const SYMMETRIES: readonly Symmetry[] = [
  'rotate_90',
  'rotate_180',
  'rotate_270',
  'flip_horizontal',
  'flip_vertical',
  'transpose',
  'anti_transpose'
]

/** Whether the symmetry swaps width and height. */
function swapsSides(symmetry: Symmetry): boolean {
  return symmetry === 'rotate_90' || symmetry === 'rotate_270' || symmetry === 'transpose' || symmetry === 'anti_transpose'
}

/** [base, rowStep, colStep] of the source walk for a w x h source image. */
function walk(symmetry: Symmetry, w: number, h: number): [number, number, number] {
  switch (symmetry) {
    case 'rotate_90': // clockwise: out(r, c) = in(h - 1 - c, r)
      return [(h - 1) * w, 1, -w]
    case 'rotate_180':
      return [h * w - 1, -w, -1]
    case 'rotate_270': // counter-clockwise: out(r, c) = in(c, w - 1 - r)
      return [w - 1, -1, w]
    case 'flip_horizontal': // mirror left-right
      return [w - 1, w, -1]
    case 'flip_vertical': // mirror top-bottom
      return [(h - 1) * w, -w, 1]
    case 'transpose': // out(r, c) = in(c, r)
      return [0, 1, w]
    case 'anti_transpose': // out(r, c) = in(h - 1 - c, w - 1 - r)
      return [h * w - 1, -1, -w]
  }
}

/** The image under `symmetry`; the offset is kept so a turned object stays where it was. */
export function applySymmetry(image: Image, symmetry: Symmetry): Image {
  const { w, h } = image
  const outW = swapsSides(symmetry) ? h : w
  const outH = swapsSides(symmetry) ? w : h
  const [base, rowStep, colStep] = walk(symmetry, w, h)
  const source = image.cells
  const cells = new Uint8Array(w * h)
  let i = 0
  for (let r = 0; r < outH; r++) {
    let s = base + r * rowStep
    for (let c = 0; c < outW; c++, s += colStep) cells[i++] = source[s]!
  }
  return { x: image.x, y: image.y, w: outW, h: outH, cells }
}
