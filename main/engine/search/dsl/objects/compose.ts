// Putting a list of images back together in place: each is drawn at its offset, background cells
// are transparent, and the order decides which image shows where they overlap. The frame is either
// the smallest one holding every image, or the predicted output's frame from the origin (for tasks
// that keep the grid and change or drop some objects). Overlaying instead stacks same-size parts
// on one another, their offsets ignored (panels of a split laid over each other).
import { blank, countForeground, type Image, type ImageList } from '../../image'
import type { ListToImage, TransformContext } from '../transform'
import { type Bounds, listHasForeground, nonEmpty, unionFrame } from './content'

export type Layering = 'first_on_top' | 'last_on_top' | 'growing' | 'largest_on_top'

/** Indices of the images from the bottom layer up to the top layer. */
function drawOrder(images: ImageList, layering: Layering): number[] {
  const order = images.map((_, i) => i)
  if (layering === 'first_on_top') return order.reverse()
  if (layering === 'last_on_top') return order
  const sizes = images.map(countForeground)
  // growing: the fewest cells end on top, so draw the largest first; ties keep list order.
  const sign = layering === 'growing' ? -1 : 1
  return order.sort((a, b) => sign * (sizes[a]! - sizes[b]!) || a - b)
}

/** The images drawn in the given order into `frame`; cells falling outside the frame are clipped. */
export function composeInFrame(images: ImageList, frame: Bounds, layering: Layering): Image | null {
  const canvas = blank(frame.right - frame.left, frame.bottom - frame.top, 0, frame.left, frame.top)
  if (!canvas) return null
  const out = canvas.cells as Uint8Array
  for (const index of drawOrder(images, layering)) {
    const image = images[index]!
    for (let r = 0; r < image.h; r++) {
      const row = image.y + r - frame.top
      if (row < 0 || row >= canvas.h) continue
      for (let c = 0; c < image.w; c++) {
        const col = image.x + c - frame.left
        const colour = image.cells[r * image.w + c]!
        if (colour !== 0 && col >= 0 && col < canvas.w) out[row * canvas.w + col] = colour
      }
    }
  }
  return nonEmpty(canvas)
}

function outputFrame(context: TransformContext): Bounds | null {
  const size = context.outputSize
  return size ? { left: 0, top: 0, right: size.w, bottom: size.h } : null
}

const LAYERINGS: readonly [Layering, string][] = [
  ['first_on_top', 'the first image on top'],
  ['last_on_top', 'the last image on top'],
  ['growing', 'the image with the fewest cells on top'],
  ['largest_on_top', 'the image with the most cells on top']
]

function compose(layering: Layering, what: string): ListToImage {
  return {
    name: 'compose',
    args: [layering],
    doc: `Draws the images in place onto the smallest frame holding them all, ${what}`,
    cost: 1,
    from: 'list',
    to: 'image',
    apply: (images) => {
      const frame = unionFrame(images)
      return frame && listHasForeground(images) ? composeInFrame(images, frame, layering) : null
    }
  }
}

function composeOnOutput(layering: Layering, what: string): ListToImage {
  return {
    name: 'compose_on_output',
    args: [layering],
    doc: `Draws the images in place onto an empty canvas of the predicted output size, ${what}`,
    cost: 1,
    from: 'list',
    to: 'image',
    apply: (images, context) => {
      const frame = outputFrame(context)
      return frame && listHasForeground(images) ? composeInFrame(images, frame, layering) : null
    }
  }
}

/** Same-size images drawn over one another at the origin; null unless there are two or more of one size. */
export function overlay(images: ImageList, layering: Layering): Image | null {
  if (images.length < 2 || !listHasForeground(images)) return null
  const { w, h } = images[0]!
  for (const image of images) if (image.w !== w || image.h !== h) return null
  const atOrigin = images.map((image) => (image.x === 0 && image.y === 0 ? image : { ...image, x: 0, y: 0 }))
  return composeInFrame(atOrigin, { left: 0, top: 0, right: w, bottom: h }, layering)
}

function overlayEntry(layering: Layering, what: string): ListToImage {
  return {
    name: 'overlay',
    args: [layering],
    doc: `Lays same-size images over one another, offsets ignored, ${what}`,
    cost: 1,
    from: 'list',
    to: 'image',
    apply: (images) => overlay(images, layering)
  }
}

export const COMPOSE_TRANSFORMS: readonly ListToImage[] = [
  ...LAYERINGS.map(([layering, what]) => compose(layering, what)),
  ...LAYERINGS.map(([layering, what]) => composeOnOutput(layering, what)),
  ...LAYERINGS.map(([layering, what]) => overlayEntry(layering, what))
]
