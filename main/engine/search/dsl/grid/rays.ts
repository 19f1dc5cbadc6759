// Lines drawn from cells: rays that extend each non-zero cell over the background toward an edge,
// and segments that join two cells of one colour on the same row or column.
import type { Image } from '../../image'
import { type Direction, walkToward } from './directions'

/**
 * Each non-zero cell extends its colour toward `direction` over background cells until it reaches
 * another non-zero cell (which then extends its own colour) or the edge.
 */
export function rays(image: Image, directions: readonly Direction[]): Image {
  const source = image.cells
  const cells = source.slice()
  for (const direction of directions) {
    const lines = walkToward(direction, image.w, image.h)
    for (let line = 0; line < lines.count; line++) {
      let carried = 0
      for (let k = 0, i = lines.first + line * lines.between; k < lines.length; k++, i += lines.step) {
        if (source[i] !== 0) carried = source[i]!
        else if (carried !== 0 && cells[i] === 0) cells[i] = carried
      }
    }
  }
  return { x: image.x, y: image.y, w: image.w, h: image.h, cells }
}

/**
 * Joins two cells of one colour on the same line when only background lies between them (the
 * segment takes their colour); rows, columns, or both (rows drawn first, columns do not overwrite).
 */
export function connect(image: Image, lines: 'rows' | 'columns' | 'both'): Image {
  const source = image.cells
  const cells = source.slice()
  const walks: Direction[] = lines === 'rows' ? ['right'] : lines === 'columns' ? ['down'] : ['right', 'down']
  for (const direction of walks) {
    const walk = walkToward(direction, image.w, image.h)
    for (let line = 0; line < walk.count; line++) {
      let lastColour = 0
      let lastIndex = -1
      for (let k = 0, i = walk.first + line * walk.between; k < walk.length; k++, i += walk.step) {
        const colour = source[i]!
        if (colour === 0) continue
        if (colour === lastColour) for (let j = lastIndex + walk.step; j !== i; j += walk.step) if (cells[j] === 0) cells[j] = colour
        lastColour = colour
        lastIndex = i
      }
    }
  }
  return { x: image.x, y: image.y, w: image.w, h: image.h, cells }
}

/**
 * Each non-zero cell extends its colour along the four diagonals over background cells until it
 * reaches another non-zero cell or the edge (an X through every cell).
 */
export function diagonalRays(image: Image): Image {
  const { w, h, cells: source } = image
  const cells = source.slice()
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const colour = source[r * w + c]!
      if (colour === 0) continue
      for (let d = 0; d < 4; d++) {
        const dr = d < 2 ? -1 : 1
        const dc = d % 2 === 0 ? -1 : 1
        for (let nr = r + dr, nc = c + dc; nr >= 0 && nr < h && nc >= 0 && nc < w; nr += dr, nc += dc) {
          if (source[nr * w + nc] !== 0) break
          if (cells[nr * w + nc] === 0) cells[nr * w + nc] = colour
        }
      }
    }
  }
  return { x: image.x, y: image.y, w, h, cells }
}
