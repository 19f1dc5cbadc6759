// Augmented-inference prompts (recipe section 6) on hand-checkable tasks (hand-tasks.ts).
// TWO_BY_TWO_TASK: 3 demonstrations, every grid 2x2 = 8 tokens. A prompt with d demonstrations is
// 16d + 8 (test input) + 1 (OUTPUT marker) tokens, plus 7 tokens of room for a 2x2 answer:
// leave-one-out (d = 2) needs 48, leave-two-out (d = 1) needs 32.
import { describe, expect, it } from 'vitest'
import { gridsEqual, makeGrid } from '../../../main/engine/arc/grid'
import { INFERENCE_SYMMETRY_IDS, symmetry } from '../../../main/engine/arc/transforms'
import type { Task } from '../../../main/engine/arc/types'
import { buildInferencePrompts, combinations, resolveInferencePromptOptions, type InferencePrompt } from '../../../main/engine/ttt/prompts'
import { TWO_BY_TWO_TASK } from './hand-tasks'

const identityPrompts = (prompts: readonly InferencePrompt[]) => prompts.filter((p) => p.transform === 'identity')
const contentOf = (p: InferencePrompt) => JSON.stringify([p.demonstrations, p.testInput])

describe('buildInferencePrompts', () => {
  const set = buildInferencePrompts(TWO_BY_TWO_TASK, 0, { seed: 0 })

  it('gives the 3 leave-one-out variants, extra orders, and one prompt per transform of the 5', () => {
    expect(set.leaveOutCount).toBe(1)
    const identity = identityPrompts(set.prompts)
    // Each variant has 2 demonstrations, so its 2 random orders add 0 or 1 new order: 3..6 prompts.
    expect(identity.length).toBeGreaterThanOrEqual(3)
    expect(identity.length).toBeLessThanOrEqual(6)
    expect(new Set(identity.map((p) => p.leaveOut.join()))).toEqual(new Set(['0', '1', '2']))
    // No symmetry maps the test input [[4,5],[6,7]] to itself, so no transformed prompt repeats one.
    expect(set.prompts.filter((p) => p.transform !== 'identity').map((p) => p.transform)).toEqual([...INFERENCE_SYMMETRY_IDS])
    expect(set.prompts).toHaveLength(identity.length + 5)
    expect(new Set(set.prompts.map((p) => p.id)).size).toBe(set.prompts.length)
    expect(new Set(set.prompts.map(contentOf)).size).toBe(set.prompts.length)
  })

  it('lists the original-order variant of each left-out demonstration first, in order', () => {
    expect(set.prompts[0]).toMatchObject({ id: 'identity:1,2', leaveOut: [0], demonstrationOrder: [1, 2], tokens: 41, outputReserve: 7 })
    const originals = identityPrompts(set.prompts).filter((p) => p.demonstrationOrder.join() === [...p.demonstrationOrder].sort().join())
    expect(originals.map((p) => p.id)).toEqual(['identity:1,2', 'identity:0,2', 'identity:0,1'])
  })

  it('gives each prompt its transform applied to every grid and the inverse that undoes it', () => {
    const inverses = Object.fromEntries(set.prompts.map((p) => [p.transform, p.inverse]))
    expect(inverses).toEqual({ identity: 'identity', transpose: 'transpose', 'flip-up-down': 'flip-up-down', 'flip-left-right': 'flip-left-right', 'rotate-90': 'rotate-270', 'rotate-180': 'rotate-180' })
    const testInput = TWO_BY_TWO_TASK.test[0]!.input
    for (const prompt of set.prompts) {
      const forward = symmetry(prompt.transform)
      expect(gridsEqual(prompt.testInput, forward.apply(testInput))).toBe(true)
      expect(gridsEqual(symmetry(prompt.inverse).apply(prompt.testInput), testInput)).toBe(true)
      prompt.demonstrations.forEach((pair, i) => {
        const original = TWO_BY_TWO_TASK.train[prompt.demonstrationOrder[i]!]!
        expect(gridsEqual(pair.output, forward.apply(original.output))).toBe(true)
      })
    }
  })

  it('is deterministic for a seed', () => {
    expect(buildInferencePrompts(TWO_BY_TWO_TASK, 0, { seed: 0 })).toEqual(set)
  })

  it('uses the chosen test input', () => {
    const second = buildInferencePrompts(TWO_BY_TWO_TASK, 1)
    expect(second.prompts[0]!.testInput).toEqual(TWO_BY_TWO_TASK.test[1]!.input)
    expect(() => buildInferencePrompts(TWO_BY_TWO_TASK, 2)).toThrow(/has 2 test input\(s\): test index must be 0..1, got 2/)
  })
})

