// The last-resort size rule: the output has the size of what a short DSL program makes of the input.
import { describe, expect, it } from 'vitest'
import { DSL } from '../../../main/engine/search/dsl/table'
import { fromGrid } from '../../../main/engine/search/image'
import { programSizeRules } from '../../../main/engine/search/output-size-by-program'

describe('output size from a program', () => {
  // The output is the histogram of the input's colours: as wide as its colours, as tall as the
  // commonest one's count.
  const inputs = [
    fromGrid([
      [1, 1, 2],
      [1, 0, 0],
      [0, 0, 0]
    ]),
    fromGrid([
      [3, 0, 0, 0],
      [2, 2, 0, 1],
      [0, 0, 0, 0]
    ])
  ]
  const outputs = [
    { w: 2, h: 3 },
    { w: 3, h: 2 }
  ]
  const test = fromGrid([
    [1, 2, 3, 4],
    [1, 0, 0, 0],
    [1, 0, 0, 0],
    [1, 0, 0, 0]
  ])

  it('finds a program whose result has every demonstration output size, and predicts by it', () => {
    const rules = programSizeRules(DSL, inputs, outputs, test)
    expect(rules.map((r) => r.text)).toContain('size of histogram(x)')
    expect(rules.find((r) => r.text === 'size of histogram(x)')?.size).toEqual({ w: 4, h: 4 })
  })

  it('finds nothing where no program makes the sizes', () => {
    expect(programSizeRules(DSL, inputs, [{ w: 29, h: 1 }, { w: 1, h: 29 }], test)).toEqual([])
  })
})
