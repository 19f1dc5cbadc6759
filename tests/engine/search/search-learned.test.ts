import { describe, expect, it } from 'vitest'
import { solveTestInput, type SearchOptions } from '../../../main/engine/search'
import { localRuleAnswers } from '../../../main/engine/search/learned/local-rule'
import { objectRecolourAnswers } from '../../../main/engine/search/learned/object-recolour'
import { cellPairAnswers } from '../../../main/engine/search/learned/cell-pairs'
import { toGrid, type Image } from '../../../main/engine/search/image'
import type { Task } from '../../../main/engine/arc/types'
import { image, rows } from './dsl-grid-helpers'
import { TEST_DSL } from './search-fixtures'

const OPTIONS: SearchOptions = { depth: 1, timeSeconds: 60, maxStates: 100_000, maxCandidates: 10 }

/** Puts colour 4 on the diagonal neighbours of every 2-coloured cell (a stamp rule). */
function stamp(grid: number[][]): number[][] {
  const out = grid.map((row) => [...row])
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== 2) return
      for (const [dr, dc] of [
        [-1, -1],
        [-1, 1],
        [1, -1],
        [1, 1]
      ] as const) {
        if (out[r + dr]?.[c + dc] === 0) out[r + dr]![c + dc] = 4
      }
    })
  )
  return out
}

function canvas(w: number, h: number, dots: readonly (readonly [number, number, number])[]): number[][] {
  const grid = Array.from({ length: h }, () => new Array<number>(w).fill(0))
  for (const [r, c, v] of dots) grid[r]![c] = v
  return grid
}

describe('local rules learned from the demonstrations', () => {
  const inputs = [
    canvas(7, 7, [
      [1, 1, 2],
      [5, 4, 2]
    ]),
    canvas(6, 6, [[2, 3, 2]]),
    canvas(8, 5, [
      [1, 5, 2],
      [3, 1, 1]
    ])
  ]

  it('learns a stamp around single cells and applies it to a new layout', () => {
    const test = canvas(7, 6, [
      [1, 2, 2],
      [4, 5, 2]
    ])
    const answers = localRuleAnswers(
      inputs.map((g) => image(g)),
      inputs.map((g) => image(stamp(g))),
      image(test)
    )
    expect(answers.length).toBeGreaterThan(0)
    expect(rows(answers[0]!.answer)).toEqual(stamp(test))
  })

  it('rejects a rule whose test cells show a neighbourhood no demonstration had (no guessing)', () => {
    // Two stamped cells side by side never occur in the demonstrations: every feature that can tell
    // the stamp's cells apart meets an unseen value there.
    const test = canvas(6, 6, [
      [2, 2, 2],
      [2, 3, 2]
    ])
    const answers = localRuleAnswers(
      inputs.map((g) => image(g)),
      inputs.map((g) => image(stamp(g))),
      image(test)
    )
    for (const a of answers) expect(rows(a.answer)).toEqual(stamp(test))
  })

  it('learns from what a cell sees: gaps between two walls of colour 1 become 3', () => {
    const between = (grid: number[][]): number[][] =>
      grid.map((row) =>
        row.map((v, c) => (v === 0 && row.slice(0, c).includes(1) && row.slice(c + 1).includes(1) ? 3 : v))
      )
    const demos = [
      [
        [1, 0, 0, 1, 0],
        [0, 0, 0, 0, 0],
        [0, 1, 0, 1, 0]
      ],
      [
        [0, 1, 0, 0, 0, 1],
        [1, 0, 1, 0, 0, 0],
        [0, 0, 0, 0, 0, 0],
        [1, 0, 0, 0, 1, 0]
      ]
    ]
    const test = [
      [0, 1, 0, 0, 0, 0, 1],
      [1, 0, 0, 1, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0]
    ]
    const answers = localRuleAnswers(
      demos.map((g) => image(g)),
      demos.map((g) => image(between(g))),
      image(test)
    )
    const visible = answers.find((a) => a.name === 'visible4')
    expect(visible).toBeDefined()
    expect(rows(visible!.answer)).toEqual(between(test))
  })

  it('keeps the few test cells no rule saw, and says so in the rule', () => {
    // Colour 6 is new: its cell and its neighbours' neighbourhoods were never seen (9 of 196 cells).
    const test = canvas(14, 14, [
      [1, 1, 2],
      [7, 7, 6],
      [4, 10, 2]
    ])
    const answers = localRuleAnswers(
      inputs.map((g) => image(g)),
      inputs.map((g) => image(stamp(g))),
      image(test)
    )
    const kept = answers.find((a) => a.unseenKept)
    expect(kept?.name).toMatch(/unseen kept$/)
    expect(rows(kept!.answer)).toEqual(stamp(test))
  })

  it('refuses a table with fewer than two demonstration cells per entry (a record, not a rule)', () => {
    const demos = [
      [[1, 2], [3, 4]],
      [[2, 2], [0, 4]],
      [[6, 1], [1, 1]]
    ]
    const outputs = [
      [[5, 0], [7, 1]],
      [[9, 3], [0, 6]],
      [[2, 8], [4, 4]]
    ]
    const answers = localRuleAnswers(
      demos.map((g) => image(g)),
      outputs.map((g) => image(g)),
      // Every feature of these cells was seen (it is the first demonstration), so only support can refuse.
      image([[1, 2], [3, 4]])
    )
    expect(answers).toEqual([])
  })

  it('leaves plain colour maps to the recolouring and needs equal sizes', () => {
    const a = canvas(3, 3, [[1, 1, 1]])
    const b = canvas(3, 3, [[1, 1, 2]])
    expect(localRuleAnswers([image(a)], [image(b)], image(a))).toEqual([])
    expect(localRuleAnswers([image(a)], [image(canvas(2, 2, []))], image(a))).toEqual([])
  })
})

