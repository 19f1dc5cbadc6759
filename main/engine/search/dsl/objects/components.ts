// Connected components of the non-zero cells: the objects of a grid. One flood fill over a typed
// queue; each component becomes an image of its bounding box holding only its own cells (other
// objects' cells inside that box are background), placed at its offset in the source frame.
// Objects come out in scan order of their first cell (top row first, then left to right).
import type { Image } from '../../image'

export type Connectivity = 4 | 8

export interface ComponentOptions {
  /** 4: cells touching by an edge are connected; 8: corners connect too. */
  readonly connectivity: Connectivity
  /** When true a component holds one colour only; otherwise any non-zero neighbours join. */
  readonly sameColour: boolean
}

const EDGE_STEPS: readonly (readonly [number, number])[] = [
  [0, 1],
  [1, 0],
  [0, -1],
  [-1, 0]
]
const ALL_STEPS: readonly (readonly [number, number])[] = [...EDGE_STEPS, [1, 1], [1, -1], [-1, 1], [-1, -1]]

export function connectedComponents(image: Image, options: ComponentOptions): Image[] {
  const { w, h, cells } = image
  const steps = options.connectivity === 8 ? ALL_STEPS : EDGE_STEPS
  const seen = new Uint8Array(w * h)
  // Every cell enters the queue once; a component's cells are queue[start, end) once its fill ends.
  const queue = new Int32Array(w * h)
  let tail = 0
  const objects: Image[] = []
  for (let seed = 0; seed < w * h; seed++) {
    if (seen[seed] || cells[seed] === 0) continue
    const colour = cells[seed]!
    const start = tail
    seen[seed] = 1
    queue[tail++] = seed
    let left = w,
      top = h,
      right = 0,
      bottom = 0
    for (let head = start; head < tail; head++) {
      const index = queue[head]!
      const row = (index / w) | 0
      const col = index - row * w
      if (col < left) left = col
      if (col > right) right = col
      if (row < top) top = row
      if (row > bottom) bottom = row
      for (const [dr, dc] of steps) {
        const r = row + dr
        const c = col + dc
        if (r < 0 || r >= h || c < 0 || c >= w) continue
        const next = r * w + c
        if (seen[next] || cells[next] === 0) continue
        if (options.sameColour && cells[next] !== colour) continue
        seen[next] = 1
        queue[tail++] = next
      }
    }
    objects.push(componentImage(image, queue.subarray(start, tail), left, top, right + 1, bottom + 1))
  }
  return objects
}

function componentImage(image: Image, members: Int32Array, left: number, top: number, right: number, bottom: number): Image {
  const ow = right - left
  const out = new Uint8Array(ow * (bottom - top))
  for (let i = 0; i < members.length; i++) {
    const index = members[i]!
    const row = (index / image.w) | 0
    const col = index - row * image.w
    out[(row - top) * ow + (col - left)] = image.cells[index]!
  }
  return { x: image.x + left, y: image.y + top, w: ow, h: bottom - top, cells: out }
}
