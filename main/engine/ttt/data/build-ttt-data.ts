// The TTT data of one task (recipe section 3): the examples of the main source (leave-one-out, or
// direct-io for that ablation), capped, topped up with leave-two-out examples when short, with
// counts of what every step kept and dropped.
import { TTT_AUGMENTER_IDS } from '../../arc/transforms'
import type { Task } from '../../arc/types'
import { createRng, deriveSeed } from '../../random'
import { buildSourceExamples, type SourceExamples } from './build-source'
import { distributionOf } from './distribution'
import { GridCache } from './grid-cache'
import { resolveTttDataOptions, type TttDataOptions } from './options'
import type { TttAugmenter, TttData, TttDataStats, TttExample, TttSource, TttSourceStats } from './types'

/**
 * The cap (recipe section 3: "shuffle, keep 250"): over the cap, a seeded shuffle then the first
 * `cap`; at or under it, the examples stay in generation order (leave-out tasks first, then each
 * augmenter in marc's order, then the colour-permuted copies), as marc shuffles only to cut.
 */
function capExamples(examples: readonly TttExample[], cap: number, seed: number, step: string): TttExample[] {
  if (examples.length <= cap) return [...examples]
  return createRng(deriveSeed(seed, 'ttt-data', step))
    .shuffle(examples)
    .slice(0, cap)
}

function perAugmenter(built: readonly SourceExamples[], selected: readonly TttExample[]): TttDataStats['perAugmenter'] {
  const ids: TttAugmenter[] = ['identity', ...TTT_AUGMENTER_IDS]
  const count = (examples: readonly TttExample[], id: TttAugmenter): number => examples.filter((e) => e.provenance.augmenter === id).length
  return Object.fromEntries(
    ids.map((id) => [id, { available: built.reduce((sum, source) => sum + count(source.examples, id), 0), selected: count(selected, id) }])
  )
}

/**
 * Builds the TTT examples of `task` from its demonstrations only: `task.test` is never read, so no
 * test output can leak into training. Deterministic: the same task and options give the same
 * examples in the same order. Throws a RangeError on invalid options.
 */
export function buildTttData(task: Task, options: Partial<TttDataOptions> = {}): TttData {
  const resolved = resolveTttDataOptions(options)
  const demonstrations = task.train.length
  const notes: string[] = []
  const mainSource: TttSource = resolved.format === 'direct-io' ? 'direct-io' : 'leave-one-out'
  const cache = new GridCache()
  const main = buildSourceExamples(task.train, mainSource, resolved, cache)
  if (mainSource === 'leave-one-out' && demonstrations < 2) {
    notes.push(
      `task ${task.id} has ${demonstrations} demonstration: leave-one-out needs at least 2 (one in context, one as test); ` +
        'try format direct-io'
    )
  }
  const built: { source: TttSource; result: SourceExamples; selected: TttExample[] }[] = [
    { source: mainSource, result: main, selected: capExamples(main.examples, resolved.cap, resolved.seed, 'cap') }
  ]

  const room = resolved.cap - built[0]!.selected.length
  if (mainSource === 'leave-one-out' && resolved.leaveTwoOutTopUp && room > 0) {
    if (demonstrations < 3) {
      notes.push(`no leave-two-out top-up: it needs at least 3 demonstrations (one in context), the task has ${demonstrations}`)
    } else {
      // The top-up takes a seeded random sample rather than the first `room` examples, so it is not
      // made of the first augmenters of the list only.
      const topUp = buildSourceExamples(task.train, 'leave-two-out', resolved, cache)
      const shuffled = createRng(deriveSeed(resolved.seed, 'ttt-data', 'top-up')).shuffle(topUp.examples)
      built.push({ source: 'leave-two-out', result: topUp, selected: shuffled.slice(0, room) })
    }
  }

  const examples = built.flatMap((b) => b.selected)
  const perSource: Partial<Record<TttSource, TttSourceStats>> = Object.fromEntries(
    built.map((b) => [b.source, { ...b.result.stats, selected: b.selected.length }])
  )
  const tokenLengths = distributionOf(examples.map((e) => e.tokens))
  const stats: TttDataStats = {
    demonstrations,
    perSource,
    perAugmenter: perAugmenter(
      built.map((b) => b.result),
      examples
    ),
    examples: examples.length,
    ...(tokenLengths ? { tokenLengths } : {}),
    notes
  }
  return { examples, stats }
}
