import { describe, expect, it } from 'vitest'
import { compactGridLength, compactTaskLength, makeGrid, type Task } from '../../../main/engine/arc'
import { createRng } from '../../../main/engine/random'
import {
  GRID_START,
  NO_POSITION,
  POSITION_VALUES,
  ROLE,
  TOKEN,
  VOCAB_SIZE,
  advanceCursor,
  encodeExamples,
  encodeGrid,
  encodeTask,
  padTo
} from '../../../main/engine/tokenizer'
import { randomGrids } from '../arc/transforms/random-grids'

const { INPUT: I, OUTPUT: O, ROW_END: R, END: E, PAD: P } = TOKEN
const N = NO_POSITION
const { INPUT: RI, OUTPUT: RO, MARKER: RM } = ROLE

describe('vocabulary', () => {
  it('has distinct ids 0..VOCAB_SIZE-1: colours as themselves, then ROW_END, INPUT, OUTPUT, END, PAD', () => {
    expect([R, I, O, E, P]).toEqual([10, 11, 12, 13, 14])
    expect(VOCAB_SIZE).toBe(15)
    expect(NO_POSITION).toBe(31)
    expect(POSITION_VALUES).toBe(32)
  })
})

describe('encodeExamples', () => {
  // Demonstration 0: 1x2 -> 2x1; test input 1x1, no output: a prompt.
  const prompt = encodeExamples([
    { input: makeGrid([[1, 2]]), output: makeGrid([[3], [4]]) },
    { input: makeGrid([[5]]) }
  ])

  it('places every token of a small prompt exactly', () => {
    expect(Array.from(prompt.tokens)).toEqual([I, 1, 2, R, E, O, 3, R, 4, R, E, I, 5, R, E, O])
    expect(Array.from(prompt.rows)).toEqual([N, 0, 0, 0, N, N, 0, 0, 1, 1, N, N, 0, 0, N, N])
    expect(Array.from(prompt.cols)).toEqual([N, 0, 1, 2, N, N, 0, 1, 0, 1, N, N, 0, 1, N, N])
    expect(Array.from(prompt.exampleIndices)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
    expect(Array.from(prompt.roles)).toEqual([RM, RI, RI, RI, RM, RM, RO, RO, RO, RO, RM, RM, RI, RI, RM, RM])
    expect(prompt.grids).toEqual([
      { exampleIndex: 0, kind: 'input', start: 0, end: 5, height: 1, width: 2 },
      { exampleIndex: 0, kind: 'output', start: 5, end: 11, height: 2, width: 1 },
      { exampleIndex: 1, kind: 'input', start: 11, end: 15, height: 1, width: 1 }
    ])
    expect(prompt.endsWithOpenOutput).toBe(true)
    expect(prompt.length).toBe(16)
    expect(prompt.contentLength).toBe(16)
  })

  it('gives a full example the same prefix, then the test output grid', () => {
    const full = encodeExamples([
      { input: makeGrid([[1, 2]]), output: makeGrid([[3], [4]]) },
      { input: makeGrid([[5]]), output: makeGrid([[6, 7]]) }
    ])
    expect(Array.from(full.tokens)).toEqual([...prompt.tokens, 6, 7, R, E])
    expect(Array.from(full.rows.slice(15))).toEqual([N, 0, 0, 0, N])
    expect(Array.from(full.cols.slice(15))).toEqual([N, 0, 1, 2, N])
    expect(Array.from(full.roles.slice(15))).toEqual([RM, RO, RO, RO, RM])
    expect(full.grids.at(-1)).toEqual({ exampleIndex: 1, kind: 'output', start: 15, end: 20, height: 1, width: 2 })
    expect(full.endsWithOpenOutput).toBe(false)
  })

  it('gives each grid compactGridLength tokens (arc/summary.ts), and a task compactTaskLength', () => {
    const rng = createRng(11)
    const grids = randomGrids(rng, 40)
    for (const grid of grids) {
      const one = encodeExamples([{ input: grid, output: grid }])
      expect(one.length).toBe(2 * compactGridLength(grid))
      for (const span of one.grids) expect(span.end - span.start).toBe(compactGridLength(grid))
    }
    const task: Task = {
      id: 't',
      train: [
        { input: grids[0]!, output: grids[1]! },
        { input: grids[2]!, output: grids[3]! }
      ],
      test: [{ input: grids[4]!, output: grids[5]! }]
    }
    expect(encodeTask(task, 0, true).length).toBe(compactTaskLength(task))
    // A prompt is the task without the test output, plus the OUTPUT marker that opens it.
    expect(encodeTask(task).length).toBe(compactTaskLength(task) - compactGridLength(grids[5]!) + 1)
  })

  it('uses the same positions as step-by-step generation with advanceCursor', () => {
    const grid = makeGrid([
      [1, 2, 3],
      [4, 5, 6]
    ])
    let cursor = GRID_START
    const placed = encodeGrid(grid).map((token) => {
      const at = advanceCursor(cursor, token)
      cursor = at.next
      return [at.row, at.col]
    })
    const encoded = encodeExamples([{ input: grid }])
    expect(placed).toEqual(Array.from(encoded.rows.slice(1, -1), (row, i) => [row, encoded.cols[i + 1]]))
  })

  it('refuses an empty list and a missing output before the last example', () => {
    expect(() => encodeExamples([])).toThrow(/at least one example/)
    expect(() => encodeExamples([{ input: makeGrid([[1]]) }, { input: makeGrid([[1]]) }])).toThrow(/example 0 of 2 has no output/)
  })

  it('encodeTask picks the test pair and refuses an absent one or a missing output', () => {
    const task: Task = { id: 't', train: [{ input: makeGrid([[1]]), output: makeGrid([[2]]) }], test: [{ input: makeGrid([[3]]) }] }
    expect(Array.from(encodeTask(task).tokens)).toEqual([I, 1, R, E, O, 2, R, E, I, 3, R, E, O])
    expect(() => encodeTask(task, 1)).toThrow(/has 1 test pairs, asked for test 1/)
    expect(() => encodeTask(task, 0, true)).toThrow(/test 0 has no output/)
  })
})

describe('padTo', () => {
  const sequence = encodeExamples([{ input: makeGrid([[1]]), output: makeGrid([[2]]) }])

  it('appends PAD tokens at no position, example 0, role PAD, and keeps spans and content length', () => {
    const padded = padTo(sequence, 11)
    expect(padded.length).toBe(11)
    expect(padded.contentLength).toBe(8)
    expect(Array.from(padded.tokens)).toEqual([I, 1, R, E, O, 2, R, E, P, P, P])
    expect(Array.from(padded.rows.slice(8))).toEqual([N, N, N])
    expect(Array.from(padded.cols.slice(8))).toEqual([N, N, N])
    expect(Array.from(padded.exampleIndices.slice(8))).toEqual([0, 0, 0])
    expect(Array.from(padded.roles.slice(8))).toEqual([ROLE.PAD, ROLE.PAD, ROLE.PAD])
    expect(padded.grids).toEqual(sequence.grids)
    expect(Array.from(sequence.tokens)).toHaveLength(8)
  })

  it('refuses to cut a sequence', () => {
    expect(padTo(sequence, 8).length).toBe(8)
    expect(() => padTo(sequence, 7)).toThrow(/cannot pad a 8-token sequence to 7 tokens/)
  })
})
