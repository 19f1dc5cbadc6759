// Pretraining data: one example per batch slot, drawn afresh at every step from the training tasks
// with the fine-tuning augmentations of ttt-recipe.md section 1 / section 3, so the batch of step s
// depends only on (seed, s) and a resumed run sees exactly the batches of an uninterrupted one.
//
// Each example: one task; a random symmetry of the 8 and a random colour permutation (0 stays 0),
// both applied to the whole task; its pairs with outputs (demonstrations and test pairs with known
// outputs) shuffled; the first k (2 <= k <= min(pairs, maxExamples)) kept, k-1 as demonstrations
// and the k-th as the test pair. An example longer than the context is redrawn.
//
// Before the symmetry, with the rates of the run's AugmentationMix, one of the 23 size-changing TTT
// augmenters may be applied to the whole task and a transform to only its inputs or only its outputs
// (a new rule; rule-augmentations.ts). Held-out examples use none of these, so the held-out loss
// stays comparable between runs with different mixes. Not done from the recipe: RE-ARC and
// LM-written generators (they are not in ../shared/arc).
import type { Grid, Pair, Task } from '../arc/types'
import { applyToTask, randomColourPermutation, symmetry, SYMMETRY_IDS } from '../arc/transforms'
import { createRng, deriveSeed, type Rng } from '../random'
import { encodeExamples } from '../tokenizer'
import { lossMaskOf, type EncodedTttExample } from '../ttt/data'
import { applyAugmentationMix, NO_EXTRA_AUGMENTATION, type AugmentationMix } from './rule-augmentations'

/** The loss mask of pretraining, the same as TTT's default (recipe section 4). */
export const PRETRAIN_LOSS_MASK = 'outputs-except-first' as const

/** Draws of one example before giving up on a task and drawing another task. */
const DRAWS_PER_TASK = 20
/** Tasks tried for one example before the sampler reports that nothing fits. */
const TASKS_PER_EXAMPLE = 200

export class PretrainDataError extends Error {}

/** A pretraining example with where it came from (for tests and logs). */
export interface PretrainExample extends EncodedTttExample {
  readonly taskId: string
}

/** Every pair of a task whose output is known: demonstrations and test pairs with outputs. */
export function pairsWithOutputs(task: Task): Pair[] {
  return [...task.train, ...task.test.flatMap((p) => (p.output ? [{ input: p.input, output: p.output }] : []))]
}

const transpose = symmetry('transpose')

/**
 * True when the task's two shortest pairs fit `context` tokens in either orientation (a transpose
 * changes the number of row ends), so sampling from it can succeed under every symmetry.
 */
export function taskFitsContext(task: Task, context: number): boolean {
  const pairs = pairsWithOutputs(task)
  if (pairs.length < 2) return false
  const length = (ps: readonly Pair[]) => encodeExamples(ps).length
  const cells = (g: Grid) => g.length * (g[0]?.length ?? 0)
  const shortest = [...pairs].sort((a, b) => cells(a.input) + cells(a.output) - cells(b.input) - cells(b.output)).slice(0, 2)
  const transposed = shortest.map((p) => ({ input: transpose.apply(p.input), output: transpose.apply(p.output) }))
  return length(shortest) <= context && length(transposed) <= context
}

/** One augmented example of `task`, or undefined when the draw is longer than `context`. */
export function drawExample(
  task: Task,
  rng: Rng,
  context: number,
  maxExamples: number,
  mix: AugmentationMix = NO_EXTRA_AUGMENTATION
): PretrainExample | undefined {
  const mixed = applyAugmentationMix(task, rng, mix)
  const symmetric = applyToTask(mixed, symmetry(rng.pick(SYMMETRY_IDS)))!
  const permuted = applyToTask(symmetric, randomColourPermutation(rng))!
  const pairs = rng.shuffle(pairsWithOutputs(permuted))
  const k = rng.int(2, Math.min(pairs.length, maxExamples))
  const chosen = pairs.slice(0, k)
  const sequence = encodeExamples(chosen)
  if (sequence.length > context) return undefined
  const lossMask = lossMaskOf(sequence, k - 1, PRETRAIN_LOSS_MASK)
  return { taskId: task.id, sequence, lossMask, targetTokens: lossMask.reduce((sum, bit) => sum + bit, 0) }
}

