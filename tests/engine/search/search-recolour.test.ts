import { describe, expect, it } from 'vitest'
import { solveTestInput, type SearchOptions } from '../../../main/engine/search'
import type { Image } from '../../../main/engine/search/image'
import { applyColourMap, colourMapText, learnColourMap } from '../../../main/engine/search/recolour'
import { flipGrid, generatedTask, sameGrid, TEST_DSL } from './search-fixtures'

const OPTIONS: SearchOptions = { depth: 2, timeSeconds: 60, maxStates: 100_000, maxCandidates: 10 }

function image(w: number, h: number, cells: number[]): Image {
  return { x: 0, y: 0, w, h, cells: Uint8Array.from(cells) }
}

describe('colour maps learned from the demonstrations', () => {
  it('learns a many-to-one map shared by every demonstration', () => {
    const table = learnColourMap([image(2, 1, [1, 2]), image(2, 1, [3, 0])], [image(2, 1, [4, 4]), image(2, 1, [5, 0])])
    expect(table).not.toBeNull()
    expect(colourMapText(table!)).toBe('{1->4, 2->4, 3->5}')
  })

  it('rejects a colour that would need two images', () => {
    expect(learnColourMap([image(2, 1, [1, 1])], [image(2, 1, [4, 5])])).toBeNull()
  })

  it('rejects a test image holding a colour no demonstration mapped (the safe rule)', () => {
    const table = learnColourMap([image(1, 1, [1])], [image(1, 1, [2])])!
    expect(applyColourMap(image(2, 1, [1, 1]), table)!.cells).toEqual(Uint8Array.from([2, 2]))
    expect(applyColourMap(image(2, 1, [1, 3]), table)).toBeNull()
  })

  it('the search recovers flip-then-recolour on a generated task', () => {
    // Colours 1..4 become 4, 3, 2 and 2 after a flip; no DSL transform recolours, so only the map can.
    const table = [0, 4, 3, 2, 2, 5, 6, 7, 8, 9]
    const task = generatedTask('flip-recolour', 21, (g) => flipGrid(g).map((row) => row.map((c) => table[c]!)), 4)
    const outcome = solveTestInput(task, 0, OPTIONS, TEST_DSL)
    expect(sameGrid(outcome.attempts[0], task.test[0]!.output)).toBe(true)
    expect(outcome.candidates[0]!.program).toMatch(/^recolour\(flip_x\(x\), \{.*\}\)$/)
    expect(outcome.candidates[0]!.explains).toBe(4)
  })
})
