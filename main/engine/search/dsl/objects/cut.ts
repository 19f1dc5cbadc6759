// Cutting a grid into its objects: connected non-zero cells (any colours, or one colour each), and
// the objects that touch, or keep clear of, the grid's border (an object in a list no longer knows
// the frame it came from, so that filter lives here, where the frame is known).
import type { Image, ImageList } from '../../image'
import type { ImageToList } from '../transform'
import { type Connectivity, connectedComponents } from './components'
import { subImage } from './content'

function nonEmptyList(images: Image[]): ImageList | null {
  return images.length > 0 ? images : null
}

function touchesBorder(object: Image, frame: Image): boolean {
  const left = object.x - frame.x
  const top = object.y - frame.y
  return left === 0 || top === 0 || left + object.w === frame.w || top + object.h === frame.h
}

function cut(connectivity: Connectivity): ImageToList {
  return {
    name: 'cut',
    args: [connectivity],
    doc: `Objects of ${connectivity}-connected non-zero cells, of any colours`,
    cost: 1,
    from: 'image',
    to: 'list',
    apply: (image) => nonEmptyList(connectedComponents(image, { connectivity, sameColour: false }))
  }
}

function cutByColour(connectivity: Connectivity): ImageToList {
  return {
    name: 'cut_by_colour',
    args: [connectivity],
    doc: `Single-coloured objects: ${connectivity}-connected cells of one non-zero colour`,
    cost: 1,
    from: 'image',
    to: 'list',
    apply: (image) => nonEmptyList(connectedComponents(image, { connectivity, sameColour: true }))
  }
}

function cutByBorder(connectivity: Connectivity, touching: boolean): ImageToList {
  return {
    name: touching ? 'cut_border' : 'cut_interior',
    args: [connectivity],
    doc: touching
      ? `The ${connectivity}-connected objects that touch the grid's border`
      : `The ${connectivity}-connected objects that keep clear of the grid's border`,
    cost: 1,
    from: 'image',
    to: 'list',
    apply: (image) => {
      const objects = connectedComponents(image, { connectivity, sameColour: false })
      return nonEmptyList(objects.filter((object) => touchesBorder(object, image) === touching))
    }
  }
}

/**
 * For each single-coloured 8-connected object, the grid's rectangle under its bounding box, other
 * cells included: what a frame encloses comes with the frame. (For multi-coloured objects the box
 * rarely differs from the object itself, so that variant is left out.)
 */
const CUT_BOXES: ImageToList = {
  name: 'cut_boxes',
  args: [8],
  doc: 'For each single-coloured 8-connected object, the part of the grid under its bounding box',
  cost: 1,
  from: 'image',
  to: 'list',
  apply: (image) => {
    const objects = connectedComponents(image, { connectivity: 8, sameColour: true })
    return nonEmptyList(objects.map((o) => subImage(image, o.x - image.x, o.y - image.y, o.x - image.x + o.w, o.y - image.y + o.h)))
  }
}

export const CUT_TRANSFORMS: readonly ImageToList[] = [
  cut(8),
  cut(4),
  cutByColour(8),
  cutByColour(4),
  cutByBorder(8, true),
  cutByBorder(8, false),
  cutByBorder(4, false),
  CUT_BOXES
]
