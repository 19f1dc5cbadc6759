// Moving the whole content by one cell; cells pushed past the edge are lost and background enters
// from the other side.
import type { Image } from '../../image'
import type { Direction } from './directions'

export function shift(image: Image, direction: Direction): Image {
  const { w, h } = image
  const dr = direction === 'down' ? 1 : direction === 'up' ? -1 : 0
  const dc = direction === 'right' ? 1 : direction === 'left' ? -1 : 0
  const cells = new Uint8Array(w * h)
  for (let r = Math.max(0, -dr); r < Math.min(h, h - dr); r++) {
    const from = r * w + Math.max(0, -dc)
    cells.set(image.cells.subarray(from, from + w - Math.abs(dc)), (r + dr) * w + Math.max(0, dc))
  }
  return { x: image.x, y: image.y, w, h, cells }
}
