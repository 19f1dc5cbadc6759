// The TTT data builder (recipe section 3) and its loss masks (recipe section 4). The counts on
// ONE_CELL_TASK are worked out by hand in the comments; see hand-tasks.ts for why its 23
// augmentations fall into 4 groups.
import { describe, expect, it } from 'vitest'
import { makeGrid } from '../../../main/engine/arc/grid'
import type { Pair, Task } from '../../../main/engine/arc/types'
import { TOKEN } from '../../../main/engine/tokenizer'
import {
  buildTttData,
  encodeTttExample,
  maskRanges,
  resolveTttDataOptions,
  type TttExample,
  type TttSourceStats
} from '../../../main/engine/ttt/data'
import { ONE_CELL_TASK } from './hand-tasks'

const SURVIVING_AUGMENTERS = ['identity', 'reflect-vertical-mirror-first', 'reflect-horizontal-mirror-first', 'upscale-2']

function stats(partial: Omit<TttSourceStats, 'beforeDedup' | 'available'> & { available?: number }): TttSourceStats {
  const beforeDedup = partial.leaveOutTasks + partial.augmented + partial.copies
  return { ...partial, beforeDedup, available: partial.available ?? partial.afterDedup - partial.droppedForContext }
}

describe('buildTttData on a hand-checkable task (3 one-cell demonstrations)', () => {
  // Leave-one-out: 3 tasks of 2 demonstrations. 23 augmenters x 3 = 69 augmented, none over 30x30.
  // Deduplicated with the 3 originals: per task the identity + 3 new shapes = 4, so 72 -> 12.
  // Each of the 12 gets a colour-permuted shuffled copy: 24. A copy repeats an example only if its
  // colour map fixes all 6 colours the task uses (3!/9! of the maps), so all 24 stay.
  // 24 < 250, so the top-up: leave-two-out is 3 x 2 = 6 tasks of 1 demonstration, 138 augmented,
  // 144 -> 24 distinct, + 24 copies = 48, all kept (the cap's room is 226). Total 72.
  const data = buildTttData(ONE_CELL_TASK, { seed: 0 })

  it('gives the hand-counted numbers at every step', () => {
    expect(data.stats.perSource['leave-one-out']).toEqual(
      stats({ leaveOutTasks: 3, augmented: 69, droppedForSize: 0, copies: 12, afterDedup: 24, droppedForContext: 0, selected: 24 })
    )
    expect(data.stats.perSource['leave-two-out']).toEqual(
      stats({ leaveOutTasks: 6, augmented: 138, droppedForSize: 0, copies: 24, afterDedup: 48, droppedForContext: 0, selected: 48 })
    )
    expect(data.examples).toHaveLength(72)
    expect(data.stats.examples).toBe(72)
  })

  it('keeps the first augmenter of each group of equal results (per group: 6 leave-one-out + 12 leave-two-out)', () => {
    for (const [id, counts] of Object.entries(data.stats.perAugmenter)) {
      const expected = SURVIVING_AUGMENTERS.includes(id) ? 18 : 0
      expect({ id, ...counts }).toEqual({ id, available: expected, selected: expected })
    }
  })

  it('reports token lengths: 1x1 grids are 4 tokens, so a leave-two-out example is 16 and a 2x2 leave-one-out one 48', () => {
    expect(data.stats.tokenLengths).toMatchObject({ min: 16, max: 48 })
  })

  it('never uses the task\'s test pairs: changing them changes nothing', () => {
    const otherTest: Task = { ...ONE_CELL_TASK, test: [{ input: makeGrid([[9]]) }] }
    expect(buildTttData(otherTest, { seed: 0 })).toEqual(data)
    const sizes = data.examples.flatMap((e) => [...e.demonstrations, e.test]).flatMap((p) => [p.input, p.output]).map((g) => g.length)
    expect(Math.max(...sizes)).toBe(2) // the 3x3 test grids never appear
  })

  it('records provenance: leave-out indices, demonstration order, copies colour-permuted and shuffled', () => {
    const first = data.examples[0]!
    expect(first.id).toBe('leave-one-out/test-0/identity')
    expect(first.provenance).toEqual({ source: 'leave-one-out', leaveOut: [0], demonstrationOrder: [1, 2], augmenter: 'identity', colourPermuted: false, shuffled: false })
    expect(first.demonstrations).toEqual([ONE_CELL_TASK.train[1], ONE_CELL_TASK.train[2]])
    expect(first.test).toEqual(ONE_CELL_TASK.train[0])
    const copies = data.examples.filter((e) => e.provenance.shuffled)
    expect(copies).toHaveLength(12 + 24)
    expect(copies.every((e) => e.provenance.colourPermuted && e.provenance.colourMap?.[0] === 0)).toBe(true)
    const topUp = data.examples.filter((e) => e.provenance.source === 'leave-two-out')
    expect(topUp.every((e) => e.provenance.leaveOut.length === 2 && e.demonstrations.length === 1)).toBe(true)
    expect(new Set(data.examples.map((e) => e.id)).size).toBe(72)
  })

  it("records each example's length as the encoder's", () => {
    for (const example of data.examples) expect(example.tokens).toBe(encodeTttExample(example, 'outputs-except-first').sequence.length)
  })
})

