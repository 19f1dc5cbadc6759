// Logical combinations of same-size parts (typically the two sides of a separator): a cell is set
// when the parts' non-zero cells there satisfy the operation, and set cells take either the most
// common non-zero colour of all the parts or a fixed colour.
import { blank, type Image, type ImageList } from '../../image'
import type { ListToImage } from '../transform'
import { listColourCounts, nonEmpty, rankedColour } from './content'

export type LogicOp = 'and' | 'or' | 'xor' | 'nor'

/** Whether a cell is set, given how many of the n parts are non-zero there. */
const RULES: Readonly<Record<LogicOp, (set: number, n: number) => boolean>> = {
  and: (set, n) => set === n,
  or: (set) => set > 0,
  xor: (set) => set === 1, // for more than two parts: exactly one, the reading that stays symmetric
  nor: (set) => set === 0
}

const DOCS: Readonly<Record<LogicOp, string>> = {
  and: 'set where every part is non-zero',
  or: 'set where any part is non-zero',
  xor: 'set where exactly one part is non-zero',
  nor: 'set where every part is background'
}

/** `colour` 0 means the parts' most common colour. Null unless there are two or more parts of one size. */
export function combineParts(images: ImageList, op: LogicOp, colour: number): Image | null {
  if (images.length < 2) return null
  const { w, h } = images[0]!
  for (const image of images) if (image.w !== w || image.h !== h) return null
  const paint = colour === 0 ? rankedColour(listColourCounts(images)) : colour
  if (paint === 0) return null
  const result = blank(w, h)
  if (!result) return null
  const out = result.cells as Uint8Array
  const rule = RULES[op]
  for (let i = 0; i < out.length; i++) {
    let set = 0
    for (const image of images) if (image.cells[i] !== 0) set++
    if (rule(set, images.length)) out[i] = paint
  }
  return nonEmpty(result)
}

function combine(op: LogicOp, colour: number): ListToImage {
  const painted = colour === 0 ? "in the parts' most common colour" : `in colour ${colour}`
  return {
    name: op,
    args: colour === 0 ? [] : [colour],
    doc: `Combines same-size parts cell by cell: ${DOCS[op]}, ${painted}`,
    cost: 1,
    from: 'list',
    to: 'image',
    apply: (images) => combineParts(images, op, colour)
  }
}

const OPS: readonly LogicOp[] = ['and', 'or', 'xor', 'nor']
const COLOURS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]

export const LOGIC_TRANSFORMS: readonly ListToImage[] = OPS.flatMap((op) => COLOURS.map((colour) => combine(op, colour)))
