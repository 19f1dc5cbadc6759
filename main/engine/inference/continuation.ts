// A prompt continued by output tokens, with the per-token row, column, example index and role the
// model was trained with (tokenizer/encode.ts), for decoding and for scoring candidate outputs.
import { advanceCursor, GRID_START, type EncodedSequence, type GridCursor } from '../tokenizer/encode'
import { ROLE, TOKEN } from '../tokenizer/vocab'

export interface TokenFeatures {
  readonly row: number
  readonly col: number
  readonly example: number
  readonly role: number
}

/** Tracks the position of each generated output token of one prompt. */
export class OutputCursor {
  private cursor: GridCursor = GRID_START
  readonly example: number

  constructor(prompt: EncodedSequence) {
    if (!prompt.endsWithOpenOutput) throw new Error('a prompt must end with an open OUTPUT marker')
    this.example = prompt.exampleIndices[prompt.contentLength - 1]!
  }

  /** Features of `token` written next; advances the cursor. */
  place(token: number): TokenFeatures {
    const placed = advanceCursor(this.cursor, token)
    this.cursor = placed.next
    return { row: placed.row, col: placed.col, example: this.example, role: token === TOKEN.END ? ROLE.MARKER : ROLE.OUTPUT }
  }
}

/** `prompt` followed by `output` tokens, as one sequence of length prompt + output. */
export function continueSequence(prompt: EncodedSequence, output: readonly number[]): EncodedSequence {
  const base = prompt.contentLength
  const length = base + output.length
  const grow = (values: Int32Array) => {
    const out = new Int32Array(length)
    out.set(values.subarray(0, base))
    return out
  }
  const [tokens, rows, cols, exampleIndices, roles] = [prompt.tokens, prompt.rows, prompt.cols, prompt.exampleIndices, prompt.roles].map(
    grow
  ) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array]
  const cursor = new OutputCursor(prompt)
  output.forEach((token, i) => {
    const f = cursor.place(token)
    tokens[base + i] = token
    rows[base + i] = f.row
    cols[base + i] = f.col
    exampleIndices[base + i] = f.example
    roles[base + i] = f.role
  })
  return { length, contentLength: length, tokens, rows, cols, exampleIndices, roles, grids: prompt.grids, endsWithOpenOutput: false }
}