describe('context length, cap and top-up', () => {
  // Leave-one-out lengths: 6 one-cell grids x 4 tokens = 24; as 1x2 grids (5 tokens) 30; as 2x1
  // (6 tokens) 36; as 2x2 (8 tokens) 48. Leave-two-out (4 grids): 16, 20, 24, 32.
  it('drops examples longer than the context: at 40, the 2x2 leave-one-out ones (3 + their 3 copies)', () => {
    const { stats } = buildTttData(ONE_CELL_TASK, { maxTokens: 40 })
    expect(stats.perSource['leave-one-out']).toMatchObject({ afterDedup: 24, droppedForContext: 6, available: 18, selected: 18 })
    expect(stats.perSource['leave-two-out']).toMatchObject({ afterDedup: 48, droppedForContext: 0, selected: 48 })
    expect(stats.examples).toBe(66)
  })

  it('at 24 tokens keeps only one-cell leave-one-out examples, and leave-two-out ones up to 24', () => {
    const { examples, stats } = buildTttData(ONE_CELL_TASK, { maxTokens: 24 })
    expect(stats.perSource['leave-one-out']).toMatchObject({ droppedForContext: 18, available: 6 })
    expect(stats.perSource['leave-two-out']).toMatchObject({ droppedForContext: 12, available: 36 })
    expect(Math.max(...examples.map((e) => e.tokens))).toBe(24)
  })

  it('over the cap, keeps a seeded random `cap` of leave-one-out and tops up nothing', () => {
    const { examples, stats } = buildTttData(ONE_CELL_TASK, { cap: 10 })
    expect(examples).toHaveLength(10)
    expect(stats.perSource['leave-one-out']?.selected).toBe(10)
    expect(stats.perSource['leave-two-out']).toBeUndefined()
    expect(new Set(examples.map((e) => e.id)).size).toBe(10)
  })

  it('tops up exactly the room left under the cap: 24 leave-one-out + 6 leave-two-out = 30', () => {
    const { examples, stats } = buildTttData(ONE_CELL_TASK, { cap: 30 })
    expect(examples.map((e) => e.provenance.source)).toEqual([...Array(24).fill('leave-one-out'), ...Array(6).fill('leave-two-out')])
    expect(stats.perSource['leave-two-out']).toMatchObject({ available: 48, selected: 6 })
  })

  it('"leave-one-out only" makes no top-up', () => {
    const { examples, stats } = buildTttData(ONE_CELL_TASK, { leaveTwoOutTopUp: false })
    expect(examples).toHaveLength(24)
    expect(stats.perSource['leave-two-out']).toBeUndefined()
  })
})

