// Small tasks and a small DSL for the search tests, generated here (no ARC data): seeded random
// grids, and a handful of transforms whose programs the tests expect the search to recover.
import type { Grid, Task } from '../../../main/engine/arc/types'
import type { Image } from '../../../main/engine/search/image'
import type { Transform } from '../../../main/engine/search/dsl/transform'

/** A deterministic generator (a 32-bit LCG), so every run builds the same tasks. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** A w x h grid of background 0 with about `density` of its cells coloured 1..4. */
export function randomGrid(random: () => number, w: number, h: number, density = 0.3): Grid {
  return Array.from({ length: h }, () => Array.from({ length: w }, () => (random() < density ? 1 + Math.floor(random() * 4) : 0)))
}

export function flipGrid(grid: Grid): Grid {
  return grid.map((row) => [...row].reverse())
}

export function cropGrid(grid: Grid): Grid {
  const rows = grid.map((row, r) => (row.some((c) => c !== 0) ? r : -1)).filter((r) => r >= 0)
  const cols = grid[0]!.map((_, c) => (grid.some((row) => row[c] !== 0) ? c : -1)).filter((c) => c >= 0)
  return grid.slice(rows[0], rows[rows.length - 1]! + 1).map((row) => row.slice(cols[0], cols[cols.length - 1]! + 1))
}

/** A task whose outputs are `rule(input)` for random inputs with a zero margin around the content. */
export function generatedTask(id: string, seed: number, rule: (grid: Grid) => Grid, demos = 3, tests = 1): Task {
  const random = seededRandom(seed)
  const pairs = Array.from({ length: demos + tests }, () => {
    const w = 4 + Math.floor(random() * 5)
    const h = 4 + Math.floor(random() * 5)
    const inner = randomGrid(random, w, h, 0.6)
    // Pad with background on the left and top so that cropping matters.
    const padded = [Array(w + 2).fill(0), ...inner.map((row) => [0, 0, ...row])]
    return { input: padded, output: rule(padded) }
  })
  return { id, train: pairs.slice(0, demos), test: pairs.slice(demos) }
}

function imageOf(image: Image, w: number, h: number, cell: (r: number, c: number) => number): Image {
  const cells = new Uint8Array(w * h)
  for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) cells[r * w + c] = cell(r, c)
  return { x: image.x, y: image.y, w, h, cells }
}

function entry(name: string, apply: (image: Image) => Image | null, args: readonly (string | number)[] = []): Transform {
  return { name, args, doc: name, cost: 1, from: 'image', to: 'image', apply }
}

/** A tiny DSL: flips, crop, keep one colour, transpose. */
export const TEST_DSL: readonly Transform[] = [
  entry('flip_x', (i) => imageOf(i, i.w, i.h, (r, c) => i.cells[r * i.w + (i.w - 1 - c)]!)),
  entry('flip_y', (i) => imageOf(i, i.w, i.h, (r, c) => i.cells[(i.h - 1 - r) * i.w + c]!)),
  entry('transpose', (i) => imageOf(i, i.h, i.w, (r, c) => i.cells[c * i.w + r]!)),
  entry('crop', (i) => {
    let top = i.h, bottom = -1, left = i.w, right = -1
    for (let r = 0; r < i.h; r++) {
      for (let c = 0; c < i.w; c++) {
        if (i.cells[r * i.w + c] === 0) continue
        top = Math.min(top, r)
        bottom = Math.max(bottom, r)
        left = Math.min(left, c)
        right = Math.max(right, c)
      }
    }
    if (bottom < 0) return null
    return imageOf(i, right - left + 1, bottom - top + 1, (r, c) => i.cells[(r + top) * i.w + c + left]!)
  }),
  ...[1, 2].map((colour) => entry('keep', (i) => imageOf(i, i.w, i.h, (r, c) => (i.cells[r * i.w + c] === colour ? colour : 0)), [colour]))
]

export function sameGrid(a: Grid | undefined, b: Grid | undefined): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b)
}
