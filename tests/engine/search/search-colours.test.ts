import { describe, expect, it } from 'vitest'
import type { Task } from '../../../main/engine/arc/types'
import { colourMapOf, denormalise, normaliseTask } from '../../../main/engine/search/colours'

const task: Task = {
  id: 'colours',
  train: [
    { input: [[5, 5, 3], [5, 5, 5]], output: [[3, 7]] },
    { input: [[5, 3, 3], [5, 5, 0]], output: [[0]] }
  ],
  test: [{ input: [[5, 8], [3, 5]] }]
}

describe('colour normalisation', () => {
  it('maps the most common input colour to 0 and the rest by frequency, then number', () => {
    const map = colourMapOf(task)
    expect(map.forward[5]).toBe(0) // the background of the inputs
    expect(map.forward[3]).toBe(1) // the next most common input colour
    expect(map.forward[0]).toBe(2) // once in the inputs
    expect(map.forward[7]).toBe(3) // only in an output
    expect(map.forward[8]).toBe(4) // only in the test input
  })

  it('is a permutation, and the inverse undoes it on every grid', () => {
    const map = colourMapOf(task)
    expect([...map.forward].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    for (let c = 0; c < 10; c++) expect(map.inverse[map.forward[c]!]).toBe(c)
    const normal = normaliseTask(task, map)
    normal.train.forEach((pair, i) => {
      expect(denormalise(pair.input, map)).toEqual(task.train[i]!.input)
      expect(denormalise(pair.output, map)).toEqual(task.train[i]!.output)
    })
    expect(denormalise(normal.test[0]!.input, map)).toEqual(task.test[0]!.input)
  })

  it('leaves a task already in canonical order unchanged', () => {
    const plain: Task = { id: 'plain', train: [{ input: [[0, 0, 1]], output: [[1]] }], test: [{ input: [[0, 1]] }] }
    expect(normaliseTask(plain, colourMapOf(plain))).toEqual(plain)
  })
})
