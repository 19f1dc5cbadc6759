import { describe, expect, it } from 'vitest'
import type { Found } from '../../../main/engine/search/found'
import type { Image } from '../../../main/engine/search/image'
import { markDegenerate, rankDistinct } from '../../../main/engine/search/rank'

function image(cells: number[]): Image {
  return { x: 0, y: 0, w: cells.length, h: 1, cells: Uint8Array.from(cells) }
}

function found(answer: Image, program: string, more: Partial<Found> = {}): Found {
  return { answer, program, explains: 2, depth: 1, cost: 1, layers: 1, sizeFits: true, order: 0, ...more }
}

describe('ranking', () => {
  it('prefers an exact single program to a layered one, even a cheaper one', () => {
    const layered = found(image([1, 2]), 'layers(a; b)', { layers: 2, cost: 1, order: 0 })
    const single = found(image([2, 1]), 'flip(x)', { layers: 1, cost: 3, order: 1 })
    expect(rankDistinct([layered, single], 2).map((f) => f.program)).toEqual(['flip(x)', 'layers(a; b)'])
  })

  it('ranks a learned colour map after a plain program that explains as much', () => {
    const learned = found(image([3]), 'recolour(x, {1->3})', { learned: true, cost: 1 })
    const plain = found(image([4]), 'paint(x, 4)', { cost: 5, order: 1 })
    expect(rankDistinct([learned, plain], 2)[0]!.program).toBe('paint(x, 4)')
  })

  it('demotes blank answers and unchanged inputs where no demonstration has them', () => {
    const inputs = [image([1, 0]), image([2, 0])]
    const targets = [image([0, 1]), image([0, 2])]
    const test = image([3, 0])
    const marked = markDegenerate([found(image([0, 0]), 'blank'), found(image([3, 0]), 'copy'), found(image([0, 3]), 'flip')],
      inputs, targets, test)
    expect(marked.map((f) => f.degenerate ?? false)).toEqual([true, true, false])
    expect(rankDistinct(marked, 3)[0]!.program).toBe('flip')
  })

  it('keeps a blank answer when a demonstration output is blank', () => {
    const marked = markDegenerate([found(image([0, 0]), 'blank')], [image([1, 0])], [image([0, 0])], image([3, 0]))
    expect(marked[0]!.degenerate ?? false).toBe(false)
  })
})
