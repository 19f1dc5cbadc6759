// Building one new image without keeping places: a list side by side, a count of objects (or of an
// image's cells) as a row or column, or the cell-wise vote of several copies that each carry noise.
import { blank, build, countForeground, type Image, type ImageList, majorityColour } from '../../image'
import type { ImageToImage, ListToImage } from '../transform'
import { listColourCounts, listHasForeground, nonEmpty, rankedColour, hasForeground } from './content'

export type Direction = 'horizontal' | 'vertical'

/** The images in list order, left to right (all of one height) or top to bottom (all of one width). */
export function stack(images: ImageList, direction: Direction): Image | null {
  if (images.length === 0 || !listHasForeground(images)) return null
  const horizontal = direction === 'horizontal'
  const across = horizontal ? images[0]!.h : images[0]!.w
  let along = 0
  for (const image of images) {
    if ((horizontal ? image.h : image.w) !== across) return null
    along += horizontal ? image.w : image.h
  }
  const w = horizontal ? along : across
  return build(w, horizontal ? across : along, (cells) => {
    let offset = 0
    for (const image of images) {
      for (let r = 0; r < image.h; r++) {
        const source = image.cells.subarray(r * image.w, (r + 1) * image.w)
        cells.set(source, horizontal ? r * w + offset : (offset + r) * w)
      }
      offset += horizontal ? image.w : image.h
    }
  })
}

/** One cell per non-empty image, in the list's most common colour: a row (1 high) or a column (1 wide). */
export function countToSize(images: ImageList, direction: Direction): Image | null {
  let n = 0
  for (const image of images) if (hasForeground(image)) n++
  const colour = rankedColour(listColourCounts(images))
  return direction === 'horizontal' ? blank(n, 1, colour) : blank(1, n, colour)
}

/** One cell per non-zero cell of the image, in its most common colour: a row or a column. */
export function countCells(image: Image, direction: Direction): Image | null {
  const n = countForeground(image)
  const colour = majorityColour(image)
  return direction === 'horizontal' ? blank(n, 1, colour) : blank(1, n, colour)
}

/** Each cell takes the value most of the (three or more, same-size) images have there; lowest on a tie. */
export function majorityVote(images: ImageList): Image | null {
  if (images.length < 3) return null
  const { w, h } = images[0]!
  for (const image of images) if (image.w !== w || image.h !== h) return null
  const votes = new Uint32Array(10)
  const result = build(w, h, (cells) => {
    for (let i = 0; i < cells.length; i++) {
      votes.fill(0)
      for (const image of images) votes[image.cells[i]!]!++
      let best = 0
      for (let colour = 1; colour < 10; colour++) if (votes[colour]! > votes[best]!) best = colour
      cells[i] = best
    }
  })
  return nonEmpty(result)
}

function entry(name: string, args: readonly string[], doc: string, apply: (images: ImageList) => Image | null): ListToImage {
  return { name, args, doc, cost: 1, from: 'list', to: 'image', apply: (images) => apply(images) }
}

function cellCount(direction: Direction, doc: string): ImageToImage {
  const apply = (image: Image): Image | null => countCells(image, direction)
  return { name: 'count_cells', args: [direction], doc, cost: 1, from: 'image', to: 'image', apply }
}

export const ARRANGE_TRANSFORMS: readonly (ListToImage | ImageToImage)[] = [
  entry('stack', ['horizontal'], 'The images side by side in list order (all must be one height)', (images) => stack(images, 'horizontal')),
  entry('stack', ['vertical'], 'The images top to bottom in list order (all must be one width)', (images) => stack(images, 'vertical')),
  entry('count', ['horizontal'], "A 1-high row with one cell per object, in the objects' most common colour", (images) =>
    countToSize(images, 'horizontal')
  ),
  entry('count', ['vertical'], "A 1-wide column with one cell per object, in the objects' most common colour", (images) =>
    countToSize(images, 'vertical')
  ),
  cellCount('horizontal', 'A 1-high row with one cell per non-zero cell, in the most common colour'),
  cellCount('vertical', 'A 1-wide column with one cell per non-zero cell, in the most common colour'),
  entry('majority_vote', [], 'Each cell takes the colour most of three or more same-size images agree on', majorityVote)
]
