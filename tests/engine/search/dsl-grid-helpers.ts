// Small helpers for the grid-transform tests: images from nested arrays and back, a context with or
// without a predicted output size.
import { fromGrid, toGrid, type Image } from '../../../main/engine/search/image'
import type { TransformContext } from '../../../main/engine/search/dsl/transform'

export function image(rows: number[][], x = 0, y = 0): Image {
  return { ...fromGrid(rows), x, y }
}

/** The cells as nested arrays, or null, so expectations read as grids. */
export function rows(result: Image | null): ReturnType<typeof toGrid> | null {
  return result ? toGrid(result) : null
}

export const NO_SIZE: TransformContext = { outputSize: null }

export function sized(w: number, h: number): TransformContext {
  return { outputSize: { w, h } }
}

/** A w x h image whose cell (r, c) is `colour(r, c)`. */
export function generated(w: number, h: number, colour: (r: number, c: number) => number): Image {
  return image(Array.from({ length: h }, (_, r) => Array.from({ length: w }, (_, c) => colour(r, c))))
}