describe('objects recoloured by a learned property', () => {
  /** Objects of size 3 become 2, others become 1 (colour 5 in the inputs). */
  const bySize = (grid: number[][]): number[][] => {
    const out = grid.map((row) => [...row])
    const seen = grid.map((row) => row.map(() => false))
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === 0 || seen[r]![c]) return
        const cells: [number, number][] = []
        const stack: [number, number][] = [[r, c]]
        seen[r]![c] = true
        while (stack.length) {
          const [y, x] = stack.pop()!
          cells.push([y, x])
          for (const [dy, dx] of [
            [0, 1],
            [1, 0],
            [0, -1],
            [-1, 0]
          ] as const) {
            if (grid[y + dy]?.[x + dx] === 5 && !seen[y + dy]![x + dx]) {
              seen[y + dy]![x + dx] = true
              stack.push([y + dy, x + dx])
            }
          }
        }
        for (const [y, x] of cells) out[y]![x] = cells.length === 3 ? 2 : 1
      })
    )
    return out
  }
  const demo1 = canvas(6, 5, [
    [0, 0, 5],
    [0, 1, 5],
    [0, 2, 5],
    [3, 4, 5],
    [4, 4, 5]
  ])
  const demo2 = canvas(6, 5, [
    [1, 1, 5],
    [2, 1, 5],
    [3, 1, 5],
    [0, 4, 5],
    [3, 4, 5],
    [4, 4, 5]
  ])

  it('repaints each object by its size and keeps the rest of the grid', () => {
    const test = canvas(5, 5, [
      [0, 0, 5],
      [0, 1, 5],
      [4, 0, 5],
      [4, 1, 5],
      [2, 4, 5],
      [3, 4, 5],
      [4, 4, 5]
    ])
    const answers = objectRecolourAnswers([image(demo1), image(demo2)], [image(bySize(demo1)), image(bySize(demo2))], image(test))
    const bySizeAnswer = answers.find((a) => a.program === 'recolour_objects(cut(x, 4), by size)')
    expect(bySizeAnswer).toBeDefined()
    expect(rows(bySizeAnswer!.answer)).toEqual(bySize(test))
  })

  it('rejects a test object whose size no demonstration showed', () => {
    const test = canvas(5, 5, [
      [0, 0, 5],
      [0, 1, 5],
      [0, 2, 5],
      [0, 3, 5]
    ])
    const answers = objectRecolourAnswers([image(demo1), image(demo2)], [image(bySize(demo1)), image(bySize(demo2))], image(test))
    expect(answers.find((a) => a.program.endsWith('by size)'))).toBeUndefined()
  })

  it('generalises a two-way split of sizes to a size no demonstration showed', () => {
    const test = canvas(5, 5, [
      [0, 0, 5],
      [0, 1, 5],
      [0, 2, 5],
      [0, 3, 5],
      [3, 3, 5]
    ])
    // In the demonstrations size 3 becomes 2 and sizes 1 and 2 become 1: a table cannot read size 4,
    // the split "size == 3" can.
    const answers = objectRecolourAnswers([image(demo1), image(demo2)], [image(bySize(demo1)), image(bySize(demo2))], image(test))
    const split = answers.find((a) => a.program === 'recolour_objects(cut(x, 4), by size == 3)')
    expect(split?.split).toBe(1)
    expect(rows(split!.answer)).toEqual(bySize(test))
  })

  it('fills enclosed background regions as objects of their own', () => {
    const ring = (grid: number[][]): number[][] => grid.map((row) => [...row])
    const demo = ring([
      [1, 1, 1, 0, 0],
      [1, 0, 1, 0, 0],
      [1, 1, 1, 0, 0],
      [0, 0, 0, 0, 0]
    ])
    const filled = demo.map((row, r) => row.map((v, c) => (r === 1 && c === 1 ? 4 : v)))
    const demo2 = ring([
      [0, 0, 0, 0, 0, 0],
      [0, 1, 1, 1, 1, 0],
      [0, 1, 0, 0, 1, 0],
      [0, 1, 1, 1, 1, 0]
    ])
    const filled2 = demo2.map((row, r) => row.map((v, c) => (r === 2 && (c === 2 || c === 3) ? 4 : v)))
    const test = ring([
      [1, 1, 1, 1, 0],
      [1, 0, 0, 1, 0],
      [1, 0, 0, 1, 0],
      [1, 1, 1, 1, 0]
    ])
    const answers = objectRecolourAnswers([image(demo), image(demo2)], [image(filled), image(filled2)], image(test))
    const regions = answers.find((a) => a.program === 'recolour_objects(background_regions(x), by touches_border)')
    expect(rows(regions!.answer)).toEqual(test.map((row, r) => row.map((v, c) => (r > 0 && r < 3 && c > 0 && c < 3 ? 4 : v))))
  })

  it('rejects demonstrations where an object is repainted in two colours', () => {
    const out = bySize(demo1)
    out[0]![0] = 7
    expect(objectRecolourAnswers([image(demo1)], [image(out)], image(demo1))).toEqual([])
  })

  it('the search answers with the learned rule and its program', () => {
    const test = canvas(6, 6, [
      [5, 5, 5],
      [5, 4, 5],
      [0, 0, 5],
      [1, 0, 5],
      [2, 0, 5]
    ])
    const task: Task = {
      id: 'objects-by-size',
      train: [demo1, demo2].map((g) => ({ input: g, output: bySize(g) })),
      test: [{ input: test, output: bySize(test) }]
    }
    const outcome = solveTestInput(task, 0, OPTIONS, TEST_DSL)
    expect(outcome.attempts.some((a) => JSON.stringify(a) === JSON.stringify(bySize(test)))).toBe(true)
    expect(outcome.candidates.some((c) => c.program.startsWith('recolour_objects('))).toBe(true)
  })
})

