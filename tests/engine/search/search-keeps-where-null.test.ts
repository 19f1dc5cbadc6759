// An image transform that does not apply to one grid leaves that grid as it is (lockstep.ts): a
// demonstration with nothing to repair does not stop `repair` from explaining the others.
import { describe, expect, it } from 'vitest'
import { solveTestInput } from '../../../main/engine/search'
import { DSL } from '../../../main/engine/search/dsl/table'
import { mirrorAround } from '../../../main/engine/search/dsl/grid/complete'
import { image, rows } from './dsl-grid-helpers'

const pattern = (r: number, c: number) => 1 + ((r * 2 + c) % 4)
const grid = (h: number, w: number, hole?: [number, number]) =>
  Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => (hole && r >= hole[0] && r < hole[0] + 2 && c >= hole[1] && c < hole[1] + 2 ? 7 : pattern(r, c))))

describe('transforms that do not apply to every grid', () => {
  it('explain every demonstration, the intact one included', () => {
    const task = {
      id: 'repair-with-intact-demo',
      train: [
        { input: grid(8, 8, [2, 3]), output: grid(8, 8) },
        { input: grid(9, 7), output: grid(9, 7) },
        { input: grid(7, 9, [4, 1]), output: grid(7, 9) }
      ],
      test: [{ input: grid(8, 9, [1, 5]), output: grid(8, 9) }]
    }
    const outcome = solveTestInput(task, 0, { depth: 1, timeSeconds: 30, maxStates: 50_000, maxCandidates: 5 }, DSL)
    expect(outcome.candidates[0]!.explains).toBe(3)
    expect(outcome.attempts[0]).toEqual(task.test[0]!.output)
  })
})

describe('mirror_around', () => {
  it('mirrors the picture about the centre of the marked colour, both ways', () => {
    const start = image([
      [2, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 3, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0]
    ])
    expect(rows(mirrorAround(start, 3))).toEqual([
      [2, 0, 0, 0, 2],
      [0, 0, 0, 0, 0],
      [0, 0, 3, 0, 0],
      [0, 0, 0, 0, 0],
      [2, 0, 0, 0, 2]
    ])
    expect(mirrorAround(start, 5)).toBeNull()
  })
})
