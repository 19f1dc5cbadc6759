// Repairing a periodic pattern that has been partly blanked out: find the smallest tile (px x py)
// such that every non-zero cell agrees with the others at the same position modulo the tile, then
// paint the blanked (background) cells from the tile.
import type { Image } from '../../image'

/** The tile's colours if `px x py` is a period of the non-zero cells and every tile cell is seen; else null. */
function periodTile(image: Image, px: number, py: number): Uint8Array | null {
  const { w, h, cells } = image
  const tile = new Uint8Array(px * py)
  for (let r = 0, tileRow = 0; r < h; r++, tileRow = tileRow + 1 === py ? 0 : tileRow + 1) {
    for (let c = 0, tileColumn = 0; c < w; c++, tileColumn = tileColumn + 1 === px ? 0 : tileColumn + 1) {
      const colour = cells[r * w + c]!
      if (colour === 0) continue
      const k = tileRow * px + tileColumn
      if (tile[k] === 0) tile[k] = colour
      else if (tile[k] !== colour) return null
    }
  }
  for (let k = 0; k < tile.length; k++) if (tile[k] === 0) return null
  return tile
}

/**
 * Background cells painted from the smallest period of the rest. Null if there is no background to
 * repair, if more than half the image is background (then it is a picture on a background, not a
 * damaged pattern), or if no period explains it.
 */
export function repairPattern(image: Image): Image | null {
  const { w, h } = image
  let blanks = 0
  for (let i = 0; i < image.cells.length; i++) if (image.cells[i] === 0) blanks++
  if (blanks === 0 || 2 * blanks > w * h) return null
  let best: { tile: Uint8Array; px: number; py: number } | null = null
  for (let py = 1; py <= h; py++) {
    for (let px = 1; px <= w; px++) {
      if (best && px * py >= best.px * best.py) break
      const tile = periodTile(image, px, py)
      if (tile) best = { tile, px, py }
    }
  }
  if (!best) return null
  const cells = image.cells.slice()
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) if (cells[r * w + c] === 0) cells[r * w + c] = best.tile[(r % best.py) * best.px + (c % best.px)]!
  }
  return { x: image.x, y: image.y, w, h, cells }
}
