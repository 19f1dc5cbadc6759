// Colour filters and recolourings. Colour 0 is the background (the search normalises each task so
// that it is); "colours present" always means non-zero ones.
import { colourCounts, majorityColour, type Image } from '../../image'

/** Every cell mapped through `table` (index: old colour, value: new colour). */
function recolour(image: Image, table: Uint8Array): Image {
  const source = image.cells
  const cells = new Uint8Array(source.length)
  for (let i = 0; i < source.length; i++) cells[i] = table[source[i]!]!
  return { x: image.x, y: image.y, w: image.w, h: image.h, cells }
}

function identityTable(): Uint8Array {
  return Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
}

/** Only cells of `colour` kept, the rest background; null if the colour is absent. */
export function keepColour(image: Image, colour: number): Image | null {
  if (colourCounts(image)[colour] === 0) return null
  const table = new Uint8Array(10)
  table[colour] = colour
  return recolour(image, table)
}

/** Cells of `colour` become background; null if the colour is absent or nothing would remain. */
export function removeColour(image: Image, colour: number): Image | null {
  const counts = colourCounts(image)
  if (counts[colour] === 0 || counts[colour]! + counts[0]! === image.cells.length) return null
  const table = identityTable()
  table[colour] = 0
  return recolour(image, table)
}

/** Every non-zero cell painted `colour` (the shape kept, its colours lost). */
export function paint(image: Image, colour: number): Image {
  const table = new Uint8Array(10).fill(colour)
  table[0] = 0
  return recolour(image, table)
}

/** Every non-zero cell painted the most common non-zero colour; null if all background. */
export function paintMajority(image: Image): Image | null {
  const colour = majorityColour(image)
  return colour === 0 ? null : paint(image, colour)
}

/** Every non-zero cell painted the least common colour present (lowest on ties); null if all background. */
export function paintMinority(image: Image): Image | null {
  const counts = colourCounts(image)
  let best = 0
  for (let c = 1; c < 10; c++) if (counts[c]! > 0 && (best === 0 || counts[c]! < counts[best]!)) best = c
  return best === 0 ? null : paint(image, best)
}

/** The two colours present exchanged; null unless exactly two non-zero colours are present. */
export function swapColours(image: Image): Image | null {
  const counts = colourCounts(image)
  const present: number[] = []
  for (let c = 1; c < 10; c++) if (counts[c]! > 0) present.push(c)
  if (present.length !== 2) return null
  const table = identityTable()
  table[present[0]!] = present[1]!
  table[present[1]!] = present[0]!
  return recolour(image, table)
}

/** Background cells painted `colour`; null if there is no background. */
export function fillBackground(image: Image, colour: number): Image | null {
  if (colourCounts(image)[0] === 0) return null
  const table = identityTable()
  table[0] = colour
  return recolour(image, table)
}

/** Figure and ground exchanged: background becomes the majority colour, every non-zero cell background. */
export function invert(image: Image): Image | null {
  const colour = majorityColour(image)
  if (colour === 0) return null
  const table = new Uint8Array(10)
  table[0] = colour
  return recolour(image, table)
}
