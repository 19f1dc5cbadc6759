// Mutable cell arrays and the small queries the sample rules share. A rule builds its input and
// output as plain `number[][]`; the generator freezes them into `Grid`s with makeGrid.
import type { Color, Grid } from '../arc'
import type { Rng } from '../random'

/** A grid under construction: rows of colours, changed in place until it is frozen. */
export type Cells = Color[][]

/** A cell position, row first. */
export type Position = readonly [row: number, column: number]

/** The colours other than the background 0. */
export const FOREGROUND: readonly Color[] = [1, 2, 3, 4, 5, 6, 7, 8, 9]

export function blankCells(height: number, width: number, colour: Color = 0): Cells {
  return Array.from({ length: height }, () => new Array<Color>(width).fill(colour))
}

export function copyCells(grid: Grid): Cells {
  return grid.map((row) => [...row])
}

export function cellAt(grid: Grid, row: number, column: number): Color | undefined {
  return grid[row]?.[column]
}

/** Sets one cell; throws on a position outside the grid (a rule's bug). */
export function setCell(cells: Cells, row: number, column: number, colour: Color): void {
  const cellRow = cells[row]
  if (cellRow === undefined || column < 0 || column >= cellRow.length) {
    throw new RangeError(`cell (${row}, ${column}) is outside a ${cells.length}x${cells[0]?.length ?? 0} grid`)
  }
  cellRow[column] = colour
}

/** A random grid size, [height, width], each within an inclusive range (the height drawn first). */
export function randomSize(rng: Rng, heights: readonly [number, number], widths: readonly [number, number] = heights): [number, number] {
  const height = rng.int(...heights)
  return [height, rng.int(...widths)]
}

/** A grid where each cell is, with probability `density`, a colour picked from `colours`, else 0. */
export function randomCells(rng: Rng, height: number, width: number, density: number, colours: readonly Color[]): Cells {
  return Array.from({ length: height }, () => Array.from({ length: width }, () => (rng.chance(density) ? rng.pick(colours) : 0)))
}

/** `count` distinct foreground colours in random order, drawn from `from`. */
export function randomPalette(rng: Rng, count: number, from: readonly Color[] = FOREGROUND): Color[] {
  return rng.shuffle(from).slice(0, count)
}

const STEPS_4: readonly Position[] = [
  [-1, 0],
  [1, 0],
  [0, -1],
  [0, 1]
]

const STEPS_8: readonly Position[] = [...STEPS_4, [-1, -1], [-1, 1], [1, -1], [1, 1]]

/** The in-grid positions next to (row, column): edge-sharing only, or corner-sharing too. */
export function neighbours(grid: Grid, row: number, column: number, connectivity: 4 | 8): Position[] {
  const steps = connectivity === 4 ? STEPS_4 : STEPS_8
  return steps.map(([dr, dc]): Position => [row + dr, column + dc]).filter(([r, c]) => cellAt(grid, r, c) !== undefined)
}

/** One connected object: cells of one non-zero colour joined through shared edges. */
export interface GridObject {
  readonly colour: Color
  /** In the order the flood fill found them; the first is the object's top-left-most cell in reading order. */
  readonly cells: readonly Position[]
}

/** The 4-connected single-colour objects of a grid, in reading order of their first cell. */
export function findObjects(grid: Grid): GridObject[] {
  const seen = grid.map((row) => row.map(() => false))
  const objects: GridObject[] = []
  grid.forEach((row, r) =>
    row.forEach((colour, c) => {
      if (colour === 0 || seen[r]![c]) return
      seen[r]![c] = true
      const cells: Position[] = [[r, c]]
      for (let i = 0; i < cells.length; i++) {
        const [cr, cc] = cells[i]!
        for (const [nr, nc] of neighbours(grid, cr, cc, 4)) {
          if (seen[nr]![nc] || cellAt(grid, nr, nc) !== colour) continue
          seen[nr]![nc] = true
          cells.push([nr, nc])
        }
      }
      objects.push({ colour, cells })
    })
  )
  return objects
}

/** A rectangle of cells: top-left corner and size. */
export interface Box {
  readonly top: number
  readonly left: number
  readonly height: number
  readonly width: number
}

/** Whether two boxes overlap once each is grown by `margin` cells on every side. */
function boxesClash(a: Box, b: Box, margin: number): boolean {
  return (
    a.top - margin < b.top + b.height &&
    b.top - margin < a.top + a.height &&
    a.left - margin < b.left + b.width &&
    b.left - margin < a.left + a.width
  )
}

/**
 * Places boxes of the drawn sizes at random in a height x width grid, none within `margin` cells of
 * another; a box that finds no room in a few tries is left out, so fewer boxes than asked may return.
 */
export function placeBoxes(
  rng: Rng,
  height: number,
  width: number,
  sizes: readonly { readonly height: number; readonly width: number }[],
  margin: number
): Box[] {
  const placed: Box[] = []
  for (const size of sizes) {
    if (size.height > height || size.width > width) continue
    for (let attempt = 0; attempt < 20; attempt++) {
      const box = { top: rng.int(0, height - size.height), left: rng.int(0, width - size.width), ...size }
      if (placed.every((other) => !boxesClash(box, other, margin))) {
        placed.push(box)
        break
      }
    }
  }
  return placed
}