describe('deduplication', () => {
  // Two demonstrations: each leave-one-out variant has one demonstration, so its extra orders are
  // the same prompt: exactly 2 identity prompts, then the 5 transforms.
  const twoDemos: Task = { ...TWO_BY_TWO_TASK, train: TWO_BY_TWO_TASK.train.slice(0, 2) }

  it('drops repeated orders: 2 demonstrations give 2 identity prompts + 5 transforms = 7', () => {
    const { prompts } = buildInferencePrompts(twoDemos, 0)
    expect(prompts.map((p) => p.id).slice(0, 2)).toEqual(['identity:1', 'identity:0'])
    expect(prompts).toHaveLength(7)
  })

  it('drops a transformed prompt equal to one already there: left-right symmetric grids lose flip-left-right', () => {
    // Every grid is two mirrored rows, so flip-left-right is the identity on it (always dropped) and
    // rotate-180 equals flip-up-down (dropped when both land on the same variant).
    const mirror = (row: number[]) => [...row, ...[...row].reverse()]
    const grid = (a: number[], b: number[]) => makeGrid([mirror(a), mirror(b)])
    const symmetric: Task = {
      id: 'symmetric',
      train: [
        { input: grid([1, 2], [3, 4]), output: grid([5, 6], [7, 8]) },
        { input: grid([2, 1], [4, 3]), output: grid([6, 5], [8, 7]) }
      ],
      test: [{ input: grid([9, 1], [2, 3]) }]
    }
    const { prompts } = buildInferencePrompts(symmetric, 0)
    const transforms = prompts.map((p) => p.transform)
    expect(transforms.slice(0, 4)).toEqual(['identity', 'identity', 'transpose', 'flip-up-down'])
    expect(transforms).not.toContain('flip-left-right')
    expect(transforms).toContain('rotate-90')
    expect(new Set(prompts.map(contentOf)).size).toBe(prompts.length)
  })

  it('with allSymmetries gives all 7 non-identity transforms', () => {
    const { prompts } = buildInferencePrompts(twoDemos, 0, { allSymmetries: true })
    expect(prompts.slice(2).map((p) => p.transform).sort()).toEqual(['anti-transpose', 'flip-left-right', 'flip-up-down', 'rotate-180', 'rotate-270', 'rotate-90', 'transpose'])
    expect(prompts.find((p) => p.transform === 'rotate-270')?.inverse).toBe('rotate-90')
  })
})

describe('ablation and context fallback', () => {
  it('without augmentation: one identity prompt with all demonstrations', () => {
    const { prompts, leaveOutCount } = buildInferencePrompts(TWO_BY_TWO_TASK, 0, { augment: false })
    expect(leaveOutCount).toBe(0)
    expect(prompts.map((p) => p.id)).toEqual(['identity:0,1,2'])
    expect(prompts[0]!.tokens).toBe(3 * 16 + 9)
  })

  it('falls back to leave-two-out when no leave-one-out prompt fits (48 > 40 >= 32)', () => {
    const full = buildInferencePrompts(TWO_BY_TWO_TASK, 0)
    const set = buildInferencePrompts(TWO_BY_TWO_TASK, 0, { maxTokens: 40 })
    expect(set.leaveOutCount).toBe(2)
    expect(set.droppedForContext).toBe(full.prompts.length)
    // 3 variants of one demonstration (their extra orders repeat them) + 5 transforms.
    expect(set.prompts).toHaveLength(8)
    expect(set.prompts.every((p) => p.demonstrations.length === 1 && p.leaveOut.length === 2 && p.tokens + p.outputReserve === 32)).toBe(true)
    expect(set.reason).toBeUndefined()
  })

  it('returns no prompt and the reason when even leave-two-out does not fit (32 > 31)', () => {
    const set = buildInferencePrompts(TWO_BY_TWO_TASK, 0, { maxTokens: 31 })
    expect(set.prompts).toEqual([])
    expect(set.leaveOutCount).toBe(2)
    expect(set.reason).toBe('no prompt fits the context of 31 tokens: the shortest (leaving out 2 demonstration(s)) needs 32 tokens with room for the answer')
  })

  it('keeps the only demonstration of a one-demonstration task', () => {
    const one: Task = { ...TWO_BY_TWO_TASK, train: TWO_BY_TWO_TASK.train.slice(0, 1) }
    const set = buildInferencePrompts(one, 0)
    expect(set.leaveOutCount).toBe(0)
    expect(set.prompts.map((p) => p.id)).toEqual(['identity:0', ...INFERENCE_SYMMETRY_IDS.map((t) => `${t}:0`)])
  })
})

describe('helpers and options', () => {
  it('combinations are in lexicographic order', () => {
    expect(combinations(4, 2)).toEqual([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]])
    expect(combinations(3, 0)).toEqual([[]])
  })

  it.each([
    [{ maxTokens: 0 }, /maxTokens must be a positive integer, got 0/],
    [{ orders: -1 }, /orders must be an integer >= 0, got -1/],
    [{ augment: 1 }, /augment must be true or false, got 1/],
    [{ symmetries: true }, /unknown prompt option\(s\) symmetries/]
  ])('rejects %j', (options, message) => {
    expect(() => resolveInferencePromptOptions(options as never)).toThrow(message)
  })
})
