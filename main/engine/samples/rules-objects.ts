// Sample rules that see the grid as objects on a black background: gravity, filling closed
// outlines, recolouring the largest object, cropping to the content, and removing noise pixels.
import type { Grid } from '../arc'
import {
  FOREGROUND,
  blankCells,
  cellAt,
  copyCells,
  findObjects,
  neighbours,
  placeBoxes,
  randomCells,
  randomPalette,
  randomSize,
  setCell,
  type Box,
  type Cells,
  type GridObject,
  type Position
} from './cells'
import type { Rng } from '../random'
import type { SampleRule } from './sample-rule'

/** The fill-enclosed rule's fill colour (yellow), never used for outlines. */
const FILL_COLOUR = 4
/** The recolour-largest-object rule's colours: every object grey, the largest becomes red. */
const OBJECT_COLOUR = 5
const LARGEST_COLOUR = 2

/** Whether a cell and all 8 cells around it are black, so a pixel put there touches nothing. */
function isClearSpot(grid: Grid, row: number, column: number): boolean {
  return cellAt(grid, row, column) === 0 && neighbours(grid, row, column, 8).every(([r, c]) => cellAt(grid, r, c) === 0)
}

function allPositions(grid: Grid): Position[] {
  return grid.flatMap((row, r) => row.map((_, c): Position => [r, c]))
}

/** Draws a box's one-cell outline; with `gap`, leaves one non-corner outline cell open. */
function drawOutline(rng: Rng, cells: Cells, box: Box, colour: number, gap: boolean): void {
  const bottom = box.top + box.height - 1
  const right = box.left + box.width - 1
  for (let r = box.top; r <= bottom; r++) {
    for (let c = box.left; c <= right; c++) {
      if (r === box.top || r === bottom || c === box.left || c === right) setCell(cells, r, c, colour)
    }
  }
  if (!gap) return
  const side = rng.int(0, 3)
  const along = side < 2 ? rng.int(box.left + 1, right - 1) : rng.int(box.top + 1, bottom - 1)
  if (side === 0) setCell(cells, box.top, along, 0)
  else if (side === 1) setCell(cells, bottom, along, 0)
  else if (side === 2) setCell(cells, along, box.left, 0)
  else setCell(cells, along, right, 0)
}

/**
 * Grows one 4-connected blob of up to `size` cells from a random start, never touching (even at a
 * corner) a cell another blob owns; `owner` holds each cell's blob number, or -1.
 */
function growBlob(rng: Rng, owner: number[][], id: number, size: number): void {
  const free = (r: number, c: number): boolean =>
    owner[r]?.[c] === -1 && neighbours(owner, r, c, 8).every(([nr, nc]) => owner[nr]![nc] === -1 || owner[nr]![nc] === id)
  const starts = allPositions(owner).filter(([r, c]) => free(r, c))
  if (starts.length === 0) return
  const blob: Position[] = [rng.pick(starts)]
  setCell(owner, blob[0]![0], blob[0]![1], id)
  while (blob.length < size) {
    const frontier = blob.flatMap(([r, c]) => neighbours(owner, r, c, 4)).filter(([r, c]) => free(r, c))
    if (frontier.length === 0) return
    const [r, c] = rng.pick(frontier)
    setCell(owner, r, c, id)
    blob.push([r, c])
  }
}

export const gravity: SampleRule = {
  id: 'gravity',
  description: 'Let every coloured cell fall straight down until it lands on the floor or on another cell.',
  makeInput: (rng) => randomCells(rng, rng.int(3, 8), rng.int(3, 8), rng.pick([0.2, 0.3, 0.4]), randomPalette(rng, rng.int(1, 3))),
  apply(input) {
    const height = input.length
    const cells = blankCells(height, input[0]!.length)
    input[0]!.forEach((_, c) => {
      // The column's coloured cells keep their top-to-bottom order and stack on the bottom row.
      const fallen = input.map((row) => row[c]!).filter((cell) => cell !== 0)
      fallen.forEach((cell, i) => setCell(cells, height - fallen.length + i, c, cell))
    })
    return cells
  }
}

export const fillEnclosed: SampleRule = {
  id: 'fill-enclosed',
  description: 'Fill the inside of every closed outline with yellow; outlines with a gap stay empty.',
  makeInput(rng) {
    const [height, width] = randomSize(rng, [6, 12])
    const sizes = Array.from({ length: rng.int(1, 3) }, () => ({ height: rng.int(3, 5), width: rng.int(3, 6) }))
    const cells = blankCells(height, width)
    const outlineColours = FOREGROUND.filter((c) => c !== FILL_COLOUR)
    // The first outline is always closed, so every input has something to fill.
    placeBoxes(rng, height, width, sizes, 1).forEach((box, i) =>
      drawOutline(rng, cells, box, rng.pick(outlineColours), i > 0 && rng.chance(0.35))
    )
    return cells
  },
  apply(input) {
    // Black cells that no path of black cells (through shared edges) joins to the grid's edge are enclosed.
    const height = input.length
    const width = input[0]!.length
    const outside = input.map((row) => row.map(() => false))
    const queue = allPositions(input).filter(([r, c]) => (r === 0 || c === 0 || r === height - 1 || c === width - 1) && input[r]![c] === 0)
    for (const [r, c] of queue) outside[r]![c] = true
    for (let i = 0; i < queue.length; i++) {
      const [r, c] = queue[i]!
      for (const [nr, nc] of neighbours(input, r, c, 4)) {
        if (outside[nr]![nc] || input[nr]![nc] !== 0) continue
        outside[nr]![nc] = true
        queue.push([nr, nc])
      }
    }
    return input.map((row, r) => row.map((cell, c) => (cell === 0 && !outside[r]![c] ? FILL_COLOUR : cell)))
  }
}

