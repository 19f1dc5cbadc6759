import { describe, expect, it } from 'vitest'
import { hashCells, hashValues, sameValues } from '../../../main/engine/search/hash'
import { fromGrid, type Image } from '../../../main/engine/search/image'
import { BudgetWatch } from '../../../main/engine/search/budget'
import { LockstepGraph } from '../../../main/engine/search/lockstep'
import { TEST_DSL } from './search-fixtures'

const a = fromGrid([[1, 2], [3, 4]])
const moved: Image = { ...a, x: 1 }

describe('state hashing', () => {
  it('equal states hash equal, from separate buffers', () => {
    const copy = fromGrid([[1, 2], [3, 4]])
    expect(hashValues([a, [a, copy]])).toBe(hashValues([copy, [copy, a]]))
    expect(sameValues([a], [copy])).toBe(true)
  })

  it('cells, sizes, offsets, list structure and order all change the hash', () => {
    const base = hashValues([a])
    expect(hashValues([fromGrid([[1, 2], [3, 5]])])).not.toBe(base)
    expect(hashValues([fromGrid([[1, 2, 3, 4]])])).not.toBe(base)
    expect(hashValues([moved])).not.toBe(base)
    expect(hashValues([[a]])).not.toBe(base)
    const b = fromGrid([[4]])
    expect(hashValues([[a, b]])).not.toBe(hashValues([[b, a]]))
    expect(sameValues([a], [moved])).toBe(false)
  })

  it('hashCells ignores offsets (pieces that draw the same pixels)', () => {
    expect(hashCells([a])).toBe(hashCells([moved]))
  })

  it('the graph keeps one state for programs that give equal values', () => {
    // flip_x twice is x again, and keep(1) of an all-1 image is the image: neither adds a state.
    const image = fromGrid([[1, 1, 0]])
    const watch = new BudgetWatch({ maxStates: 1000, maxCells: 1e6, deadline: Infinity })
    const graph = new LockstepGraph({ dsl: TEST_DSL, inputs: [image, image], outputSizes: [{ w: 3, h: 1 }, null], depth: 2 }, watch)
    graph.run()
    const keys = graph.nodes.map((n) => hashValues(n.values))
    expect(new Set(keys).size).toBe(keys.length)
    expect(graph.nodes.map((_, i) => graph.programText(i))).not.toContain('flip_x(flip_x(x))')
  })
})
