// Encoding examples (demonstrations, then the test pair) into compact tokens with, for every token,
// its row, column, example index and role, the 2D information the model embeds (vocab.ts).
import type { Grid, Task } from '../arc/types'
import { NO_POSITION, ROLE, TOKEN, isColourToken, type Role } from './vocab'

/** One example to encode; only the last may lack its output (a prompt). */
export interface ExampleToEncode {
  readonly input: Grid
  readonly output?: Grid
}

/** Where one complete grid lies in a sequence. */
export interface GridSpan {
  /** Which example the grid belongs to: 0..K-1 for demonstrations, K for the test pair. */
  readonly exampleIndex: number
  readonly kind: 'input' | 'output'
  /** Index of the grid's INPUT/OUTPUT marker. */
  readonly start: number
  /**
   * One past the grid's END token. The tokens a model must predict for the grid are
   * start+1 .. end-1 (cells, row ends, END), each predicted at the position before it.
   */
  readonly end: number
  readonly height: number
  readonly width: number
}

/** Parallel arrays, one entry per token (see vocab.ts for the values). */
export interface EncodedSequence {
  readonly length: number
  /** Tokens before any padding (padTo); the rest are PAD and take part in nothing. */
  readonly contentLength: number
  readonly tokens: Int32Array
  readonly rows: Int32Array
  readonly cols: Int32Array
  readonly exampleIndices: Int32Array
  readonly roles: Int32Array
  /** Every complete grid, in order. An open OUTPUT marker at the end of a prompt is not a grid. */
  readonly grids: readonly GridSpan[]
  /**
   * True for a prompt: the last token before any padding is an OUTPUT marker with the test
   * example's index. The model
   * continues with the test output: role OUTPUT, that example index, positions from advanceCursor.
   */
  readonly endsWithOpenOutput: boolean
}

/** Where the next token of a grid body goes. Start every grid at GRID_START. */
export interface GridCursor {
  readonly row: number
  readonly col: number
}

export const GRID_START: GridCursor = Object.freeze({ row: 0, col: 0 })

/**
 * The (row, col) of `token` written at `cursor`, and the cursor for the token after it. Encoding
 * and step-by-step generation both use this, so training and decoding cannot disagree.
 */
export function advanceCursor(cursor: GridCursor, token: number): { row: number; col: number; next: GridCursor } {
  if (isColourToken(token)) return { row: cursor.row, col: cursor.col, next: { row: cursor.row, col: cursor.col + 1 } }
  if (token === TOKEN.ROW_END) return { row: cursor.row, col: cursor.col, next: { row: cursor.row + 1, col: 0 } }
  return { row: NO_POSITION, col: NO_POSITION, next: cursor }
}

/** The tokens a grid's body takes: each row's cells then ROW_END, then END (no opening marker). */
export function encodeGrid(grid: Grid): number[] {
  const tokens: number[] = []
  for (const row of grid) tokens.push(...row, TOKEN.ROW_END)
  tokens.push(TOKEN.END)
  return tokens
}

class SequenceWriter {
  readonly tokens: Int32Array
  readonly rows: Int32Array
  readonly cols: Int32Array
  readonly exampleIndices: Int32Array
  readonly roles: Int32Array
  readonly grids: GridSpan[] = []
  position = 0

  constructor(readonly length: number) {
    this.tokens = new Int32Array(length)
    this.rows = new Int32Array(length)
    this.cols = new Int32Array(length)
    this.exampleIndices = new Int32Array(length)
    this.roles = new Int32Array(length)
  }

  write(token: number, row: number, col: number, exampleIndex: number, role: Role): void {
    const at = this.position++
    this.tokens[at] = token
    this.rows[at] = row
    this.cols[at] = col
    this.exampleIndices[at] = exampleIndex
    this.roles[at] = role
  }

  marker(token: number, exampleIndex: number): void {
    this.write(token, NO_POSITION, NO_POSITION, exampleIndex, ROLE.MARKER)
  }

