// One table row of the grid family: an image -> image transform with its printed name, constant
// arguments and one-line doc. Kept apart so each family file builds its rows the same way.
import type { Image } from '../../image'
import type { ImageToImage, TransformContext } from '../transform'

export function imageEntry(
  name: string,
  args: readonly (number | string)[],
  doc: string,
  apply: (image: Image, context: TransformContext) => Image | null,
  cost = 1
): ImageToImage {
  return { name, args, doc, cost, from: 'image', to: 'image', apply }
}

/** One entry per parameter value, each printing the value as its argument: `paint(x, 3)`. */
export function variants<P extends number | string>(
  name: string,
  params: readonly P[],
  doc: (param: P) => string,
  apply: (image: Image, param: P, context: TransformContext) => Image | null,
  cost = 1
): ImageToImage[] {
  return params.map((param) => imageEntry(name, [param], doc(param), (image, context) => apply(image, param, context), cost))
}

/** The non-background colours 1..9, the usual parameter range of a colour argument. */
export const COLOURS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
