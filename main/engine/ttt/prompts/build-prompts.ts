// Augmented-inference prompts for one test input (recipe section 6), as marc's
// `get_leave_n_test_task` + `get_preprocessed_tasks_single`:
// - the K leave-one-out variants of the real task (K-1 demonstrations, original order, and the
//   real test input), each also in `orders` (2) random demonstration orders, deduplicated;
// - one prompt per geometric transform (transpose, flip up-down, flip left-right, rotate 90,
//   rotate 180; or all 7 non-identity symmetries) applied to every grid of a variant chosen at
//   random; skipped when it equals a prompt already there (its prediction could add nothing);
// - when no prompt fits the context, the same with leave-two-out variants (marc's fallback). When
//   even those do not fit, the set is empty and says why: the caller records the task as
//   unanswered (`[[0]]` in a submission) rather than running a prompt that cannot fit.
// A task with one demonstration has nothing to leave out: its prompts keep that demonstration.
// Rotations here turn clockwise (symmetries.ts); marc's numpy `Rotate(90)` is our rotate-270, an
// equally valid member of the same symmetry group.
import { gridKey } from '../../arc/grid'
import { compactGridLength } from '../../arc/summary'
import { INFERENCE_SYMMETRY_IDS, SYMMETRY_IDS, inverseSymmetryId, symmetry, type SymmetryId } from '../../arc/transforms'
import type { Grid, Pair, Task } from '../../arc/types'
import { createRng, deriveSeed, type Rng } from '../../random'
import { resolveInferencePromptOptions, type InferencePromptOptions } from './options'
import type { InferencePrompt, InferencePromptSet } from './types'

/** Every way to choose `count` of 0..n-1, in lexicographic order. */
export function combinations(n: number, count: number): number[][] {
  if (count === 0) return [[]]
  const result: number[][] = []
  const extend = (start: number, chosen: number[]): void => {
    if (chosen.length === count) {
      result.push(chosen)
      return
    }
    for (let i = start; i < n; i++) extend(i + 1, [...chosen, i])
  }
  extend(0, [])
  return result
}

function promptTokens(demonstrations: readonly Pair[], testInput: Grid): number {
  const pairs = demonstrations.reduce((sum, p) => sum + compactGridLength(p.input) + compactGridLength(p.output), 0)
  return pairs + compactGridLength(testInput) + 1 // + the open OUTPUT marker
}

function makePrompt(task: Task, testInput: Grid, order: readonly number[], transform: SymmetryId): InferencePrompt {
  const map = symmetry(transform)
  const demonstrations = order.map((i) => {
    const pair = task.train[i]!
    return { input: map.apply(pair.input), output: map.apply(pair.output) }
  })
  const input = map.apply(testInput)
  // The model writes the answer's body (cells, row ends, END) after the prompt's OUTPUT marker.
  const outputReserve = Math.max(0, ...demonstrations.map((p) => compactGridLength(p.output) - 1))
  return {
    id: `${transform}:${order.join(',')}`,
    transform,
    inverse: inverseSymmetryId(transform),
    leaveOut: task.train.map((_, i) => i).filter((i) => !order.includes(i)),
    demonstrationOrder: order,
    demonstrations,
    testInput: input,
    tokens: promptTokens(demonstrations, input),
    outputReserve
  }
}

function contentKey(prompt: InferencePrompt): string {
  return `${prompt.demonstrations.map((p) => `${gridKey(p.input)}>${gridKey(p.output)}`).join('/')}=>${gridKey(prompt.testInput)}`
}

/** All prompts of one leave-out level, before the context check. */
function promptsLeavingOut(
  task: Task,
  testInput: Grid,
  leaveOutCount: number,
  options: InferencePromptOptions,
  rng: Rng
): InferencePrompt[] {
  const prompts: InferencePrompt[] = []
  const seen = new Set<string>()
  const add = (prompt: InferencePrompt): void => {
    const key = contentKey(prompt)
    if (seen.has(key)) return
    seen.add(key)
    prompts.push(prompt)
  }
  const k = task.train.length
  for (const leftOut of combinations(k, leaveOutCount)) {
    const kept = task.train.map((_, i) => i).filter((i) => !leftOut.includes(i))
    add(makePrompt(task, testInput, kept, 'identity'))
    if (!options.augment) continue
    for (let n = 0; n < options.orders; n++) add(makePrompt(task, testInput, rng.shuffle(kept), 'identity'))
  }
  if (!options.augment) return prompts
  const variants = [...prompts]
  const transforms = options.allSymmetries ? SYMMETRY_IDS.filter((id) => id !== 'identity') : INFERENCE_SYMMETRY_IDS
  for (const transform of transforms) add(makePrompt(task, testInput, rng.pick(variants).demonstrationOrder, transform))
  return prompts
}

/**
 * Leave-out levels to try, in order: 1 then 2 (each needs one demonstration left in the prompt);
 * without augmentation 0 (all K demonstrations, one identity prompt), then 1 and 2 as fallbacks.
 */
function leaveOutLevels(demonstrations: number, augment: boolean): number[] {
  const first = augment && demonstrations >= 2 ? 1 : 0
  const levels = [first]
  for (let level = first + 1; level <= 2 && demonstrations - level >= 1; level++) levels.push(level)
  return levels
}

export function buildInferencePrompts(task: Task, testIndex: number, options: Partial<InferencePromptOptions> = {}): InferencePromptSet {
  const resolved = resolveInferencePromptOptions(options)
  const test = task.test[testIndex]
  if (!Number.isInteger(testIndex) || !test) {
    throw new RangeError(
      `task ${task.id} has ${task.test.length} test input(s): test index must be 0..${task.test.length - 1}, got ${testIndex}`
    )
  }
  let shortest = { level: 0, tokens: Infinity }
  let dropped = 0
  const levels = leaveOutLevels(task.train.length, resolved.augment)
  for (const level of levels) {
    const rng = createRng(deriveSeed(resolved.seed, 'inference-prompts', testIndex, level))
    const all = promptsLeavingOut(task, test.input, level, resolved, rng)
    const fitting = all.filter((p) => p.tokens + p.outputReserve <= resolved.maxTokens)
    dropped += all.length - fitting.length
    if (fitting.length > 0) return { taskId: task.id, testIndex, leaveOutCount: level, prompts: fitting, droppedForContext: dropped }
    const needed = Math.min(...all.map((p) => p.tokens + p.outputReserve))
    if (needed < shortest.tokens) shortest = { level, tokens: needed }
  }
  const reason =
    `no prompt fits the context of ${resolved.maxTokens} tokens: the shortest (leaving out ${shortest.level} demonstration(s)) ` +
    `needs ${shortest.tokens} tokens with room for the answer`
  return { taskId: task.id, testIndex, leaveOutCount: levels[levels.length - 1]!, prompts: [], droppedForContext: dropped, reason }
}
