// Transformations over objects and lists: cutting a grid into objects or parts, choosing among them,
// and putting them back together. Each family's table lives beside its implementation; this is the
// whole family in the order the search tries it.
import type { Transform } from '../transform'
import { ARRANGE_TRANSFORMS } from './arrange'
import { COMPOSE_TRANSFORMS } from './compose'
import { CUT_TRANSFORMS } from './cut'
import { LAYOUT_TRANSFORMS } from './layout'
import { LIST_MAP_TRANSFORMS } from './list-maps'
import { LOGIC_TRANSFORMS } from './logic'
import { SELECT_TRANSFORMS } from './select'
import { SPLIT_TRANSFORMS } from './split'

export const OBJECT_TRANSFORMS: readonly Transform[] = [
  ...CUT_TRANSFORMS, // image -> list: connected objects
  ...SPLIT_TRANSFORMS, // image -> list: colour layers, separator cells, halves, quadrants
  ...SELECT_TRANSFORMS, // list -> image: one image chosen by a property
  ...COMPOSE_TRANSFORMS, // list -> image: drawn back in place
  ...LOGIC_TRANSFORMS, // list -> image: and / or / xor / nor of same-size parts
  ...ARRANGE_TRANSFORMS, // list -> image: stacked, counted, voted (and counting an image's cells)
  ...LAYOUT_TRANSFORMS, // list -> image: one cell per part of a regular layout
  ...LIST_MAP_TRANSFORMS // list -> list: cropped, sorted, filtered
]
