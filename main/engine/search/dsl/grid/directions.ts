// Walking an image line by line in one of the four directions, shared by gravity and rays: a line is
// a column for up/down and a row for left/right, traversed from its first cell in `start` by `step`.
export type Direction = 'up' | 'down' | 'left' | 'right'

export const DIRECTIONS: readonly Direction[] = ['up', 'down', 'left', 'right']

export interface LineWalk {
  /** Number of lines (columns for up/down, rows for left/right). */
  readonly count: number
  /** Cells per line. */
  readonly length: number
  /** Index of the first cell of each line: `first + line * between`. */
  readonly first: number
  readonly between: number
  /** Index step from one cell of a line to the next, moving toward `direction`. */
  readonly step: number
}

/** The lines of a w x h image, each walked toward `direction` (for 'down': top to bottom, per column). */
export function walkToward(direction: Direction, w: number, h: number): LineWalk {
  switch (direction) {
    case 'down':
      return { count: w, length: h, first: 0, between: 1, step: w }
    case 'up':
      return { count: w, length: h, first: (h - 1) * w, between: 1, step: -w }
    case 'right':
      return { count: h, length: w, first: 0, between: w, step: 1 }
    case 'left':
      return { count: h, length: w, first: w - 1, between: w, step: -1 }
  }
}

export function opposite(direction: Direction): Direction {
  return direction === 'up' ? 'down' : direction === 'down' ? 'up' : direction === 'left' ? 'right' : 'left'
}
