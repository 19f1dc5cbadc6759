// Parts laid out on a regular grid (the cells between separator lines, the blocks between gaps, the
// quadrants) summarised as one cell each: the small grid that says which parts hold what.
import { build, type Image, type ImageList, majorityColour } from '../../image'
import type { ListToImage } from '../transform'
import { nonEmpty } from './content'

/** Sorted distinct values. */
function distinct(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b)
}

/**
 * One cell per part at the part's row and column in the layout, coloured with the part's most common
 * non-zero colour (background for an empty part). Null unless the parts fill a full rows x columns
 * layout, each place once.
 */
export function cellPerPart(images: ImageList): Image | null {
  const columns = distinct(images.map((image) => image.x))
  const rows = distinct(images.map((image) => image.y))
  if (columns.length * rows.length !== images.length) return null
  const filled = new Uint8Array(images.length)
  const result = build(columns.length, rows.length, (cells) => {
    for (const image of images) {
      const place = rows.indexOf(image.y) * columns.length + columns.indexOf(image.x)
      filled[place] = 1
      cells[place] = majorityColour(image)
    }
  })
  return result && filled.every((f) => f === 1) ? nonEmpty(result) : null
}

export const LAYOUT_TRANSFORMS: readonly ListToImage[] = [
  {
    name: 'cell_per_part',
    args: [],
    doc: "Parts on a regular layout become one cell each, in the part's most common colour",
    cost: 1,
    from: 'list',
    to: 'image',
    apply: (images) => cellPerPart(images)
  }
]
