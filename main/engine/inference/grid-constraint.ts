// Constrained decoding to well-formed grids: every row as wide as the first, at most 30x30, and
// END only right after a row end. A small state machine per sequence says which tokens may come next.
import { MAX_GRID_SIDE } from '../arc/types'
import { TOKEN, VOCAB_SIZE, isColourToken } from '../tokenizer/vocab'

export class GridConstraint {
  private width: number | undefined
  private column = 0
  private rows = 0

  /** Whether `token` may come next. */
  allows(token: number): boolean {
    if (isColourToken(token)) return this.column < (this.width ?? MAX_GRID_SIDE) && this.rows < MAX_GRID_SIDE
    if (token === TOKEN.ROW_END) return this.column > 0 && (this.width === undefined || this.column === this.width)
    if (token === TOKEN.END) return this.column === 0 && this.rows > 0
    return false
  }

  accept(token: number): void {
    if (isColourToken(token)) this.column++
    else if (token === TOKEN.ROW_END) {
      this.width ??= this.column
      this.column = 0
      this.rows++
    }
  }
}

/** Index of the largest logit among allowed tokens (all tokens when no constraint). */
export function argmax(logits: ArrayLike<number>, offset: number, constraint?: GridConstraint): number {
  let best = -1
  let bestValue = -Infinity
  for (let token = 0; token < VOCAB_SIZE; token++) {
    if (constraint && !constraint.allows(token)) continue
    const value = logits[offset + token]!
    if (value > bestValue || best < 0) {
      best = token
      bestValue = value
    }
  }
  return best
}
