// Whether an image looks the same after a flip, a half turn or (when square) a transpose: the
// property that singles out the one regular object, or the one irregular one, in many ARC tasks.
import type { Image } from '../../image'

/** True when the image equals its left-right mirror, top-bottom mirror, half turn or transpose. */
export function hasSymmetry(image: Image): boolean {
  return mirrorsLeftRight(image) || mirrorsTopBottom(image) || survivesHalfTurn(image) || (image.w === image.h && survivesTranspose(image))
}

function mirrorsLeftRight({ w, h, cells }: Image): boolean {
  for (let r = 0; r < h; r++) for (let c = 0; c < w >> 1; c++) if (cells[r * w + c] !== cells[r * w + w - 1 - c]) return false
  return true
}

function mirrorsTopBottom({ w, h, cells }: Image): boolean {
  for (let r = 0; r < h >> 1; r++) for (let c = 0; c < w; c++) if (cells[r * w + c] !== cells[(h - 1 - r) * w + c]) return false
  return true
}

function survivesHalfTurn({ cells }: Image): boolean {
  const n = cells.length
  for (let i = 0; i < n >> 1; i++) if (cells[i] !== cells[n - 1 - i]) return false
  return true
}

function survivesTranspose({ w, cells }: Image): boolean {
  for (let r = 0; r < w; r++) for (let c = r + 1; c < w; c++) if (cells[r * w + c] !== cells[c * w + r]) return false
  return true
}
