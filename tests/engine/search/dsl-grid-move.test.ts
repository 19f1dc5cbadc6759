// Moving whole objects: toward an anchor colour until they touch it, and falling as rigid shapes.
import { describe, expect, it } from 'vitest'
import { attract, fallObjects } from '../../../main/engine/search/dsl/grid/move'
import { image, rows } from './dsl-grid-helpers'

describe('attract', () => {
  it('slides each other object straight toward the anchor until it touches, diagonally too', () => {
    const start = image([
      [2, 2, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 8, 8, 0],
      [0, 0, 0, 8, 8, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 3]
    ])
    expect(rows(attract(start, 8))).toEqual([
      [0, 0, 0, 0, 0, 0],
      [0, 2, 2, 0, 0, 0],
      [0, 0, 0, 8, 8, 0],
      [0, 0, 0, 8, 8, 0],
      [0, 0, 0, 0, 3, 0],
      [0, 0, 0, 0, 0, 0]
    ])
  })

  it('keeps objects that no straight line brings to the anchor', () => {
    const start = image([
      [0, 0, 0, 0, 5],
      [8, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 4, 0, 0]
    ])
    // 5 reaches nothing on its lines; 4 sits two rows down and two columns right: diagonal contact.
    expect(rows(attract(start, 8))).toEqual([
      [0, 0, 0, 0, 5],
      [8, 0, 0, 0, 0],
      [0, 4, 0, 0, 0],
      [0, 0, 0, 0, 0]
    ])
  })

  it('refuses an absent anchor and a picture where nothing moves', () => {
    expect(attract(image([[1, 0, 2]]), 8)).toBeNull()
    expect(attract(image([[1, 8, 0]]), 8)).toBeNull()
  })
})

describe('fall_objects', () => {
  it('drops shapes whole, nearest the floor first, each landing on the edge or on another', () => {
    const start = image([
      [1, 1, 0],
      [0, 1, 0],
      [0, 0, 0],
      [0, 2, 2],
      [0, 0, 0]
    ])
    expect(rows(fallObjects(start, 'down'))).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [1, 1, 0],
      [0, 1, 0],
      [0, 2, 2]
    ])
  })

  it('refuses when nothing can fall', () => {
    expect(fallObjects(image([[0, 0], [3, 3]]), 'down')).toBeNull()
  })
})
