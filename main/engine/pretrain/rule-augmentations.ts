// The augmentations of pretraining beyond the symmetries and colour permutations (ttt-recipe.md
// section 1): the size-changing augmenters of the TTT data applied to a whole task (the rule is kept,
// the grids change), and input-only / output-only augmentations that make a NEW rule: a transform
// applied to every output (or every input) of a task composes it with the task's rule, so
// "recolour then rotate the result" is a task the training set did not have. Both are drawn with
// probabilities set by the run's options; a rate of 0 draws no random number, so the batches of a
// run with both rates at 0 are those of the plain sampler.
import type { Grid, Pair, Task } from '../arc/types'
import { applyToTask, symmetry, TTT_AUGMENTERS, transformFitsTask, upscale2, type GridTransform } from '../arc/transforms'
import { MAX_GRID_SIDE } from '../arc/types'
import type { Rng } from '../random'

export interface AugmentationMix {
  /** Probability that a whole-task augmenter of the 23 (reflect, translate, upscale, tile...) is applied, e.g. 0.3. */
  readonly sizeAugmentationRate: number
  /** Probability that a transform is applied to only the outputs or only the inputs (a new rule), e.g. 0.15. */
  readonly ruleAugmentationRate: number
}

export const NO_EXTRA_AUGMENTATION: AugmentationMix = Object.freeze({ sizeAugmentationRate: 0, ruleAugmentationRate: 0 })

/** Transforms that make a new rule when applied to one side: the 7 non-identity symmetries and upscale-by-2. */
const ONE_SIDE_TRANSFORMS: readonly GridTransform[] = [
  ...(['rotate-90', 'rotate-180', 'rotate-270', 'flip-up-down', 'flip-left-right', 'transpose', 'anti-transpose'] as const).map((id) =>
    symmetry(id)
  ),
  upscale2()
]

export type RuleSide = 'inputs' | 'outputs'

function fits(grid: Grid, transform: GridTransform): boolean {
  const size = transform.outputSize({ height: grid.length, width: grid[0]?.length ?? 0 })
  return size.height <= MAX_GRID_SIDE && size.width <= MAX_GRID_SIDE
}

/** The task with `transform` applied to one side of every pair (test pairs too), or undefined when a grid would exceed 30x30. */
export function applyToOneSide(task: Task, transform: GridTransform, side: RuleSide): Task | undefined {
  const pairs: Pair[] = [...task.train, ...task.test.flatMap((p) => (p.output ? [{ input: p.input, output: p.output }] : []))]
  if (!pairs.every((p) => fits(side === 'inputs' ? p.input : p.output, transform))) return undefined
  const map = (pair: Pair): Pair =>
    side === 'inputs'
      ? { input: transform.apply(pair.input), output: pair.output }
      : { input: pair.input, output: transform.apply(pair.output) }
  return {
    id: task.id,
    train: task.train.map(map),
    test: task.test.flatMap((p) => (p.output ? [map({ input: p.input, output: p.output })] : []))
  }
}

/** Applies the extra augmentations `mix` draws to `task`; returns the task unchanged when none is drawn or none fits. */
export function applyAugmentationMix(task: Task, rng: Rng, mix: AugmentationMix): Task {
  let current = task
  if (mix.sizeAugmentationRate > 0 && rng.chance(mix.sizeAugmentationRate)) {
    const augmenter = rng.pick(TTT_AUGMENTERS).forTask(rng)
    if (transformFitsTask(current, augmenter)) current = applyToTask(current, augmenter) ?? current
  }
  if (mix.ruleAugmentationRate > 0 && rng.chance(mix.ruleAugmentationRate)) {
    const side: RuleSide = rng.chance(0.5) ? 'outputs' : 'inputs'
    current = applyToOneSide(current, rng.pick(ONE_SIDE_TRANSFORMS), side) ?? current
  }
  return current
}