describe('ablations', () => {
  it('without augmentation: no augmenter, no colour map; shuffled copies only, a copy kept only when its order is new', () => {
    const { examples, stats } = buildTttData(ONE_CELL_TASK, { augment: false })
    expect(examples.every((e) => e.provenance.augmenter === 'identity' && !e.provenance.colourPermuted)).toBe(true)
    const loo = stats.perSource['leave-one-out']!
    expect(loo).toMatchObject({ leaveOutTasks: 3, augmented: 0, droppedForSize: 0, copies: 3, beforeDedup: 6 })
    const keptCopies = examples.filter((e) => e.provenance.source === 'leave-one-out' && e.provenance.shuffled)
    expect(loo.afterDedup).toBe(3 + keptCopies.length)
    for (const copy of keptCopies) expect(copy.provenance.demonstrationOrder).toEqual([...copy.provenance.demonstrationOrder].sort().reverse())
    // One demonstration has one order: every leave-two-out copy repeats its task.
    expect(stats.perSource['leave-two-out']).toMatchObject({ leaveOutTasks: 6, copies: 6, afterDedup: 6 })
  })

  it('direct-io: each demonstration alone, no context; 3 tasks x 4 distinct augmentations = 12, plus colour copies', () => {
    const { examples, stats } = buildTttData(ONE_CELL_TASK, { format: 'direct-io' })
    expect(examples.every((e) => e.demonstrations.length === 0 && e.provenance.source === 'direct-io')).toBe(true)
    expect(stats.perSource['direct-io']).toMatchObject({ leaveOutTasks: 3, augmented: 69, copies: 12 })
    expect(examples.filter((e) => !e.provenance.colourPermuted)).toHaveLength(12)
    // A copy of a 2-colour grid pair can repeat one (1/72 per copy for a given other pair), so bound it.
    expect(examples.length).toBeGreaterThan(12)
    expect(examples.length).toBeLessThanOrEqual(24)
    expect(stats.perSource['leave-two-out']).toBeUndefined()
  })

  it('drops augmented tasks with a grid over 30x30: 16 of the 23 augmenters double a 16x16 grid', () => {
    // The 16x16 input of demonstration 0 is in all 3 leave-one-out tasks. Only the 5 geometric maps,
    // translate and transpose keep 16x16: 7 x 3 = 21 augmented, (23 - 7) x 3 = 48 dropped.
    const big = makeGrid(Array.from({ length: 16 }, (_, r) => Array.from({ length: 16 }, (_, c) => (r * 16 + c) % 10)))
    const task: Task = { ...ONE_CELL_TASK, train: [{ input: big, output: makeGrid([[1]]) }, ...ONE_CELL_TASK.train.slice(1)] }
    expect(buildTttData(task).stats.perSource['leave-one-out']).toMatchObject({ leaveOutTasks: 3, augmented: 21, droppedForSize: 48 })
  })

  it('says why a task with too few demonstrations gets no leave-one-out data or no top-up', () => {
    const one: Task = { ...ONE_CELL_TASK, train: ONE_CELL_TASK.train.slice(0, 1) }
    const single = buildTttData(one)
    expect(single.examples).toEqual([])
    expect(single.stats.notes.join('\n')).toMatch(/leave-one-out needs at least 2.*direct-io/)
    expect(buildTttData(one, { format: 'direct-io' }).examples.length).toBeGreaterThanOrEqual(4)
    const two = buildTttData({ ...ONE_CELL_TASK, train: ONE_CELL_TASK.train.slice(0, 2) })
    expect(two.stats.perSource['leave-two-out']).toBeUndefined()
    expect(two.stats.notes.join('\n')).toMatch(/no leave-two-out top-up: it needs at least 3 demonstrations/)
  })
})

