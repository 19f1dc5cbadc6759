// The 23 augmenters of the TTT data, as in the paper's code (marc's `get_augmenters` with basic,
// size, chain and repeat groups): 6 geometric maps, 4 reflections, 1 random translation, 3 scalings,
// 6 geometric-then-upscale chains and 3 tilings. Order follows marc's list.
import type { Rng } from '../../random'
import { doubleHeight, doubleWidth, randomTranslation, reflect, tile, upscale2, type Augmenter } from './augmenters'
import { TTT_AUGMENTER_IDS, type AugmenterId } from './ids'
import { symmetry } from './symmetries'
import { chain } from './transform'

/**
 * One augmenter of the list. `forTask` gives the augmenter to use for one task: the same map for
 * every task, except the translation, whose offsets it draws from `rng` (two draws). Deterministic
 * entries draw nothing, so the stream only depends on where the translation sits in the list.
 */
export interface AugmenterEntry {
  readonly id: AugmenterId
  readonly random: boolean
  readonly forTask: (rng: Rng) => Augmenter
}

function fixed(augmenter: Augmenter): AugmenterEntry {
  return Object.freeze({ id: augmenter.id, random: false, forTask: () => augmenter })
}

type GeometricAugmenterId = 'rotate-90' | 'rotate-270' | 'rotate-180' | 'flip-up-down' | 'flip-left-right' | 'transpose'

/** The geometric map followed by upscale-by-2 (each cell of the mapped grid becomes a 2x2 block). */
function thenUpscale(id: GeometricAugmenterId): Augmenter {
  return chain(`${id}+upscale-2`, symmetry(id), upscale2())
}

export const TTT_AUGMENTERS: readonly AugmenterEntry[] = Object.freeze([
  fixed(symmetry('rotate-90')),
  fixed(symmetry('rotate-270')),
  fixed(symmetry('rotate-180')),
  fixed(symmetry('flip-up-down')),
  fixed(symmetry('flip-left-right')),
  fixed(reflect('vertical', true)),
  fixed(reflect('horizontal', true)),
  fixed(reflect('vertical', false)),
  fixed(reflect('horizontal', false)),
  Object.freeze({ id: 'translate', random: true, forTask: randomTranslation }),
  fixed(symmetry('transpose')),
  fixed(upscale2()),
  fixed(doubleHeight()),
  fixed(doubleWidth()),
  fixed(thenUpscale('rotate-90')),
  fixed(thenUpscale('rotate-270')),
  fixed(thenUpscale('rotate-180')),
  fixed(thenUpscale('flip-up-down')),
  fixed(thenUpscale('flip-left-right')),
  fixed(thenUpscale('transpose')),
  fixed(tile('tile-vertical', 2, 1)),
  fixed(tile('tile-horizontal', 1, 2)),
  fixed(tile('tile-2x2', 2, 2))
] satisfies AugmenterEntry[])

/** The augmenters for one task, in list order, drawing the translation's offsets from `rng`. */
export function augmentersForTask(rng: Rng, entries: readonly AugmenterEntry[] = TTT_AUGMENTERS): Augmenter[] {
  return entries.map((entry) => entry.forTask(rng))
}

/** The entry with this id (throws on an id that is not one of the 23, naming the valid ones). */
export function augmenterEntry(id: AugmenterId): AugmenterEntry {
  const found = TTT_AUGMENTERS.find((entry) => entry.id === id)
  if (!found) throw new RangeError(`unknown augmenter id "${id}": expected one of ${TTT_AUGMENTER_IDS.join(', ')}`)
  return found
}
