// Grids as numpy prints them (`str(np.array(grid))`), the grid text of marc's Llama 3 models
// (marc-format.md section 1): cells separated by one space, rows by a newline and one space,
// `[[` ... `]]` around, no commas: [[1,2],[3,4]] -> "[[1 2]\n [3 4]]".
import { makeGrid } from '../arc/grid'
import { MAX_GRID_SIDE, type Grid } from '../arc/types'
import type { DecodedGrid } from './decode'

export function gridToNumpyText(grid: Grid): string {
  return `[${grid.map((row) => `[${row.join(' ')}]`).join('\n ')}]`
}

/**
 * Reads a generated answer: the text up to the first `#` (the end marker), brackets removed, rows
 * on lines, cells split on spaces (marc predict.py reads it the same way). Never throws.
 */
export function numpyTextToGrid(text: string): DecodedGrid {
  const body = text.split('#')[0]!.trim()
  if (!body.startsWith('[[') || !body.endsWith(']]'))
    return { ok: false, reason: 'unexpected-token', detail: `not a [[...]] grid: ${JSON.stringify(body.slice(0, 40))}` }
  const rows = body
    .replace(/[[\]]/g, '')
    .split('\n')
    .map((line) => line.trim())
  if (rows.some((line) => line === '')) return { ok: false, reason: 'no-rows', detail: 'an empty row' }
  const cells = rows.map((line) => line.split(/ +/))
  if (cells.some((row) => row.some((cell) => !/^[0-9]$/.test(cell))))
    return { ok: false, reason: 'unexpected-token', detail: 'a cell that is not one digit 0-9' }
  const width = cells[0]!.length
  if (cells.some((row) => row.length !== width))
    return { ok: false, reason: 'ragged-rows', detail: `rows of ${[...new Set(cells.map((r) => r.length))].join(' and ')} cells` }
  if (cells.length > MAX_GRID_SIDE || width > MAX_GRID_SIDE)
    return { ok: false, reason: 'too-large', detail: `${cells.length}x${width} exceeds ${MAX_GRID_SIDE}x${MAX_GRID_SIDE}` }
  return { ok: true, grid: makeGrid(cells.map((row) => row.map(Number))) }
}
