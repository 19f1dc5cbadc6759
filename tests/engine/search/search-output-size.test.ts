import { describe, expect, it } from 'vitest'
import { fromGrid, type Image } from '../../../main/engine/search/image'
import { predictOutputSizes, type Size } from '../../../main/engine/search/output-size'

const zeros = (w: number, h: number): Image => fromGrid(Array.from({ length: h }, () => Array(w).fill(0)))
/** A w x h grid with one coloured block of bw x bh at the top left (its content box). */
function withBlock(w: number, h: number, bw: number, bh: number): Image {
  return fromGrid(Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => (r < bh && c < bw ? 2 : 0))))
}

function predict(inputs: Image[], outputs: Size[], test: Image): Size | undefined {
  return predictOutputSizes(inputs, outputs, test)[0]?.size
}

describe('output-size prediction', () => {
  it('same as the input', () => {
    expect(predict([zeros(3, 4), zeros(5, 2)], [{ w: 3, h: 4 }, { w: 5, h: 2 }], zeros(7, 6))).toEqual({ w: 7, h: 6 })
  })

  it('a fixed size', () => {
    expect(predict([zeros(3, 4), zeros(5, 2)], [{ w: 3, h: 3 }, { w: 3, h: 3 }], zeros(9, 9))).toEqual({ w: 3, h: 3 })
  })

  it('the input scaled by a constant factor', () => {
    expect(predict([zeros(3, 4), zeros(5, 2)], [{ w: 9, h: 12 }, { w: 15, h: 6 }], zeros(2, 3))).toEqual({ w: 6, h: 9 })
    expect(predict([zeros(4, 6), zeros(8, 2)], [{ w: 2, h: 3 }, { w: 4, h: 1 }], zeros(10, 10))).toEqual({ w: 5, h: 5 })
  })

  it('the input plus a constant', () => {
    expect(predict([zeros(3, 4), zeros(5, 2)], [{ w: 5, h: 6 }, { w: 7, h: 4 }], zeros(1, 1))).toEqual({ w: 3, h: 3 })
  })

  it('the transposed input', () => {
    expect(predict([zeros(3, 4), zeros(5, 2)], [{ w: 4, h: 3 }, { w: 2, h: 5 }], zeros(6, 1))).toEqual({ w: 1, h: 6 })
  })

  it('the bounding box of the content', () => {
    const inputs = [withBlock(10, 10, 3, 2), withBlock(8, 9, 4, 5)]
    expect(predict(inputs, [{ w: 3, h: 2 }, { w: 4, h: 5 }], withBlock(12, 12, 6, 1))).toEqual({ w: 6, h: 1 })
  })

  it('returns only rules that fit every demonstration, and none when nothing fits', () => {
    const rules = predictOutputSizes([zeros(3, 4), zeros(5, 2)], [{ w: 3, h: 4 }, { w: 5, h: 2 }], zeros(7, 6))
    expect(rules[0]!.text).toBe('w = input.w, h = input.h')
    // Sizes that follow no rule: 1 -> 7, 2 -> 3, 3 -> 11.
    const unrelated = [{ w: 7, h: 7 }, { w: 3, h: 3 }, { w: 11, h: 11 }]
    expect(predictOutputSizes([zeros(1, 1), zeros(2, 2), zeros(3, 3)], unrelated, zeros(4, 4))).toEqual([])
  })

  it('never predicts a side outside 1..30', () => {
    const rules = predictOutputSizes([zeros(10, 10)], [{ w: 20, h: 20 }], zeros(20, 20))
    expect(rules.every((r) => r.size.w <= 30 && r.size.h <= 30)).toBe(true)
  })
})
