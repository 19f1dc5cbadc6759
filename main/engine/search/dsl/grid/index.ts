// Transformations of one image into another: symmetries, scaling, tiling, colours, gravity,
// outlines, holes and borders.
import type { Transform } from '../transform'

export const GRID_TRANSFORMS: readonly Transform[] = []
