// Transformations over objects and lists: cutting a grid into objects or parts, choosing among them,
// and putting them back together.
import type { Transform } from '../transform'

export const OBJECT_TRANSFORMS: readonly Transform[] = []
