// Comparing objects by shape (where the non-zero cells are, whatever their colours) or by pattern
// (the cells themselves), and counting how often each object's shape occurs in a list.
import type { Image, ImageList } from '../../image'

export type Likeness = 'shape' | 'pattern'

/** Same size and the same non-zero cells; with 'pattern' the colours must match too. */
export function alike(a: Image, b: Image, likeness: Likeness): boolean {
  if (a.w !== b.w || a.h !== b.h) return false
  const n = a.cells.length
  if (likeness === 'pattern') {
    for (let i = 0; i < n; i++) if (a.cells[i] !== b.cells[i]) return false
  } else {
    for (let i = 0; i < n; i++) if ((a.cells[i] === 0) !== (b.cells[i] === 0)) return false
  }
  return true
}

/** For each image, how many images of the list (itself included) are alike to it. */
export function likenessCounts(images: ImageList, likeness: Likeness): Uint32Array {
  const counts = new Uint32Array(images.length)
  for (let i = 0; i < images.length; i++) {
    counts[i]!++
    for (let j = i + 1; j < images.length; j++) {
      if (!alike(images[i]!, images[j]!, likeness)) continue
      counts[i]!++
      counts[j]!++
    }
  }
  return counts
}
