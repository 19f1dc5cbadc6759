// The shape of one DSL transformation. Every transformation is a pure function of one search state
// (an image or a list of images) and the context of the grid it is searched for; constant parameters
// (a colour, a symmetry, a property) are fixed when the table is built, so one function with its
// parameter variants gives several table entries. Programs print as nested calls, for example
// `tile(crop(largest(cut(x))), 2, 2)`: `name` then `args` after the inner program.
import type { Image, ImageList } from '../image'

/** What a transformation may know about the grid whose graph it runs in. */
export interface TransformContext {
  /** Predicted output size of this grid (known for demonstrations, predicted for the test input); null if unknown. */
  readonly outputSize: { readonly w: number; readonly h: number } | null
}

interface Base {
  /** Function name as printed in programs: lowercase with underscores. */
  readonly name: string
  /** Constant parameters printed after the inner program: `tile(x, 2, 2)`. */
  readonly args: readonly (number | string)[]
  /** One line: what it does. */
  readonly doc: string
  /** Simplicity cost of one use (1 for ordinary transforms; more for rarely-right ones). */
  readonly cost: number
}

export interface ImageToImage extends Base {
  readonly from: 'image'
  readonly to: 'image'
  /** The result, or null where the transform does not apply (empty result, impossible size). */
  readonly apply: (image: Image, context: TransformContext) => Image | null
}
export interface ImageToList extends Base {
  readonly from: 'image'
  readonly to: 'list'
  readonly apply: (image: Image, context: TransformContext) => ImageList | null
}
export interface ListToImage extends Base {
  readonly from: 'list'
  readonly to: 'image'
  readonly apply: (images: ImageList, context: TransformContext) => Image | null
}
export interface ListToList extends Base {
  readonly from: 'list'
  readonly to: 'list'
  readonly apply: (images: ImageList, context: TransformContext) => ImageList | null
}

export type Transform = ImageToImage | ImageToList | ListToImage | ListToList

/** A program's readable text: `name(inner, args...)`. */
export function callText(transform: Pick<Base, 'name' | 'args'>, inner: string): string {
  return `${transform.name}(${[inner, ...transform.args.map(String)].join(', ')})`
}
