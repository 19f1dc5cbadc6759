// Moving a keyboard cursor through table rows.
import { describe, expect, it } from 'vitest'
import { stepIndex } from '../../renderer/src/analysis/list-cursor'

describe('stepIndex', () => {
  it('moves by one and stops at the ends', () => {
    expect(stepIndex(0, 3, 1)).toBe(1)
    expect(stepIndex(2, 3, 1)).toBe(2)
    expect(stepIndex(0, 3, -1)).toBe(0)
  })

  it('starts at the near end without a cursor, and has nowhere to go in an empty list', () => {
    expect(stepIndex(-1, 3, 1)).toBe(0)
    expect(stepIndex(-1, 3, -1)).toBe(2)
    expect(stepIndex(5, 3, 1)).toBe(0)
    expect(stepIndex(-1, 0, 1)).toBe(-1)
  })
})
