// Gravity: every non-zero cell falls toward one side until it meets another cell or the edge, so each
// line keeps its cells in order, packed against that side.
import type { Image } from '../../image'
import { type Direction, opposite, walkToward } from './directions'

export function gravity(image: Image, direction: Direction): Image {
  const source = image.cells
  const cells = new Uint8Array(source.length)
  // Walk each line from the landing side outward and write its cells one after another.
  const lines = walkToward(opposite(direction), image.w, image.h)
  for (let line = 0; line < lines.count; line++) {
    const start = lines.first + line * lines.between
    let write = start
    for (let k = 0, read = start; k < lines.length; k++, read += lines.step) {
      const colour = source[read]!
      if (colour === 0) continue
      cells[write] = colour
      write += lines.step
    }
  }
  return { x: image.x, y: image.y, w: image.w, h: image.h, cells }
}
