// Whether an image encloses background (the inside of a ring or a box): some background cell that
// the grid family's edge flood (dsl/grid/holes.ts) cannot reach.
import type { Image } from '../../image'
import { outsideBackground } from '../grid/holes'

export function hasHole(image: Image): boolean {
  const outside = outsideBackground(image)
  for (let i = 0; i < outside.length; i++) if (image.cells[i] === 0 && !outside[i]) return true
  return false
}
