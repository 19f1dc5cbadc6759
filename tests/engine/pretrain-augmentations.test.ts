// Pretraining's extra augmentations: size-changing augmenters on the whole task and one-side
// transforms that make a new rule; rates of 0 leave the sampler's random stream untouched.
import { describe, expect, it } from 'vitest'
import type { Grid, Task } from '../../main/engine/arc/types'
import { symmetry, upscale2 } from '../../main/engine/arc/transforms'
import { applyAugmentationMix, applyToOneSide, batchExamples, completeStoredOptions, DEFAULT_PRETRAIN_OPTIONS, NO_EXTRA_AUGMENTATION } from '../../main/engine/pretrain'
import { createRng } from '../../main/engine/random'

const recolour = (g: Grid): Grid => g.map((row) => row.map((c) => (c === 0 ? 0 : (c % 9) + 1)))
const pair = (input: Grid) => ({ input, output: recolour(input) })
const TASK: Task = {
  id: 'recolour',
  train: [pair([[1, 0], [2, 3]]), pair([[4, 5, 0]]), pair([[0], [7]])],
  test: [pair([[8, 8], [0, 1]]), { input: [[3]] }]
}
const rotate = symmetry('rotate-90')

describe('applyToOneSide', () => {
  it('transforms every output and keeps the inputs, test pairs with outputs included', () => {
    const mixed = applyToOneSide(TASK, rotate, 'outputs')!
    expect(mixed.train.map((p) => p.input)).toEqual(TASK.train.map((p) => p.input))
    expect(mixed.train.map((p) => p.output)).toEqual(TASK.train.map((p) => rotate.apply(p.output)))
    // The new rule holds on every pair: output = rotate(recolour(input)).
    for (const p of [...mixed.train, ...mixed.test]) expect(p.output).toEqual(rotate.apply(recolour(p.input)))
    expect(mixed.test).toHaveLength(1) // the test input without an output cannot carry the new rule
  })

  it('transforms every input and keeps the outputs', () => {
    const mixed = applyToOneSide(TASK, rotate, 'inputs')!
    expect(mixed.train.map((p) => p.output)).toEqual(TASK.train.map((p) => p.output))
    expect(mixed.train.map((p) => p.input)).toEqual(TASK.train.map((p) => rotate.apply(p.input)))
  })

  it('refuses a transform that would make a grid larger than 30x30', () => {
    const big: Grid = Array.from({ length: 16 }, () => Array.from({ length: 16 }, () => 1))
    const task: Task = { id: 'big', train: [pair(big), pair([[1]])], test: [] }
    expect(applyToOneSide(task, upscale2(), 'outputs')).toBeUndefined()
    expect(applyToOneSide(task, rotate, 'outputs')).toBeDefined()
  })
})

describe('applyAugmentationMix', () => {
  it('draws no random number when both rates are 0', () => {
    const used = createRng(5)
    expect(applyAugmentationMix(TASK, used, NO_EXTRA_AUGMENTATION)).toBe(TASK)
    expect(used.next()).toBe(createRng(5).next())
  })

  it('changes the task when both rates are 1, keeping every grid within 30x30', () => {
    let changed = 0
    for (let seed = 0; seed < 40; seed++) {
      const mixed = applyAugmentationMix(TASK, createRng(seed), { sizeAugmentationRate: 1, ruleAugmentationRate: 1 })
      if (JSON.stringify(mixed) !== JSON.stringify(TASK)) changed++
      for (const p of [...mixed.train, ...mixed.test]) for (const g of [p.input, p.output ?? [[0]]]) expect(g.length).toBeLessThanOrEqual(30)
    }
    expect(changed).toBeGreaterThan(30)
  })
})

describe('pretraining batches with the mix', () => {
  const tasks = [TASK, { ...TASK, id: 'recolour-2' }]
  const tokens = (mix: typeof NO_EXTRA_AUGMENTATION) => batchExamples(tasks, 3, 9, 8, 256, 10, mix).map((e) => [...e.sequence.tokens.slice(0, e.sequence.length)].join(','))

  it('are a function of (seed, step, mix), and the mix changes them', () => {
    const mix = { sizeAugmentationRate: 0.5, ruleAugmentationRate: 0.5 }
    expect(tokens(mix)).toEqual(tokens(mix))
    expect(tokens(mix)).not.toEqual(tokens(NO_EXTRA_AUGMENTATION))
  })

  it('old checkpoints without rates resume without the extra augmentations', () => {
    const { sizeAugmentationRate, ruleAugmentationRate, ...old } = DEFAULT_PRETRAIN_OPTIONS
    expect(sizeAugmentationRate).toBeGreaterThan(0)
    expect(ruleAugmentationRate).toBeGreaterThan(0)
    expect(completeStoredOptions(old)).toMatchObject({ sizeAugmentationRate: 0, ruleAugmentationRate: 0 })
    expect(completeStoredOptions(DEFAULT_PRETRAIN_OPTIONS)).toEqual(DEFAULT_PRETRAIN_OPTIONS)
  })
})
