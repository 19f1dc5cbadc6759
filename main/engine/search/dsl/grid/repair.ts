// Repairing a picture that one colour partly covers: find every symmetry the other cells obey (a
// mirror about any vertical or horizontal line, a reflection about any diagonal, a half turn about
// any centre, a shift), then paint each covered cell from the image of it that is not covered. The
// mirrors need not be about the image's centre lines, so a symmetric picture cut off at an edge is
// repaired too. A symmetry counts only where it compares at least a third of the uncovered cells and
// every compared pair agrees.
import type { Image } from '../../image'

/** A symmetry as a map from a cell (row, column) to its image, or -1 when that falls outside. */
type CellMap = (r: number, c: number) => number

/** Fewest compared pairs, as a share of the uncovered cells, for a symmetry to count. */
const MIN_OVERLAP = 1 / 3
/** Most symmetries kept for painting (the first found are the simplest: mirrors before shifts). */
const MAX_SYMMETRIES = 48

function candidateMaps(w: number, h: number): CellMap[] {
  const at = (r: number, c: number) => (r >= 0 && r < h && c >= 0 && c < w ? r * w + c : -1)
  const maps: CellMap[] = []
  for (let a = 1; a <= 2 * w - 3; a++) maps.push((r, c) => at(r, a - c))
  for (let b = 1; b <= 2 * h - 3; b++) maps.push((r, c) => at(b - r, c))
  for (let k = -(w - 2); k <= h - 2; k++) maps.push((r, c) => at(c + k, r - k))
  for (let s = 1; s <= h + w - 3; s++) maps.push((r, c) => at(s - c, s - r))
  for (let a = w - 1 - (w >> 2); a <= w - 1 + (w >> 2); a++) {
    for (let b = h - 1 - (h >> 2); b <= h - 1 + (h >> 2); b++) maps.push((r, c) => at(b - r, a - c))
  }
  // Shifts along rows, along columns, and down one row with any sideways step (slanted lattices);
  // each in both directions, since painting reads a cell's image either way.
  const shifts: [number, number][] = []
  for (let dc = 1; dc <= w >> 1; dc++) shifts.push([0, dc])
  for (let dr = 1; dr <= h >> 1; dr++) shifts.push([dr, 0])
  for (let dc = -(w >> 1); dc <= w >> 1; dc++) if (dc !== 0) shifts.push([1, dc])
  for (const [dr, dc] of shifts) {
    maps.push((r, c) => at(r + dr, c + dc))
    maps.push((r, c) => at(r - dr, c - dc))
  }
  return maps
}

/** Whether every pair of uncovered cells `map` relates agrees, over enough pairs. */
function obeys(image: Image, covered: number, uncovered: number, map: CellMap): boolean {
  const { w, h, cells } = image
  let pairs = 0
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const a = cells[r * w + c]!
      if (a === covered) continue
      const j = map(r, c)
      if (j < 0 || j === r * w + c) continue
      const b = cells[j]!
      if (b === covered) continue
      if (a !== b) return false
      pairs++
    }
  }
  return pairs >= 4 && pairs >= uncovered * MIN_OVERLAP
}

/** The image with `covered` cells painted from their symmetric images; null if nothing could be painted. */
function paintCovered(image: Image, covered: number): Uint8Array | null {
  const { w, h, cells: source } = image
  let uncovered = 0
  for (let i = 0; i < source.length; i++) if (source[i] !== covered) uncovered++
  if (uncovered === source.length || uncovered < 4 || w < 2 || h < 2) return null
  const symmetries: CellMap[] = []
  for (const map of candidateMaps(w, h)) {
    if (obeys(image, covered, uncovered, map)) symmetries.push(map)
    if (symmetries.length >= MAX_SYMMETRIES) break
  }
  if (symmetries.length === 0) return null
  const cells = source.slice()
  let painted = 0
  for (let changed = true; changed; ) {
    changed = false
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        if (cells[r * w + c] !== covered) continue
        for (const map of symmetries) {
          const j = map(r, c)
          if (j >= 0 && cells[j] !== covered) {
            cells[r * w + c] = cells[j]!
            painted++
            changed = true
            break
          }
        }
      }
    }
  }
  return painted > 0 ? cells : null
}

/** Cells of colour `covered` painted from the symmetries the rest obeys; null if none could be. */
export function repairCovered(image: Image, covered: number): Image | null {
  const cells = paintCovered(image, covered)
  return cells ? { x: image.x, y: image.y, w: image.w, h: image.h, cells } : null
}

/**
 * What lies under the colour `covered`: the repaired image cut to the bounding box of that colour's
 * cells; null if any cell there could not be painted.
 */
export function uncoverPatch(image: Image, covered: number): Image | null {
  const { w, h } = image
  let top = h
  let bottom = -1
  let left = w
  let right = -1
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (image.cells[r * w + c] !== covered) continue
      top = Math.min(top, r)
      bottom = Math.max(bottom, r)
      left = Math.min(left, c)
      right = Math.max(right, c)
    }
  }
  if (bottom < 0) return null
  const repaired = paintCovered(image, covered)
  if (!repaired) return null
  const pw = right - left + 1
  const ph = bottom - top + 1
  const cells = new Uint8Array(pw * ph)
  for (let r = 0; r < ph; r++) {
    for (let c = 0; c < pw; c++) {
      const colour = repaired[(top + r) * w + left + c]!
      if (colour === covered) return null
      cells[r * pw + c] = colour
    }
  }
  return { x: image.x + left, y: image.y + top, w: pw, h: ph, cells }
}
