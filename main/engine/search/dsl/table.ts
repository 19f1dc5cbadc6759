// The DSL: every transformation the search may apply, in one table. Each entry names itself, prints
// as a call, and carries a one-line doc; `arc-ttt search dsl` (or the tests) list them.
import { GRID_TRANSFORMS } from './grid'
import { OBJECT_TRANSFORMS } from './objects'
import type { Transform } from './transform'

export const DSL: readonly Transform[] = [...GRID_TRANSFORMS, ...OBJECT_TRANSFORMS]
