import { describe, expect, it } from 'vitest'
import { compactGridLength, gridKey, gridsEqual, makeGrid, summarizeTask, validateTask } from '../../../main/engine/arc'

describe('grids', () => {
  it('are frozen, compared by shape and cells, and keyed by both', () => {
    const a = makeGrid([[1, 2, 3]])
    const column = makeGrid([[1], [2], [3]])
    expect(Object.isFrozen(a) && Object.isFrozen(a[0])).toBe(true)
    expect(gridsEqual(a, makeGrid([[1, 2, 3]]))).toBe(true)
    expect(gridsEqual(a, column)).toBe(false)
    expect(gridKey(a)).not.toBe(gridKey(column))
  })

  it('refuse impossible shapes when built in code', () => {
    expect(() => makeGrid([])).toThrow(/1x1 to 30x30/)
    expect(() => makeGrid([[1, 2], [3]])).toThrow(/row 1 has 1 cells/)
  })
})

describe('task summary', () => {
  it('counts the compact encoding: marker, cells, row ends and end marker per grid', () => {
    expect(compactGridLength(makeGrid([[1, 2, 3], [4, 5, 6]]))).toBe(1 + 2 * 4 + 1)
    const { task } = validateTask(
      { train: [{ input: [[1, 2]], output: [[1], [2]] }], test: [{ input: [[1, 2, 3]] }] },
      'id',
      'f.json'
    )
    // input 1x2: 1+3+1=5; output 2x1: 1+4+1=6; test input 1x3: 1+4+1=6
    expect(summarizeTask(task!)).toEqual({
      id: 'id',
      demonstrations: 1,
      testInputs: 1,
      testOutputs: 0,
      largestGrid: { height: 1, width: 3 },
      maxSide: 3,
      tokens: 17
    })
  })
})