/** One example from a random task of `tasks`, redrawing until it fits `context`. */
export function sampleExample(
  tasks: readonly Task[],
  rng: Rng,
  context: number,
  maxExamples: number,
  mix: AugmentationMix = NO_EXTRA_AUGMENTATION
): PretrainExample {
  for (let t = 0; t < TASKS_PER_EXAMPLE; t++) {
    const task = rng.pick(tasks)
    for (let d = 0; d < DRAWS_PER_TASK; d++) {
      const example = drawExample(task, rng, context, maxExamples, mix)
      if (example) return example
    }
  }
  throw new PretrainDataError(
    `no example of ${TASKS_PER_EXAMPLE} drawn tasks fits the context of ${context} tokens: use a larger --context`
  )
}

/** The examples of the batch of `step` (1-based): a function of (seed, step) alone. */
export function batchExamples(
  tasks: readonly Task[],
  seed: number,
  step: number,
  batchSize: number,
  context: number,
  maxExamples: number,
  mix: AugmentationMix = NO_EXTRA_AUGMENTATION
): PretrainExample[] {
  const rng = createRng(deriveSeed('pretrain-batch', seed, step))
  return Array.from({ length: batchSize }, () => sampleExample(tasks, rng, context, maxExamples, mix))
}

export interface TaskSplit {
  /** Tasks that training batches are drawn from. */
  readonly training: readonly Task[]
  /** Tasks set aside for the held-out loss; never in a training batch. */
  readonly heldOut: readonly Task[]
  /** Tasks dropped: fewer than 2 pairs with outputs, or too long for the context. */
  readonly dropped: readonly { readonly id: string; readonly reason: string }[]
}

/**
 * Splits the usable tasks: a fraction (at least one, chosen by seed) held out, the rest for training.
 * Task ids must be unique (the caller deduplicates across datasets).
 */
export function splitTasks(tasks: readonly Task[], seed: number, heldOutFraction: number, context: number): TaskSplit {
  const dropped: { id: string; reason: string }[] = []
  const usable = tasks.filter((task) => {
    if (pairsWithOutputs(task).length < 2) dropped.push({ id: task.id, reason: 'fewer than 2 pairs with outputs' })
    else if (!taskFitsContext(task, context)) dropped.push({ id: task.id, reason: `its two shortest pairs exceed ${context} tokens` })
    else return true
    return false
  })
  if (usable.length < 2)
    throw new PretrainDataError(`pretraining needs at least 2 usable tasks (1 held out), found ${usable.length} of ${tasks.length}`)
  const count = Math.min(usable.length - 1, Math.max(1, Math.round(usable.length * heldOutFraction)))
  const order = createRng(deriveSeed('pretrain-held-out', seed)).shuffle(
    [...usable].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  )
  const heldIds = new Set(order.slice(0, count).map((t) => t.id))
  return { training: usable.filter((t) => !heldIds.has(t.id)), heldOut: usable.filter((t) => heldIds.has(t.id)), dropped }
}

/** The fixed held-out examples: `perTask` augmented draws from each held-out task, the same at every evaluation. */
export function heldOutExamples(
  heldOut: readonly Task[],
  seed: number,
  perTask: number,
  context: number,
  maxExamples: number
): PretrainExample[] {
  return heldOut.flatMap((task) => {
    const rng = createRng(deriveSeed('pretrain-held-out-examples', seed, task.id))
    return Array.from({ length: perTask }, () => sampleExample([task], rng, context, maxExamples))
  })
}
