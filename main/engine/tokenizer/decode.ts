// Turning model output into a grid, or into a typed reason why it is not one. Never throws: a
// malformed prediction is an ordinary outcome of a model, to be counted and shown, not a crash.
import { makeGrid } from '../arc/grid'
import { MAX_GRID_SIDE, type Grid } from '../arc/types'
import { TOKEN, isColourToken } from './vocab'

export type DecodeFailure = 'ragged-rows' | 'no-rows' | 'too-large' | 'unexpected-token'

export type DecodedGrid =
  { readonly ok: true; readonly grid: Grid } | { readonly ok: false; readonly reason: DecodeFailure; readonly detail: string }

function failure(reason: DecodeFailure, detail: string): DecodedGrid {
  return { ok: false, reason, detail }
}

function tokenName(token: number): string {
  const name = Object.entries(TOKEN).find(([key, id]) => id === token && !key.endsWith('_COLOUR'))?.[0]
  return name ?? `id ${token}`
}

/**
 * Reads a grid body as the model generates it after an OUTPUT marker: cells, ROW_END after every
 * row, then END. Reading stops at the first END, or at the end of the tokens (generation cut by a
 * length limit); anything after END is ignored.
 *
 * Strict on purpose: every row must be closed by ROW_END, because every training target closes
 * each row; cells left open at the end mean the model drifted or was cut off mid-row, and guessing
 * a grid from them would put incomplete answers into the vote. An unclosed row and an empty row are
 * reported as 'ragged-rows'; any marker or unknown id before END as 'unexpected-token'; a row over
 * 30 cells or a 31st row as 'too-large', as soon as it is seen.
 */
export function decodeGrid(tokens: ArrayLike<number>): DecodedGrid {
  const rows: number[][] = []
  let current: number[] = []
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!
    if (token === TOKEN.END) break
    if (isColourToken(token)) {
      if (current.length === MAX_GRID_SIDE) {
        return failure('too-large', `row ${rows.length} has more than ${MAX_GRID_SIDE} cells (token ${at})`)
      }
      current.push(token)
      continue
    }
    if (token !== TOKEN.ROW_END) {
      return failure('unexpected-token', `token ${at} is ${tokenName(token)}, expected a colour 0..9, ROW_END or END`)
    }
    const width = rows[0]?.length ?? current.length
    if (current.length === 0) return failure('ragged-rows', `row ${rows.length} is empty (ROW_END at token ${at} closes no cell)`)
    if (current.length !== width) {
      return failure('ragged-rows', `row ${rows.length} has ${current.length} cells but row 0 has ${width}`)
    }
    if (rows.length === MAX_GRID_SIDE) return failure('too-large', `more than ${MAX_GRID_SIDE} rows (token ${at})`)
    rows.push(current)
    current = []
  }
  if (current.length > 0) {
    return failure('ragged-rows', `row ${rows.length} has ${current.length} cells and is not closed by ROW_END`)
  }
  if (rows.length === 0) return failure('no-rows', 'the grid ends before its first row is closed')
  return { ok: true, grid: makeGrid(rows) }
}
