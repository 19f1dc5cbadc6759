// Summaries of a picture: its colours as a line, a histogram, and a window of the predicted size.
import { describe, expect, it } from 'vitest'
import { coloursByCount, coloursInOrder, histogram, windowOf } from '../../../main/engine/search/dsl/grid/summary'
import { image, NO_SIZE, rows, sized } from './dsl-grid-helpers'

const picture = image([
  [0, 3, 3, 1],
  [2, 3, 0, 1],
  [0, 3, 0, 0]
])

describe('colour lists', () => {
  it('lists the non-zero colours most common first, as a row or a column', () => {
    expect(rows(coloursByCount(picture, 'row'))).toEqual([[3, 1, 2]])
    expect(rows(coloursByCount(picture, 'column'))).toEqual([[3], [1], [2]])
  })

  it('lists the colours in the order they first appear across or down', () => {
    expect(rows(coloursInOrder(picture, 'row'))).toEqual([[2, 3, 1]])
    expect(rows(coloursInOrder(picture, 'column'))).toEqual([[3], [1], [2]])
  })

  it('refuses an all-background picture', () => {
    expect(coloursByCount(image([[0, 0]]), 'row')).toBeNull()
    expect(histogram(image([[0]]))).toBeNull()
  })
})

describe('histogram', () => {
  it('draws one column per colour, most common first, as tall as its count', () => {
    expect(rows(histogram(picture))).toEqual([
      [3, 1, 2],
      [3, 1, 0],
      [3, 0, 0],
      [3, 0, 0]
    ])
  })
})

describe('window', () => {
  it('cuts the predicted size from a corner or the middle, keeping the offset', () => {
    const top = windowOf(picture, 'top_right', sized(2, 2))
    expect(rows(top)).toEqual([
      [3, 1],
      [0, 1]
    ])
    expect([top?.x, top?.y]).toEqual([2, 0])
    expect(rows(windowOf(picture, 'bottom_left', sized(2, 1)))).toEqual([[0, 3]])
    expect(rows(windowOf(picture, 'middle', sized(2, 1)))).toEqual([[3, 0]])
  })

  it('refuses an unknown, a single-cell or a size not smaller than the picture', () => {
    expect(windowOf(picture, 'top_left', NO_SIZE)).toBeNull()
    expect(windowOf(picture, 'top_left', sized(1, 1))).toBeNull()
    expect(windowOf(picture, 'top_left', sized(4, 3))).toBeNull()
    expect(windowOf(picture, 'top_left', sized(5, 1))).toBeNull()
  })
})