export const recolourLargestObject: SampleRule = {
  id: 'recolour-largest-object',
  description: 'Of the grey objects, recolour the one with the most cells red.',
  makeInput(rng) {
    // Redraw until there are two or more objects and exactly one of them is the largest.
    for (;;) {
      const [height, width] = randomSize(rng, [6, 12])
      const owner = blankCells(height, width, -1)
      const sizes = rng.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9]).slice(0, rng.int(2, 4))
      sizes.forEach((size, id) => growBlob(rng, owner, id, size))
      const cells = owner.map((row) => row.map((id) => (id === -1 ? 0 : OBJECT_COLOUR)))
      const counts = findObjects(cells)
        .map((o) => o.cells.length)
        .sort((a, b) => b - a)
      if (counts.length >= 2 && counts[0]! > counts[1]!) return cells
    }
  },
  apply(input) {
    // The first object in reading order wins a tie; the inputs never have one.
    let largest: GridObject | undefined
    for (const object of findObjects(input)) if (!largest || object.cells.length > largest.cells.length) largest = object
    const cells = copyCells(input)
    for (const [r, c] of largest?.cells ?? []) setCell(cells, r, c, LARGEST_COLOUR)
    return cells
  }
}

export const cropToContent: SampleRule = {
  id: 'crop-to-content',
  description: 'Cut the grid down to the smallest rectangle holding every coloured cell.',
  makeInput(rng) {
    const [height, width] = randomSize(rng, [5, 12])
    const patternHeight = rng.int(2, Math.min(5, height - 1))
    const patternWidth = rng.int(2, Math.min(5, width - 1))
    const palette = randomPalette(rng, rng.int(1, 3))
    const pattern = randomCells(rng, patternHeight, patternWidth, 0.6, palette)
    // One coloured cell on each side of the pattern, so the pattern spans its whole box.
    setCell(pattern, 0, rng.int(0, patternWidth - 1), rng.pick(palette))
    setCell(pattern, patternHeight - 1, rng.int(0, patternWidth - 1), rng.pick(palette))
    setCell(pattern, rng.int(0, patternHeight - 1), 0, rng.pick(palette))
    setCell(pattern, rng.int(0, patternHeight - 1), patternWidth - 1, rng.pick(palette))
    const top = rng.int(0, height - patternHeight)
    const left = rng.int(0, width - patternWidth)
    const cells = blankCells(height, width)
    pattern.forEach((row, r) => row.forEach((cell, c) => setCell(cells, top + r, left + c, cell)))
    return cells
  },
  apply(input) {
    const rows = input.flatMap((row, r) => (row.some((cell) => cell !== 0) ? [r] : []))
    const columns = input[0]!.flatMap((_, c) => (input.some((row) => row[c] !== 0) ? [c] : []))
    if (rows.length === 0) return input.map((row) => [...row])
    const [top, bottom] = [rows[0]!, rows[rows.length - 1]!]
    const [left, right] = [columns[0]!, columns[columns.length - 1]!]
    return input.slice(top, bottom + 1).map((row) => row.slice(left, right + 1))
  }
}

export const denoise: SampleRule = {
  id: 'denoise',
  description: 'Remove every lone pixel: a coloured cell with no coloured cell among its 8 neighbours.',
  makeInput(rng) {
    const [height, width] = randomSize(rng, [6, 12])
    const palette = randomPalette(rng, rng.int(1, 3))
    const cells = blankCells(height, width)
    const sizes = Array.from({ length: rng.int(1, 3) }, () => ({ height: rng.int(2, 4), width: rng.int(2, 4) }))
    for (const box of placeBoxes(rng, height, width, sizes, 1)) {
      const colour = rng.pick(palette)
      for (let r = box.top; r < box.top + box.height; r++)
        for (let c = box.left; c < box.left + box.width; c++) setCell(cells, r, c, colour)
    }
    for (let noise = rng.int(2, 5); noise > 0; noise--) {
      const spots = allPositions(cells).filter(([r, c]) => isClearSpot(cells, r, c))
      if (spots.length === 0) break
      const [r, c] = rng.pick(spots)
      setCell(cells, r, c, rng.pick(palette))
    }
    return cells
  },
  apply: (input) =>
    input.map((row, r) =>
      row.map((cell, c) => (cell !== 0 && neighbours(input, r, c, 8).every(([nr, nc]) => input[nr]![nc] === 0) ? 0 : cell))
    )
}
