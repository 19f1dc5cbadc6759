// How numbers and ids appear in the Runs and Compare tables.
import { describe, expect, it } from 'vitest'
import { duration, pValue, percent, shortId } from '../../renderer/src/analysis/format'

describe('format', () => {
  it('writes fractions as percentages and unknowns as a dash', () => {
    expect(percent(0.25)).toBe('25.0%')
    expect(percent(1 / 3, 0)).toBe('33%')
    expect(percent(null)).toBe('—')
  })

  it('writes durations at a useful precision', () => {
    expect(duration(4.26)).toBe('4.3 s')
    expect(duration(42.6)).toBe('43 s')
    expect(duration(245)).toBe('4 m 05 s')
    expect(duration(7380)).toBe('2 h 03 m')
    expect(duration(null)).toBe('—')
  })

  it('writes p-values with a floor', () => {
    expect(pValue(0.021484375)).toBe('0.021')
    expect(pValue(1)).toBe('1.000')
    expect(pValue(0.00098)).toBe('0.00098')
    expect(pValue(1e-9)).toBe('< 0.0001')
  })

  it("shortens the runner's run ids to their time and random suffix", () => {
    expect(shortId('run-20261126-085422-910b')).toBe('085422-910b')
    expect(shortId('my-run')).toBe('my-run')
    expect(shortId('a-very-long-custom-run-id')).toBe('a-very-long…')
  })
})
