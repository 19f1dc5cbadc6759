// Whether an image encloses background: a background cell that cannot reach the edge of the image's
// box through edge-connected background cells is a hole (the inside of a ring or a box).
import type { Image } from '../../image'

export function hasHole(image: Image): boolean {
  const { w, h, cells } = image
  const outside = new Uint8Array(w * h)
  const queue = new Int32Array(w * h)
  let tail = 0
  // Seed the fill with every background cell on the box's edge.
  for (let i = 0; i < w * h; i++) {
    const row = (i / w) | 0
    const col = i - row * w
    const onEdge = row === 0 || col === 0 || row === h - 1 || col === w - 1
    if (onEdge && cells[i] === 0) {
      outside[i] = 1
      queue[tail++] = i
    }
  }
  for (let head = 0; head < tail; head++) {
    const i = queue[head]!
    const row = (i / w) | 0
    const col = i - row * w
    if (col > 0) tail = visit(i - 1, cells, outside, queue, tail)
    if (col < w - 1) tail = visit(i + 1, cells, outside, queue, tail)
    if (row > 0) tail = visit(i - w, cells, outside, queue, tail)
    if (row < h - 1) tail = visit(i + w, cells, outside, queue, tail)
  }
  for (let i = 0; i < w * h; i++) if (cells[i] === 0 && !outside[i]) return true
  return false
}

function visit(i: number, cells: Uint8Array, outside: Uint8Array, queue: Int32Array, tail: number): number {
  if (outside[i] || cells[i] !== 0) return tail
  outside[i] = 1
  queue[tail] = i
  return tail + 1
}
