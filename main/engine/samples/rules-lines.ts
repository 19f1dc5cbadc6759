// Sample rules that draw lines: across a row from a single cell, between two cells of one colour,
// and around the edge of the grid.
import { FOREGROUND, blankCells, copyCells, randomCells, randomPalette, randomSize, setCell } from './cells'
import type { SampleRule } from './sample-rule'

/** The draw-border rule's frame colour (light blue), never used inside its inputs. */
const BORDER_COLOUR = 8

export const horizontalLines: SampleRule = {
  id: 'horizontal-lines',
  description: 'Extend each coloured cell into a line of its colour across its whole row.',
  makeInput(rng) {
    const [height, width] = randomSize(rng, [4, 10])
    const cells = blankCells(height, width)
    const rows = rng.shuffle(Array.from({ length: height }, (_, r) => r)).slice(0, rng.int(1, Math.min(4, height - 1)))
    for (const row of rows) setCell(cells, row, rng.int(0, width - 1), rng.pick(FOREGROUND))
    return cells
  },
  // Inputs hold at most one coloured cell per row; with several, the first one's colour wins.
  apply: (input) =>
    input.map((row) => {
      const colour = row.find((cell) => cell !== 0)
      return colour === undefined ? [...row] : row.map(() => colour)
    })
}

export const connectPairs: SampleRule = {
  id: 'connect-pairs',
  description: 'Where a row holds exactly two cells, both of one colour, join them with a line of that colour; lone cells stay.',
  makeInput(rng) {
    const [height, width] = randomSize(rng, [4, 10], [5, 12])
    const cells = blankCells(height, width)
    const rows = rng.shuffle(Array.from({ length: height }, (_, r) => r))
    const pairRows = rows.slice(0, rng.int(1, Math.min(3, height - 1)))
    const loneRows = rows.slice(pairRows.length, pairRows.length + rng.int(0, 2))
    for (const row of pairRows) {
      const colour = rng.pick(FOREGROUND)
      const left = rng.int(0, width - 3)
      setCell(cells, row, left, colour)
      setCell(cells, row, rng.int(left + 2, width - 1), colour)
    }
    for (const row of loneRows) setCell(cells, row, rng.int(0, width - 1), rng.pick(FOREGROUND))
    return cells
  },
  apply: (input) =>
    input.map((row) => {
      const coloured = row.flatMap((cell, c) => (cell === 0 ? [] : [c]))
      const [left, right] = coloured
      if (coloured.length !== 2 || left === undefined || right === undefined || row[left] !== row[right]) return [...row]
      return row.map((cell, c) => (c > left && c < right ? row[left]! : cell))
    })
}

export const drawBorder: SampleRule = {
  id: 'draw-border',
  description: 'Paint the outermost ring of cells light blue, keeping everything inside.',
  makeInput(rng) {
    // Only the inside is drawn on, so the input's edge is all black and the frame is plainly new.
    const [height, width] = randomSize(rng, [3, 10])
    const palette = randomPalette(
      rng,
      rng.int(1, 3),
      FOREGROUND.filter((c) => c !== BORDER_COLOUR)
    )
    const inside = randomCells(rng, height - 2, width - 2, rng.pick([0.2, 0.3, 0.4]), palette)
    const cells = blankCells(height, width)
    inside.forEach((row, r) => row.forEach((cell, c) => setCell(cells, r + 1, c + 1, cell)))
    return cells
  },
  apply(input) {
    const cells = copyCells(input)
    const height = cells.length
    cells.forEach((row, r) =>
      row.forEach((_, c) => {
        if (r === 0 || r === height - 1 || c === 0 || c === row.length - 1) row[c] = BORDER_COLOUR
      })
    )
    return cells
  }
}