describe('two images combined cell by cell through a learned table', () => {
  // Output colour by (a, b): 0,0 -> 0; 1,0 -> 2; 0,1 -> 3; 1,1 -> 4 (no single logical operation).
  const rule = (a: number, b: number) => [0, 3, 2, 4][a * 2 + b]!
  const grids = (seed: number, w: number, h: number) =>
    Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => ((r * 7 + c * 3 + seed) % 5 < 2 ? 1 : 0)))
  const source = (program: string, seeds: number[], cost: number) => ({
    demos: seeds.slice(0, 3).map((s) => image(grids(s, 4, 3))),
    test: image(grids(seeds[3]!, 4, 3)),
    program,
    cost
  })
  const a = source('a', [0, 1, 2, 3], 1)
  const b = source('b', [4, 6, 8, 9], 1)
  const combined = (x: Image, y: Image) => image(toGrid(x).map((row, r) => row.map((v, c) => rule(v, toGrid(y)[r]![c]!))))
  const targets = a.demos.map((x, g) => combined(x, b.demos[g]!))

  it('learns the table and answers the test pair', () => {
    const answers = cellPairAnswers([a, b], targets)
    expect(answers).toHaveLength(1)
    expect(answers[0]!.program).toBe('combine(a, b, {00->0, 01->3, 10->2, 11->4})')
    expect(rows(answers[0]!.answer)).toEqual(toGrid(combined(a.test, b.test)))
  })

  it('rejects a test pair no demonstration showed, and tables that read one side only', () => {
    const unseen = { ...b, test: image(grids(9, 4, 3).map((row) => row.map((v) => v * 5))) }
    expect(cellPairAnswers([a, unseen], targets)).toEqual([])
    const firstOnly = a.demos.map((x) => image(toGrid(x).map((row) => row.map((v) => v * 7))))
    expect(cellPairAnswers([a, b], firstOnly)).toEqual([])
  })
})
