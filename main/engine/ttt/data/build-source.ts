// All the examples of one source (leave-one-out, leave-two-out or direct-io) of one task, following
// recipe section 3 and marc's `get_test_time_train_data` step by step:
//   1. cut the leave-out tasks from the demonstrations (leave-out.ts);
//   2. apply each of the 23 augmenters to each of them; drop a result with a grid over 30x30;
//   3. deduplicate the leave-out tasks and their augmentations together;
//   4. give EVERY distinct task so far, the unaugmented leave-out tasks included, one copy with a
//      colour permutation (0 fixed, one map per copy) and its demonstrations shuffled. marc's code
//      does exactly this (`augmented_tasks = set(augmented + initial)`, then one PermuteColors +
//      PermuteExamples copy of each); the recipe's "every augmented task" reads the same way once
//      the identity is counted as an augmentation. Without augmentation (the ablation) marc makes
//      no colour permutation but still the shuffled copy, and so do we;
//   5. deduplicate again, and drop the examples longer than the context (marc drops them before it
//      caps and tops up, so the cap counts only usable examples).
// Each random step has its own stream (deriveSeed of the seed, the source and the step), so adding
// or removing one step, or building another source, leaves the other draws as they were.
import { applyToTask, randomColourPermutation, TTT_AUGMENTERS, type GridTransform } from '../../arc/transforms'
import { compactGridLength } from '../../arc/summary'
import type { Grid, Pair, Task } from '../../arc/types'
import { createRng, deriveSeed, type Rng } from '../../random'
import { exampleContentKey } from './example-key'
import { GridCache } from './grid-cache'
import { leaveOutTasks } from './leave-out'
import type { TttDataOptions } from './options'
import type { TttExample, TttProvenance, TttSource, TttSourceStats } from './types'

interface Draft {
  readonly provenance: TttProvenance
  readonly demonstrations: readonly Pair[]
  readonly test: Pair
}

export interface SourceExamples {
  /** Distinct examples that fit the context, in generation order. */
  readonly examples: readonly TttExample[]
  readonly stats: Omit<TttSourceStats, 'selected'>
}

function sourceRng(options: TttDataOptions, source: TttSource, step: string): Rng {
  return createRng(deriveSeed(options.seed, 'ttt-data', source, step))
}

/** The draft with `transform` applied to every grid, or undefined when a grid would exceed 30x30. */
function transformDraft(draft: Draft, transform: GridTransform): Pick<Draft, 'demonstrations' | 'test'> | undefined {
  const asTask: Task = { id: '', train: draft.demonstrations, test: [draft.test] }
  const result = applyToTask(asTask, transform)
  if (!result) return undefined
  const test = result.test[0]!
  return { demonstrations: result.train, test: { input: test.input, output: test.output! } }
}

function numericParams(transform: GridTransform): Record<string, number> {
  return Object.fromEntries(
    Object.entries(transform.params ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number')
  )
}

function augmentAll(base: readonly Draft[], rng: Rng, cache: GridCache): { augmented: Draft[]; droppedForSize: number } {
  const augmented: Draft[] = []
  let droppedForSize = 0
  // Augmenter outside, task inside, as marc: the translation's offsets are drawn per task.
  for (const entry of TTT_AUGMENTERS) {
    for (const draft of base) {
      const augmenter = entry.forTask(rng)
      const result = transformDraft(draft, cache.memoised(augmenter))
      if (!result) {
        droppedForSize++
        continue
      }
      const params = entry.random ? { augmenterParams: numericParams(augmenter) } : {}
      augmented.push({ ...result, provenance: { ...draft.provenance, augmenter: entry.id, ...params } })
    }
  }
  return { augmented, droppedForSize }
}

/** Step 4: a colour-permuted (when augmenting) and demonstration-shuffled copy. */
function shuffledCopy(draft: Draft, rng: Rng, augment: boolean): Draft {
  let grids: Pick<Draft, 'demonstrations' | 'test'> = draft
  let colour = {}
  if (augment) {
    const permutation = randomColourPermutation(rng)
    // A colour permutation keeps every grid's size, so it cannot fail the 30x30 check.
    grids = transformDraft(draft, permutation)!
    colour = { colourMap: permutation.params!.map as readonly number[] }
  }
  const order = rng.shuffle(grids.demonstrations.map((_, i) => i))
  return {
    demonstrations: order.map((i) => grids.demonstrations[i]!),
    test: grids.test,
    provenance: {
      ...draft.provenance,
      demonstrationOrder: order.map((i) => draft.provenance.demonstrationOrder[i]!),
      colourPermuted: augment,
      ...colour,
      shuffled: true
    }
  }
}

/** Keeps the first of each group of drafts with the same grids, so the simplest provenance wins. */
function deduplicate(drafts: readonly Draft[], cache: GridCache): Draft[] {
  const seen = new Set<string>()
  const keyOf = (grid: Grid): number => cache.id(grid)
  return drafts.filter((draft) => {
    const key = exampleContentKey(draft.demonstrations, draft.test, keyOf)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function pairLength(pair: Pair): number {
  return compactGridLength(pair.input) + compactGridLength(pair.output)
}

export function exampleId(provenance: TttProvenance): string {
  const [test, dropped] = provenance.leaveOut
  const parts = [provenance.source, `test-${test}`]
  if (dropped !== undefined) parts.push(`drop-${dropped}`)
  parts.push(provenance.augmenter)
  if (provenance.colourPermuted) parts.push('colours')
  if (provenance.shuffled) parts.push('shuffled')
  return parts.join('/')
}

function finish(draft: Draft): TttExample {
  const tokens = draft.demonstrations.reduce((sum, pair) => sum + pairLength(pair), pairLength(draft.test))
  return { id: exampleId(draft.provenance), provenance: draft.provenance, demonstrations: draft.demonstrations, test: draft.test, tokens }
}

/** `cache` may be shared by the sources of one task's build (see grid-cache.ts). */
export function buildSourceExamples(
  train: readonly Pair[],
  source: TttSource,
  options: TttDataOptions,
  cache = new GridCache()
): SourceExamples {
  const base: Draft[] = leaveOutTasks(train, source).map((task) => ({
    demonstrations: task.demonstrations,
    test: task.test,
    provenance: {
      source,
      leaveOut: task.leaveOut,
      demonstrationOrder: task.demonstrationOrder,
      augmenter: 'identity',
      colourPermuted: false,
      shuffled: false
    }
  }))
  const { augmented, droppedForSize } = options.augment
    ? augmentAll(base, sourceRng(options, source, 'augmenters'), cache)
    : { augmented: [], droppedForSize: 0 }
  const distinct = deduplicate([...base, ...augmented], cache)
  const copyRng = sourceRng(options, source, 'copies')
  const copies = distinct.map((draft) => shuffledCopy(draft, copyRng, options.augment))
  const all = deduplicate([...distinct, ...copies], cache).map(finish)
  const examples = all.filter((example) => example.tokens <= options.maxTokens)
  const beforeDedup = base.length + augmented.length + copies.length
  return {
    examples,
    stats: {
      leaveOutTasks: base.length,
      augmented: augmented.length,
      droppedForSize,
      copies: copies.length,
      beforeDedup,
      afterDedup: all.length,
      droppedForContext: all.length - examples.length,
      available: examples.length
    }
  }
}
