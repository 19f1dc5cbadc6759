// Lists to lists: cropping every image, reordering, keeping or dropping the largest or smallest, and
// keeping the images with a property. Results that leave nothing to look at are null.
import { countForeground, type Image, type ImageList } from '../../image'
import type { ListToList } from '../transform'
import { crop } from '../grid/crop'
import { bitCount, colourSet, listHasForeground } from './content'
import { hasHole } from './holes'

function nonEmptyList(images: readonly Image[]): ImageList | null {
  return images.length > 0 && listHasForeground(images) ? images : null
}

/** Every image cut to its non-zero cells; empty images are dropped. */
export function cropEach(images: ImageList): ImageList | null {
  const cropped: Image[] = []
  for (const image of images) {
    const part = crop(image)
    if (part) cropped.push(part)
  }
  return nonEmptyList(cropped)
}

export type SortKey = 'size' | 'size_descending' | 'rows' | 'columns'

const ORDERS: Readonly<Record<SortKey, (a: Image, b: Image) => number>> = {
  size: (a, b) => countForeground(a) - countForeground(b),
  size_descending: (a, b) => countForeground(b) - countForeground(a),
  rows: (a, b) => a.y - b.y || a.x - b.x,
  columns: (a, b) => a.x - b.x || a.y - b.y
}

/** A stable sort, so images equal under the key keep their list order. */
export function sortImages(images: ImageList, key: SortKey): ImageList | null {
  return nonEmptyList([...images].sort(ORDERS[key]))
}

export type Property = 'single_colour' | 'multi_colour' | 'with_hole' | 'without_hole' | 'single_cell' | 'multi_cell'

const PROPERTIES: Readonly<Record<Property, (image: Image) => boolean>> = {
  single_colour: (image) => bitCount(colourSet(image)) === 1,
  multi_colour: (image) => bitCount(colourSet(image)) > 1,
  with_hole: hasHole,
  without_hole: (image) => !hasHole(image),
  single_cell: (image) => countForeground(image) === 1,
  multi_cell: (image) => countForeground(image) > 1
}

export function keepWith(images: ImageList, property: Property): ImageList | null {
  return nonEmptyList(images.filter(PROPERTIES[property]))
}

/** Sizes that count for the extremes: empty images are never the smallest. */
function extremeSize(sizes: readonly number[], largest: boolean): number {
  return largest ? Math.max(...sizes) : Math.min(...sizes.filter((size) => size > 0))
}

/** Every image tied for the most (or fewest) non-zero cells, in list order. */
export function keepExtremes(images: ImageList, largest: boolean): ImageList | null {
  const sizes = images.map(countForeground)
  const target = extremeSize(sizes, largest)
  return nonEmptyList(images.filter((_, i) => sizes[i] === target))
}

/**
 * The list without every image tied for the most (or fewest) non-zero cells: removing all ties, not
 * the first, is what clears noise of many equal specks.
 */
export function removeExtremes(images: ImageList, largest: boolean): ImageList | null {
  const sizes = images.map(countForeground)
  const target = extremeSize(sizes, largest)
  return nonEmptyList(images.filter((_, i) => sizes[i] !== target))
}

const PROPERTY_DOCS: readonly [Property, string][] = [
  ['single_colour', 'Only the images of one colour'],
  ['multi_colour', 'Only the images of two or more colours'],
  ['single_cell', 'Only the images of exactly one non-zero cell'],
  ['multi_cell', 'Only the images of two or more non-zero cells (drops lone-pixel noise)'],
  ['with_hole', 'Only the images that enclose background'],
  ['without_hole', 'Only the images that enclose no background']
]

function entry(name: string, args: readonly string[], doc: string, apply: (images: ImageList) => ImageList | null): ListToList {
  return { name, args, doc, cost: 1, from: 'list', to: 'list', apply: (images) => apply(images) }
}

export const LIST_MAP_TRANSFORMS: readonly ListToList[] = [
  entry('crop_each', [], 'Every image cut to the bounding box of its non-zero cells', cropEach),
  entry('sort', ['size'], 'Images ordered by non-zero cells, fewest first', (images) => sortImages(images, 'size')),
  entry('sort', ['size_descending'], 'Images ordered by non-zero cells, most first', (images) => sortImages(images, 'size_descending')),
  entry('sort', ['rows'], 'Images ordered top to bottom, then left to right', (images) => sortImages(images, 'rows')),
  entry('sort', ['columns'], 'Images ordered left to right, then top to bottom', (images) => sortImages(images, 'columns')),
  entry('remove', ['largest'], 'The list without the images tied for the most cells', (images) => removeExtremes(images, true)),
  entry('remove', ['smallest'], 'The list without the images tied for the fewest cells', (images) => removeExtremes(images, false)),
  entry('keep', ['largest'], 'Only the images tied for the most non-zero cells', (images) => keepExtremes(images, true)),
  entry('keep', ['smallest'], 'Only the non-empty images tied for the fewest non-zero cells', (images) => keepExtremes(images, false)),
  ...PROPERTY_DOCS.map(([property, doc]) => entry('keep', [property], doc, (images) => keepWith(images, property)))
]
