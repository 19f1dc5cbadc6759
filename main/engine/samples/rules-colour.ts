// Sample rules about colours: recolouring by a fixed table, swapping foreground and background,
// keeping one colour, and counting coloured cells.
import type { Color, Grid } from '../arc'
import { FOREGROUND, blankCells, randomCells, randomPalette, randomSize, setCell, type Cells } from './cells'
import type { Rng } from '../random'
import type { SampleRule } from './sample-rule'

/** The colour-map rule's table: blue <-> red, green <-> yellow; other colours stay. */
const COLOUR_SWAPS: ReadonlyMap<Color, Color> = new Map([
  [1, 2],
  [2, 1],
  [3, 4],
  [4, 3]
])

/** Sets the given colours on distinct random cells, so each surely appears (needs enough cells). */
function scatterEach(rng: Rng, cells: Cells, colours: readonly Color[]): void {
  const width = cells[0]!.length
  const spots = rng.shuffle(Array.from({ length: cells.length * width }, (_, i) => i))
  colours.forEach((colour, i) => {
    const spot = spots[i]!
    setCell(cells, Math.floor(spot / width), spot % width, colour)
  })
}

/** How many cells each non-zero colour covers, by colour. */
function colourCounts(grid: Grid): Map<Color, number> {
  const counts = new Map<Color, number>()
  for (const row of grid) for (const cell of row) if (cell !== 0) counts.set(cell, (counts.get(cell) ?? 0) + 1)
  return counts
}

/** The non-zero colour covering most cells (the lowest colour on a tie), or undefined for an empty grid. */
function mostFrequentColour(grid: Grid): Color | undefined {
  let best: [Color, number] | undefined
  for (const [colour, count] of colourCounts(grid)) {
    if (!best || count > best[1] || (count === best[1] && colour < best[0])) best = [colour, count]
  }
  return best?.[0]
}

export const colourMap: SampleRule = {
  id: 'colour-map',
  description: 'Recolour by a fixed table: blue and red swap, green and yellow swap.',
  makeInput(rng) {
    const cells = randomCells(rng, rng.int(3, 7), rng.int(3, 7), 0.7, [1, 2, 3, 4])
    scatterEach(rng, cells, [1, 2, 3, 4])
    return cells
  },
  apply: (input) => input.map((row) => row.map((cell) => COLOUR_SWAPS.get(cell) ?? cell))
}

export const invert: SampleRule = {
  id: 'invert',
  description: 'Swap the one foreground colour with the black background.',
  makeInput(rng) {
    const colour = rng.pick(FOREGROUND)
    const cells = randomCells(rng, rng.int(3, 8), rng.int(3, 8), rng.pick([0.3, 0.4, 0.5, 0.6]), [colour])
    scatterEach(rng, cells, [colour, 0])
    return cells
  },
  apply(input) {
    // Inputs hold one non-zero colour; with several, the first in reading order is the one swapped.
    const foreground = input.flat().find((cell) => cell !== 0)
    if (foreground === undefined) return input.map((row) => [...row])
    return input.map((row) => row.map((cell) => (cell === 0 ? foreground : cell === foreground ? 0 : cell)))
  }
}

export const keepMostFrequentColour: SampleRule = {
  id: 'keep-most-frequent-colour',
  description: 'Keep only the cells of the colour that covers most cells; clear the rest.',
  makeInput(rng) {
    // Redraw until every palette colour appears and one colour is strictly the most frequent,
    // so the demonstrations never hinge on a tie-break.
    for (;;) {
      const palette = randomPalette(rng, rng.int(2, 3))
      const cells = randomCells(rng, rng.int(4, 8), rng.int(4, 8), 0.5, palette)
      const counts = [...colourCounts(cells).values()].sort((a, b) => b - a)
      if (counts.length === palette.length && counts[0]! > counts[1]!) return cells
    }
  },
  apply(input) {
    const keep = mostFrequentColour(input)
    return input.map((row) => row.map((cell) => (cell === keep ? cell : 0)))
  }
}

export const countToBar: SampleRule = {
  id: 'count-to-bar',
  description: 'Count the coloured cells; the output is a 1xN bar of that colour, N the count.',
  makeInput(rng) {
    const [height, width] = randomSize(rng, [3, 7])
    const colour = rng.pick(FOREGROUND)
    const cells = blankCells(height, width)
    scatterEach(rng, cells, new Array<Color>(rng.int(1, 8)).fill(colour))
    return cells
  },
  apply(input) {
    // Inputs hold one colour; the bar takes the colour of the first coloured cell in reading order.
    const coloured = input.flat().filter((cell) => cell !== 0)
    return coloured.length === 0 ? [[0]] : [coloured.map(() => coloured[0]!)]
  }
}
