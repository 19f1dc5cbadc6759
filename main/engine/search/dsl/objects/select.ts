// Choosing one image from a list by a property: the largest, the top-most, the odd one out, ...
// Images with no non-zero cell are never chosen. On a tie the earlier image in the list wins, so the
// choice is deterministic; picks that need a single answer (unique colour, unique shape) return null
// when there is none or more than one.
import { countForeground, type Image, type ImageList } from '../../image'
import type { ListToImage } from '../transform'
import { bitCount, colourSet, countColour, hasForeground, listColourCounts, rankedColour } from './content'
import { hasSymmetry } from './symmetry'
import { alike, type Likeness, likenessCounts } from './shape'

/** One score per image; the pick takes the highest (or lowest) score. */
type Scores = (images: ImageList) => ArrayLike<number>

function perImage(score: (image: Image) => number): Scores {
  return (images) => images.map(score)
}

/** Cells of the list's least common non-zero colour. */
const minorityCells: Scores = (images) => {
  const colour = rankedColour(listColourCounts(images), true)
  return images.map((image) => countColour(image, colour))
}

function pickExtreme(images: ImageList, scores: ArrayLike<number>, highest: boolean): Image | null {
  let best = -1
  for (let i = 0; i < images.length; i++) {
    if (!hasForeground(images[i]!)) continue
    if (best < 0 || (highest ? scores[i]! > scores[best]! : scores[i]! < scores[best]!)) best = i
  }
  return best < 0 ? null : images[best]!
}

/** The one image with a non-zero colour that no other image has; null unless exactly one. */
function pickUniqueColour(images: ImageList): Image | null {
  const sets = images.map(colourSet)
  const holders = new Uint32Array(10) // how many images hold each colour
  for (const set of sets) for (let colour = 1; colour < 10; colour++) if (set & (1 << colour)) holders[colour]!++
  let found: Image | null = null
  for (let i = 0; i < images.length; i++) {
    let own = false
    for (let colour = 1; colour < 10; colour++) if (sets[i]! & (1 << colour) && holders[colour] === 1) own = true
    if (!own) continue
    if (found) return null
    found = images[i]!
  }
  return found
}

/** The one image whose shape (or pattern) no other image shares; null unless exactly one. */
function pickUnique(images: ImageList, likeness: Likeness): Image | null {
  const candidates = images.filter(hasForeground)
  const counts = likenessCounts(candidates, likeness)
  let found = -1
  for (let i = 0; i < candidates.length; i++) {
    if (counts[i] !== 1) continue
    if (found >= 0) return null
    found = i
  }
  return found < 0 ? null : candidates[found]!
}

/** The one non-empty image that has (or lacks) a symmetry; null unless exactly one. */
function pickBySymmetry(images: ImageList, symmetric: boolean): Image | null {
  let found: Image | null = null
  for (const image of images) {
    if (!hasForeground(image) || hasSymmetry(image) !== symmetric) continue
    if (found) return null
    found = image
  }
  return found
}

/** The first image of the shape (or pattern) that occurs most often; null if another kind occurs as often. */
function pickCommon(images: ImageList, likeness: Likeness): Image | null {
  const candidates = images.filter(hasForeground)
  const counts = likenessCounts(candidates, likeness)
  let best = -1
  for (let i = 0; i < candidates.length; i++) if (best < 0 || counts[i]! > counts[best]!) best = i
  if (best < 0) return null
  for (let i = 0; i < candidates.length; i++) {
    if (counts[i] === counts[best] && !alike(candidates[i]!, candidates[best]!, likeness)) return null
  }
  return candidates[best]!
}

function pick(property: string, doc: string, choose: (images: ImageList) => Image | null): ListToImage {
  return { name: 'pick', args: [property], doc, cost: 1, from: 'list', to: 'image', apply: (images) => choose(images) }
}

function pickBy(property: string, doc: string, scores: Scores, highest: boolean): ListToImage {
  return pick(property, doc, (images) => pickExtreme(images, scores(images), highest))
}

const cells = perImage(countForeground)
const boxArea = perImage((image) => image.w * image.h)
const colours = perImage((image) => bitCount(colourSet(image)))

export const SELECT_TRANSFORMS: readonly ListToImage[] = [
  pickBy('largest', 'The image with the most non-zero cells', cells, true),
  pickBy('smallest', 'The image with the fewest non-zero cells', cells, false),
  pickBy('largest_box', 'The image with the largest bounding box', boxArea, true),
  pickBy('smallest_box', 'The image with the smallest bounding box', boxArea, false),
  pickBy('most_colours', 'The image with the most distinct non-zero colours', colours, true),
  pickBy('fewest_colours', 'The image with the fewest distinct non-zero colours', colours, false),
  pickBy('most_minority', "The image with the most cells of the list's least common colour", minorityCells, true),
  pickBy('fewest_minority', "The image with the fewest cells of the list's least common colour", minorityCells, false),
  pickBy(
    'top',
    'The image whose top edge is highest',
    perImage((image) => image.y),
    false
  ),
  pickBy(
    'bottom',
    'The image whose bottom edge is lowest',
    perImage((image) => image.y + image.h),
    true
  ),
  pickBy(
    'left',
    'The image whose left edge is left-most',
    perImage((image) => image.x),
    false
  ),
  pickBy(
    'right',
    'The image whose right edge is right-most',
    perImage((image) => image.x + image.w),
    true
  ),
  pickBy('first', 'The first non-empty image of the list', (images) => images.map(() => 0), true),
  pickBy('last', 'The last non-empty image of the list', (images) => images.map((_, i) => i), true),
  pick('unique_colour', 'The one image holding a colour no other image has', pickUniqueColour),
  pick('unique_shape', 'The odd one out: the one image whose shape no other image shares', (images) => pickUnique(images, 'shape')),
  pick('unique_pattern', 'The one image whose cells, colours included, no other image repeats', (images) => pickUnique(images, 'pattern')),
  pick('symmetric', 'The one image equal to its mirror, half turn or transpose', (images) => pickBySymmetry(images, true)),
  pick('asymmetric', 'The one image with no mirror, half-turn or transpose symmetry', (images) => pickBySymmetry(images, false)),
  pick('common_shape', 'An image of the shape that occurs most often', (images) => pickCommon(images, 'shape')),
  pick('common_pattern', 'An image of the pattern (shape and colours) that occurs most often', (images) => pickCommon(images, 'pattern'))
]
