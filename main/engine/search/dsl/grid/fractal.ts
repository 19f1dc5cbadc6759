// Self-similar tiling: a w x h image becomes a (w*w) x (h*h) one made of w x h blocks, where each
// block is a copy of the whole image if the matching cell is set (or, inverted, if it is background)
// and blank otherwise.
import { blank, type Image } from '../../image'

export function fractal(image: Image, where: 'set' | 'background'): Image | null {
  const { w, h, cells: source } = image
  const out = blank(w * w, h * h)
  if (!out) return null
  const cells = out.cells as Uint8Array
  const outW = w * w
  for (let blockRow = 0; blockRow < h; blockRow++) {
    for (let blockColumn = 0; blockColumn < w; blockColumn++) {
      const set = source[blockRow * w + blockColumn] !== 0
      if (set !== (where === 'set')) continue
      for (let r = 0; r < h; r++) cells.set(source.subarray(r * w, r * w + w), (blockRow * h + r) * outW + blockColumn * w)
    }
  }
  return out
}
