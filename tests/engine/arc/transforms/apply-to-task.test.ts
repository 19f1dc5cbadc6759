import { describe, expect, it } from 'vitest'
import { makeGrid, type Grid, type Task } from '../../../../main/engine/arc'
import {
  applyToTask,
  colourPermutation,
  symmetry,
  transformFitsTask,
  upscale2,
  augmentersForTask
} from '../../../../main/engine/arc/transforms'
import { createRng } from '../../../../main/engine/random'

const filled = (height: number, width: number, colour = 1): Grid =>
  makeGrid(Array.from({ length: height }, () => Array.from({ length: width }, () => colour)))

function task(train: { input: Grid; output: Grid }[], test: { input: Grid; output?: Grid }[]): Task {
  return { id: 'task-1', train, test }
}

describe('applyToTask', () => {
  const small = task(
    [{ input: makeGrid([[1, 2]]), output: makeGrid([[2, 1]]) }],
    [{ input: makeGrid([[3, 4]]), output: makeGrid([[4, 3]]) }, { input: makeGrid([[5, 0]]) }]
  )

  it('maps every grid, inputs, outputs and test outputs alike, and keeps the id and missing outputs', () => {
    const flipped = applyToTask(small, symmetry('rotate-90'))!
    expect(flipped).toEqual({
      id: 'task-1',
      train: [{ input: [[1], [2]], output: [[2], [1]] }],
      test: [{ input: [[3], [4]], output: [[4], [3]] }, { input: [[5], [0]] }]
    })
    expect('output' in flipped.test[1]!).toBe(false)
  })

  it('returns a frozen task of frozen grids', () => {
    const out = applyToTask(small, colourPermutation([0, 2, 1, 3, 4, 5, 6, 7, 8, 9]))!
    expect(Object.isFrozen(out) && Object.isFrozen(out.train) && Object.isFrozen(out.train[0]) && Object.isFrozen(out.test)).toBe(true)
    expect(Object.isFrozen(out.train[0]!.input) && Object.isFrozen(out.test[0]!.output![0])).toBe(true)
  })

  it('drops a task with a 16x16 grid under upscale-2 and keeps a 15x15 one', () => {
    const with16 = task([{ input: filled(3, 3), output: filled(16, 16) }], [{ input: filled(2, 2) }])
    const with15 = task([{ input: filled(3, 3), output: filled(15, 15) }], [{ input: filled(2, 2) }])
    expect(applyToTask(with16, upscale2())).toBeUndefined()
    expect(transformFitsTask(with16, upscale2())).toBe(false)
    const kept = applyToTask(with15, upscale2())!
    expect(kept.train[0]!.output.length).toBe(30)
    expect(kept.train[0]!.output[0]!.length).toBe(30)
  })

  it('drops on a too-large test grid too, including a test output', () => {
    const bigTestOutput = task([{ input: filled(2, 2), output: filled(2, 2) }], [{ input: filled(2, 2), output: filled(20, 3) }])
    expect(applyToTask(bigTestOutput, upscale2())).toBeUndefined()
    // A 20x3 grid fits the size-keeping and axis-swapping maps.
    expect(applyToTask(bigTestOutput, symmetry('transpose'))).toBeDefined()
  })

  it('keeps within 30x30 under every augmenter or drops the task', () => {
    const rng = createRng(5)
    const t = task([{ input: filled(15, 10, 2), output: filled(10, 15, 3) }], [{ input: filled(16, 1, 4) }])
    for (const augmenter of augmentersForTask(rng)) {
      const out = applyToTask(t, augmenter)
      if (!out) continue
      for (const grid of [...out.train.flatMap((p) => [p.input, p.output]), ...out.test.map((p) => p.input)]) {
        expect(grid.length).toBeLessThanOrEqual(30)
        expect(grid[0]!.length).toBeLessThanOrEqual(30)
      }
    }
  })
})
