import { describe, expect, it } from 'vitest'
import { fromGrid, type Image } from '../../../main/engine/search/image'
import { predictOutputSizes, type Size } from '../../../main/engine/search/output-size'

function predict(inputs: Image[], outputs: Size[], test: Image): Size | undefined {
  return predictOutputSizes(inputs, outputs, test)[0]?.size
}

/** A 6x6 grid of background with the given cells set to colours. */
function grid(cells: [number, number, number][], w = 6, h = 6): Image {
  const rows = Array.from({ length: h }, () => Array(w).fill(0))
  for (const [r, c, colour] of cells) rows[r]![c] = colour
  return fromGrid(rows)
}

describe('output sizes from counts and objects', () => {
  it('one row per colour: w = colours, h = 1', () => {
    const a = grid([[0, 0, 1], [2, 3, 2], [5, 5, 3]])
    const b = grid([[0, 5, 1], [3, 0, 2]])
    const c = grid([[0, 0, 1], [2, 2, 2], [4, 0, 3], [5, 3, 4], [1, 5, 5]])
    const test = grid([[0, 0, 1], [2, 4, 2], [4, 2, 3], [4, 5, 4]])
    expect(predict([a, b, c], [{ w: 3, h: 1 }, { w: 2, h: 1 }, { w: 5, h: 1 }], test)).toEqual({ w: 4, h: 1 })
  })

  it('the input scaled by its number of colours', () => {
    const a = grid([[0, 0, 1], [1, 1, 2]], 3, 3)
    const b = grid([[0, 0, 1], [1, 1, 2], [0, 1, 3]], 2, 2)
    const c = grid([[0, 0, 1]], 4, 2)
    const test = grid([[0, 0, 1], [1, 1, 2], [2, 2, 3]], 3, 3)
    expect(predict([a, b, c], [{ w: 6, h: 6 }, { w: 6, h: 6 }, { w: 4, h: 2 }], test)).toEqual({ w: 9, h: 9 })
  })

  it('the smallest object', () => {
    const block = (r: number, c: number, w: number, h: number, colour: number): [number, number, number][] =>
      Array.from({ length: w * h }, (_, i) => [r + Math.floor(i / w), c + (i % w), colour])
    const a = grid([...block(0, 0, 3, 3, 1), ...block(5, 3, 2, 1, 2)])
    const b = grid([...block(0, 0, 4, 2, 1), ...block(4, 4, 1, 1, 2)])
    const c = grid([...block(1, 1, 2, 2, 1), ...block(4, 4, 1, 2, 2)])
    const test = grid([...block(0, 0, 3, 2, 1), ...block(3, 3, 2, 3, 2)])
    expect(predict([a, b, c], [{ w: 2, h: 1 }, { w: 1, h: 1 }, { w: 1, h: 2 }], test)).toEqual({ w: 2, h: 3 })
  })

  it('two halves beside a separator line: w = (input.w - 1) / 2', () => {
    const inputs = [grid([[0, 0, 1]], 7, 3), grid([[1, 1, 2]], 9, 3), grid([[2, 2, 3]], 5, 3)]
    const rules = predictOutputSizes(inputs, [{ w: 3, h: 3 }, { w: 4, h: 3 }, { w: 2, h: 3 }], grid([[0, 0, 1]], 11, 3))
    expect(rules[0]!.size).toEqual({ w: 5, h: 3 })
    expect(rules[0]!.text).toBe('w = (input.w - 1) / 2, h = input.h')
  })

  it('a count never displaces a rule over the input sides', () => {
    // Both demonstrations keep the input size and happen to have as many colours as columns.
    const a = grid([[0, 0, 1], [1, 1, 2]], 2, 2)
    const b = grid([[0, 0, 1], [1, 1, 2], [2, 2, 3]], 3, 3)
    expect(predict([a, b], [{ w: 2, h: 2 }, { w: 3, h: 3 }], grid([[0, 0, 1]], 4, 4))).toEqual({ w: 4, h: 4 })
  })
})