  grid(grid: Grid, kind: 'input' | 'output', exampleIndex: number): void {
    const start = this.position
    this.marker(kind === 'input' ? TOKEN.INPUT : TOKEN.OUTPUT, exampleIndex)
    const role = kind === 'input' ? ROLE.INPUT : ROLE.OUTPUT
    let cursor = GRID_START
    for (const token of encodeGrid(grid)) {
      const placed = advanceCursor(cursor, token)
      this.write(token, placed.row, placed.col, exampleIndex, token === TOKEN.END ? ROLE.MARKER : role)
      cursor = placed.next
    }
    this.grids.push({ exampleIndex, kind, start, end: this.position, height: grid.length, width: grid[0]?.length ?? 0 })
  }
}

function bodyLength(grid: Grid): number {
  return grid.length * ((grid[0]?.length ?? 0) + 1) + 1
}

/**
 * Encodes examples in order, each as input grid then output grid. When the last example has no
 * output the sequence is a prompt and ends with an OUTPUT marker; otherwise it is a full training
 * sequence. Throws on an empty list or on a missing output before the last example (both are
 * programming errors).
 */
export function encodeExamples(examples: readonly ExampleToEncode[]): EncodedSequence {
  if (examples.length === 0) throw new RangeError('encodeExamples needs at least one example')
  const missing = examples.findIndex((example, i) => !example.output && i < examples.length - 1)
  if (missing >= 0) {
    throw new RangeError(`example ${missing} of ${examples.length} has no output: only the last example (the test pair) may lack one`)
  }
  const endsWithOpenOutput = !examples[examples.length - 1]!.output
  const length = examples.reduce((sum, e) => sum + 1 + bodyLength(e.input) + (e.output ? 1 + bodyLength(e.output) : 0), 0)
  const writer = new SequenceWriter(length + (endsWithOpenOutput ? 1 : 0))
  examples.forEach((example, exampleIndex) => {
    writer.grid(example.input, 'input', exampleIndex)
    if (example.output) writer.grid(example.output, 'output', exampleIndex)
    else writer.marker(TOKEN.OUTPUT, exampleIndex)
  })
  const { tokens, rows, cols, exampleIndices, roles, grids } = writer
  return { length: writer.length, contentLength: writer.length, tokens, rows, cols, exampleIndices, roles, grids, endsWithOpenOutput }
}

/**
 * A task's demonstrations then its test pair number `testIndex`, with the test output when
 * `withTestOutput` is set (it must then be known) and as a prompt otherwise.
 */
export function encodeTask(task: Task, testIndex = 0, withTestOutput = false): EncodedSequence {
  const test = task.test[testIndex]
  if (!test) throw new RangeError(`task ${task.id} has ${task.test.length} test pairs, asked for test ${testIndex}`)
  if (withTestOutput && !test.output) throw new RangeError(`task ${task.id} test ${testIndex} has no output to encode`)
  return encodeExamples([...task.train, withTestOutput ? test : { input: test.input }])
}

/**
 * The sequence followed by PAD tokens up to `length` (row and column NO_POSITION, example index 0,
 * role PAD). Throws when the sequence is longer: cutting it would silently drop targets.
 */
export function padTo(sequence: EncodedSequence, length: number): EncodedSequence {
  if (!Number.isInteger(length) || length < sequence.length) {
    throw new RangeError(`cannot pad a ${sequence.length}-token sequence to ${length} tokens`)
  }
  const grow = (values: Int32Array, fill: number): Int32Array => {
    const out = new Int32Array(length).fill(fill)
    out.set(values)
    return out
  }
  return {
    length,
    contentLength: sequence.contentLength,
    tokens: grow(sequence.tokens, TOKEN.PAD),
    rows: grow(sequence.rows, NO_POSITION),
    cols: grow(sequence.cols, NO_POSITION),
    exampleIndices: grow(sequence.exampleIndices, 0),
    roles: grow(sequence.roles, ROLE.PAD),
    grids: sequence.grids,
    endsWithOpenOutput: sequence.endsWithOpenOutput
  }
}