describe('determinism', () => {
  it('the same seed gives the same examples in the same order; another seed, other draws', () => {
    const a = buildTttData(ONE_CELL_TASK, { seed: 11 })
    expect(JSON.stringify(buildTttData(ONE_CELL_TASK, { seed: 11 }))).toBe(JSON.stringify(a))
    expect(JSON.stringify(buildTttData(ONE_CELL_TASK, { seed: 12 }))).not.toBe(JSON.stringify(a))
  })
})

describe('options', () => {
  it.each([
    [{ cap: 0 }, /cap must be a positive integer, got 0/],
    [{ maxTokens: 1.5 }, /maxTokens must be a positive integer, got 1.5/],
    [{ seed: 0.5 }, /seed must be an integer, got 0.5/],
    [{ format: 'pairs' }, /format must be one of leave-one-out, direct-io, got "pairs"/],
    [{ lossMask: 'outputs' }, /lossMask must be one of outputs-except-first, test-output-only, all-outputs, inputs-and-outputs, got "outputs"/],
    [{ augment: 'no' }, /augment must be true or false, got "no"/],
    [{ capp: 3 }, /unknown TTT data option\(s\) capp/]
  ])('rejects %j', (options, message) => {
    expect(() => resolveTttDataOptions(options as never)).toThrow(message)
    expect(() => buildTttData(ONE_CELL_TASK, options as never)).toThrow(message)
  })
})

describe('loss masks (recipe section 4)', () => {
  // Encoding of 2 one-cell demonstrations and a 2x2 test output; every one-cell grid is
  // [marker, cell, ROW_END, END]:
  //   0-3 demo 0 input | 4-7 demo 0 output | 8-11 demo 1 input | 12-15 demo 1 output
  //   16-19 test input | 20-27 test output: OUTPUT 6 7 ROW_END 8 9 ROW_END END
  // A target is a grid's body, marker excluded: demo 1 output = 13..15, test output = 21..27.
  const pair = (input: number[][], output: number[][]): Pair => ({ input: makeGrid(input), output: makeGrid(output) })
  const example: TttExample = {
    id: 'tiny',
    provenance: { source: 'leave-one-out', leaveOut: [2], demonstrationOrder: [0, 1], augmenter: 'identity', colourPermuted: false, shuffled: false },
    demonstrations: [pair([[1]], [[2]]), pair([[3]], [[4]])],
    test: pair([[5]], [[6, 7], [8, 9]]),
    tokens: 28
  }

  it.each([
    ['outputs-except-first', [[13, 16], [21, 28]]],
    ['test-output-only', [[21, 28]]],
    ['all-outputs', [[5, 8], [13, 16], [21, 28]]],
    ['inputs-and-outputs', [[1, 4], [5, 8], [9, 12], [13, 16], [17, 20], [21, 28]]]
  ] as const)('%s marks exactly %j', (variant, ranges) => {
    const { sequence, lossMask, targetTokens } = encodeTttExample(example, variant)
    expect(sequence.length).toBe(28)
    expect(lossMask).toHaveLength(28)
    expect(maskRanges(lossMask)).toEqual(ranges)
    expect(targetTokens).toBe(ranges.reduce((sum, [start, end]) => sum + end - start, 0))
  })

  it('the test output targets are its cells, row ends and END, never its OUTPUT marker', () => {
    const { sequence, lossMask } = encodeTttExample(example, 'test-output-only')
    expect(sequence.tokens[20]).toBe(TOKEN.OUTPUT)
    expect(lossMask[20]).toBe(0)
    expect([...sequence.tokens.slice(21, 28)]).toEqual([6, 7, TOKEN.ROW_END, 8, 9, TOKEN.ROW_END, TOKEN.END])
  })

  it('without demonstrations (direct-io) the default mask is the test output', () => {
    const direct: TttExample = { ...example, demonstrations: [], test: pair([[5]], [[6]]), tokens: 8 }
    expect(maskRanges(encodeTttExample(direct, 'outputs-except-first').lossMask)).toEqual([[5, 8]])
  })
})
