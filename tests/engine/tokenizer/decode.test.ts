import { describe, expect, it } from 'vitest'
import { gridsEqual, makeGrid } from '../../../main/engine/arc'
import { createRng } from '../../../main/engine/random'
import { TOKEN, decodeGrid, encodeExamples, encodeGrid, type DecodedGrid } from '../../../main/engine/tokenizer'
import { randomGrid, randomGrids } from '../arc/transforms/random-grids'

const { INPUT: I, OUTPUT: O, ROW_END: R, END: E, PAD: P } = TOKEN

function reasonOf(result: DecodedGrid): string {
  return result.ok ? 'ok' : result.reason
}

describe('decodeGrid', () => {
  it('round-trips random grids from 1x1 to 30x30, as frozen grids', () => {
    const rng = createRng(21)
    const grids = [...randomGrids(rng, 300)]
    for (let side = 1; side <= 30; side++) grids.push(randomGrid(rng, side, side))
    for (const grid of grids) {
      const result = decodeGrid(encodeGrid(grid))
      expect(result.ok && gridsEqual(result.grid, grid)).toBe(true)
      if (result.ok) expect(Object.isFrozen(result.grid) && Object.isFrozen(result.grid[0])).toBe(true)
    }
  })

  it('reads a grid out of an encoded sequence, given the tokens after its marker', () => {
    const grid = makeGrid([[1, 2], [3, 4]])
    const sequence = encodeExamples([{ input: makeGrid([[0]]), output: grid }])
    const span = sequence.grids[1]!
    const result = decodeGrid(sequence.tokens.subarray(span.start + 1, span.end))
    expect(result).toEqual({ ok: true, grid: [[1, 2], [3, 4]] })
  })

  it('ignores everything after END and accepts a grid cut off at the end of the tokens', () => {
    expect(decodeGrid([1, 2, R, E, 7, O, R, R, 99])).toEqual({ ok: true, grid: [[1, 2]] })
    expect(decodeGrid(Int32Array.from([1, 2, R, 3, 4, R]))).toEqual({ ok: true, grid: [[1, 2], [3, 4]] })
  })

  it('reports ragged rows: a different width, an empty row, an unclosed last row', () => {
    const different = decodeGrid([1, 2, R, 3, R, E])
    expect(different).toEqual({ ok: false, reason: 'ragged-rows', detail: 'row 1 has 1 cells but row 0 has 2' })
    expect(reasonOf(decodeGrid([1, R, R, E]))).toBe('ragged-rows')
    expect(reasonOf(decodeGrid([R, 1, R, E]))).toBe('ragged-rows')
    const unclosed = decodeGrid([1, 2, R, 3, 4, E])
    expect(unclosed.ok).toBe(false)
    if (!unclosed.ok) expect(unclosed.detail).toMatch(/row 1 has 2 cells and is not closed by ROW_END/)
  })

  it('reports no rows for an empty or immediately ended output', () => {
    expect(reasonOf(decodeGrid([]))).toBe('no-rows')
    expect(reasonOf(decodeGrid([E, 1, R]))).toBe('no-rows')
  })

  it('reports too large: a 31-cell row or a 31st row, as soon as it is seen', () => {
    const wide = decodeGrid([...Array<number>(31).fill(1), R, E])
    expect(wide).toEqual({ ok: false, reason: 'too-large', detail: 'row 0 has more than 30 cells (token 30)' })
    const tall = decodeGrid(Array.from({ length: 31 }, () => [5, R]).flat())
    expect(reasonOf(tall)).toBe('too-large')
    // 30x30 is the largest grid and is fine.
    expect(decodeGrid(encodeGrid(randomGrid(createRng(1), 30, 30))).ok).toBe(true)
    // An endless stream of cells stops at the 31st, not at the end of the array.
    expect(reasonOf(decodeGrid(new Int32Array(1_000_000).fill(3)))).toBe('too-large')
  })

  it('reports unexpected tokens: markers, padding, unknown ids and non-integers', () => {
    expect(decodeGrid([1, O, R, E])).toEqual({
      ok: false,
      reason: 'unexpected-token',
      detail: 'token 1 is OUTPUT, expected a colour 0..9, ROW_END or END'
    })
    expect(reasonOf(decodeGrid([I, 1, R, E]))).toBe('unexpected-token')
    expect(reasonOf(decodeGrid([1, R, P]))).toBe('unexpected-token')
    expect(decodeGrid([1, 42, R])).toMatchObject({ reason: 'unexpected-token', detail: 'token 1 is id 42, expected a colour 0..9, ROW_END or END' })
    expect(reasonOf(decodeGrid([1, -1, R]))).toBe('unexpected-token')
    expect(reasonOf(decodeGrid([1.5, R]))).toBe('unexpected-token')
  })

  it('never throws on random token soup', () => {
    const rng = createRng(8)
    for (let i = 0; i < 500; i++) {
      const tokens = Array.from({ length: rng.int(0, 80) }, () => rng.int(-2, 16))
      expect(() => decodeGrid(tokens)).not.toThrow()
    }
  })
})
