// Repairing a blanked-out periodic pattern, and rings drawn around shapes.
import { describe, expect, it } from 'vitest'
import { surround } from '../../../main/engine/search/dsl/grid/outline'
import { periodUnit, repairPattern } from '../../../main/engine/search/dsl/grid/pattern'
import { scaleDownToOutput } from '../../../main/engine/search/dsl/grid/scale'
import { generated, image, NO_SIZE, rows, sized } from './dsl-grid-helpers'

describe('repair_pattern', () => {
  it('fills blanked cells of a diagonal pattern from its smallest period', () => {
    const whole = generated(7, 6, (r, c) => ((r + c) % 3) + 1)
    const damaged = generated(7, 6, (r, c) => (r >= 2 && r <= 3 && c >= 1 && c <= 3 ? 0 : ((r + c) % 3) + 1))
    expect(rows(repairPattern(damaged))).toEqual(rows(whole))
  })

  it('repairs a pattern that repeats in one direction only', () => {
    expect(rows(repairPattern(image([[1, 2, 3], [0, 2, 3], [1, 2, 0]])))).toEqual([[1, 2, 3], [1, 2, 3], [1, 2, 3]])
  })

  it('refuses an intact image, a mostly blank one, and a 1x1 one', () => {
    expect(repairPattern(image([[1, 2], [2, 1]]))).toBeNull()
    expect(repairPattern(image([[1, 0, 0], [0, 0, 2]]))).toBeNull()
    expect(repairPattern(image([[0]]))).toBeNull()
  })
})

describe('surround', () => {
  it('paints the background cells touching a shape, diagonals included', () => {
    expect(rows(surround(image([[0, 0, 0, 0], [0, 5, 0, 0], [0, 0, 0, 0]]), 1))).toEqual([
      [1, 1, 1, 0],
      [1, 5, 1, 0],
      [1, 1, 1, 0]
    ])
    expect(surround(image([[0]]), 1)).toBeNull()
    expect(surround(image([[3, 3]]), 1)).toBeNull()
  })
})

describe('scale_down_to_output', () => {
  it('scales down by the ratio to the predicted size only when it divides evenly', () => {
    const big = image([[1, 1, 2, 2], [1, 1, 2, 2]])
    expect(rows(scaleDownToOutput(big, sized(2, 1)))).toEqual([[1, 2]])
    expect(scaleDownToOutput(big, sized(3, 1))).toBeNull()
    expect(scaleDownToOutput(big, sized(4, 2))).toBeNull()
    expect(scaleDownToOutput(big, NO_SIZE)).toBeNull()
  })
})

describe('period_unit', () => {
  it('cuts the repeating unit, also when the image holds a partial last copy', () => {
    expect(rows(periodUnit(image([[1, 0, 1, 0, 1], [2, 2, 2, 2, 2]])))).toEqual([[1, 0], [2, 2]])
    expect(rows(periodUnit(image([[1, 2], [3, 4], [1, 2], [3, 4]])))).toEqual([[1, 2], [3, 4]])
    expect(rows(periodUnit(image([[7, 7, 7]])))).toEqual([[7]])
  })

  it('counts background as a colour, and refuses an image that does not repeat', () => {
    expect(periodUnit(image([[1, 0, 2]]))).toBeNull()
    expect(periodUnit(image([[0]]))).toBeNull()
  })
})
