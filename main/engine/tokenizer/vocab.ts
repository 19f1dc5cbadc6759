// The compact ARC vocabulary (recipe section 2): one token per cell, a row separator, markers for
// example input, example output and end of grid, and padding. A grid is written
//   [INPUT|OUTPUT] c c c ROW_END c c c ROW_END ... END
// so it takes 1 + height * (width + 1) + 1 tokens, as compactGridLength in arc/summary.ts counts.
//
// No BOS token: every sequence starts with the INPUT marker of its first grid, a fixed token that
// already gives the model a fixed first position, and a BOS would make every length differ by
// one from the recipe's token counts.
import { MAX_GRID_SIDE } from '../arc/types'

/** Token ids. Colours are their own ids (colour c is token c), so a cell token is its colour. */
export const TOKEN = Object.freeze({
  /** Colours 0..9 are tokens 0..9; the name is for readers, use the colour itself. */
  FIRST_COLOUR: 0,
  LAST_COLOUR: 9,
  /** Closes every row, including the last one. */
  ROW_END: 10,
  /** Opens an input grid (of a demonstration or of the test pair). */
  INPUT: 11,
  /** Opens an output grid; a prompt ends with it so the model continues with the test output. */
  OUTPUT: 12,
  /** Closes a grid; generation stops here. */
  END: 13,
  /** Fills a sequence to a fixed length; never a training target. */
  PAD: 14
} as const)

/** Number of token ids, 0..VOCAB_SIZE-1: the model's embedding and output sizes. */
export const VOCAB_SIZE = 15

export function isColourToken(token: number): boolean {
  return Number.isInteger(token) && token >= TOKEN.FIRST_COLOUR && token <= TOKEN.LAST_COLOUR
}

/** Role of a token, one per token beside its id, for a role embedding. */
export const ROLE = Object.freeze({
  /** A cell or row end of an input grid. */
  INPUT: 0,
  /** A cell or row end of an output grid. */
  OUTPUT: 1,
  /** INPUT, OUTPUT and END markers: they belong to a grid but sit at no cell of it. */
  MARKER: 2,
  PAD: 3
} as const)
export type Role = (typeof ROLE)[keyof typeof ROLE]

/** Number of role values: the role embedding's size. */
export const ROLE_COUNT = 4

/**
 * Row and column values. A cell at (r, c) has row r and column c (0..29); the ROW_END closing row r
 * has row r and column = the grid's width (the position right after the last cell, at most 30).
 * Markers and padding sit at no cell, so they get NO_POSITION for both; giving them (0, 0) instead
 * would make them look like the top-left cell to the model.
 */
export const NO_POSITION = MAX_GRID_SIDE + 1

/** Number of row (and of column) values, 0..NO_POSITION: the size of each position embedding. */
export const POSITION_VALUES = NO_POSITION + 1
