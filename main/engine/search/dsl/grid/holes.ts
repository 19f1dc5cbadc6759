// Enclosed background: background cells that no 4-connected path of background links to the edge.
// Walls that touch only at corners still enclose (a 4-connected flood cannot slip between them).
import type { Image } from '../../image'

/** 1 for background cells reachable from the edge through background, 0 elsewhere. */
export function outsideBackground(image: Image): Uint8Array {
  const { w, h, cells } = image
  const outside = new Uint8Array(w * h)
  const queue = new Int32Array(w * h)
  let tail = 0
  const push = (i: number): void => {
    if (cells[i] === 0 && outside[i] === 0) {
      outside[i] = 1
      queue[tail++] = i
    }
  }
  for (let c = 0; c < w; c++) {
    push(c)
    push((h - 1) * w + c)
  }
  for (let r = 0; r < h; r++) {
    push(r * w)
    push(r * w + w - 1)
  }
  for (let head = 0; head < tail; head++) {
    const i = queue[head]!
    const r = (i / w) | 0
    const c = i - r * w
    if (r > 0) push(i - w)
    if (r < h - 1) push(i + w)
    if (c > 0) push(i - 1)
    if (c < w - 1) push(i + 1)
  }
  return outside
}

/** Enclosed background cells painted `colour`; null if there are none. */
export function fillHoles(image: Image, colour: number): Image | null {
  const outside = outsideBackground(image)
  const cells = image.cells.slice()
  let filled = 0
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] === 0 && outside[i] === 0) {
      cells[i] = colour
      filled++
    }
  }
  return filled === 0 ? null : { x: image.x, y: image.y, w: image.w, h: image.h, cells }
}

/**
 * Each enclosed background region painted the most common colour among the cells around it (a ring
 * filled with its own colour); null if there are none.
 */
export function fillHolesWithSurrounding(image: Image): Image | null {
  const { w, h } = image
  const outside = outsideBackground(image)
  const cells = image.cells.slice()
  const queue = new Int32Array(w * h)
  const region = new Uint8Array(w * h)
  const around = new Uint32Array(10)
  let found = false
  for (let seed = 0; seed < cells.length; seed++) {
    if (cells[seed] !== 0 || outside[seed] === 1 || region[seed] === 1) continue
    found = true
    around.fill(0)
    let tail = 0
    region[seed] = 1
    queue[tail++] = seed
    for (let head = 0; head < tail; head++) {
      const i = queue[head]!
      const r = (i / w) | 0
      const c = i - r * w
      for (let k = 0; k < 4; k++) {
        const nr = k === 0 ? r - 1 : k === 1 ? r + 1 : r
        const nc = k === 2 ? c - 1 : k === 3 ? c + 1 : c
        if (nr < 0 || nr >= h || nc < 0 || nc >= w) continue
        const n = nr * w + nc
        if (image.cells[n] !== 0) around[image.cells[n]!]!++
        else if (region[n] === 0) {
          region[n] = 1
          queue[tail++] = n
        }
      }
    }
    let colour = 1
    for (let c = 2; c < 10; c++) if (around[c]! > around[colour]!) colour = c
    for (let k = 0; k < tail; k++) cells[queue[k]!] = colour
  }
  return found ? { x: image.x, y: image.y, w, h, cells } : null
}
