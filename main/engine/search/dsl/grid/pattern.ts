// Periodic patterns. Repairing one that has been partly blanked out: find the smallest tile (px x py)
// such that every non-zero cell agrees with the others at the same position modulo the tile, then
// paint the blanked (background) cells from the tile. And the inverse of tiling: the repeating unit.
import type { Image } from '../../image'

/**
 * For each shift d (1..side-1, index d), 1 if no two cells d apart along that axis differ (with
 * `blankIsUnknown`, only non-zero cells count). A period of a damaged pattern must pass this pairwise
 * test; it is cheap (one pass per shift) and rejects almost every candidate before the full test,
 * which also links cells through blanked ones.
 */
function shiftsThatAgree(image: Image, across: boolean, blankIsUnknown: boolean): Uint8Array {
  const { w, h, cells } = image
  const side = across ? w : h
  const agree = new Uint8Array(side + 1).fill(1)
  const step = across ? 1 : w
  for (let d = 1; d < side; d++) {
    for (let r = 0; r < (across ? h : h - d) && agree[d]; r++) {
      for (let c = 0; c < (across ? w - d : w); c++) {
        const a = cells[r * w + c]!
        const b = cells[r * w + c + d * step]!
        if (a !== b && (!blankIsUnknown || (a !== 0 && b !== 0))) {
          agree[d] = 0
          break
        }
      }
    }
  }
  return agree
}

/** The tile's colours (written into `tile`) if `px x py` is a period of the non-zero cells and every tile cell is seen. */
function fillsTile(image: Image, px: number, py: number, tile: Uint8Array): boolean {
  const { w, h, cells } = image
  tile.fill(0, 0, px * py)
  for (let r = 0, tileRow = 0; r < h; r++, tileRow = tileRow + 1 === py ? 0 : tileRow + 1) {
    for (let c = 0, tileColumn = 0; c < w; c++, tileColumn = tileColumn + 1 === px ? 0 : tileColumn + 1) {
      const colour = cells[r * w + c]!
      if (colour === 0) continue
      const k = tileRow * px + tileColumn
      if (tile[k] === 0) tile[k] = colour
      else if (tile[k] !== colour) return false
    }
  }
  for (let k = 0; k < px * py; k++) if (tile[k] === 0) return false
  return true
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
  // A shift by the whole side compares nothing, so it always agrees: the image's own size is a
  // (useless) candidate whose blank cells are never seen, and it fails the full test.
  const agreeAcross = shiftsThatAgree(image, true, true)
  const agreeDown = shiftsThatAgree(image, false, true)
  const tile = new Uint8Array(w * h)
  let bestX = 0
  let bestY = 0
  for (let py = 1; py <= h; py++) {
    if (!agreeDown[py]) continue
    for (let px = 1; px <= w; px++) {
      if (bestX > 0 && px * py >= bestX * bestY) break
      if (agreeAcross[px] && fillsTile(image, px, py, tile)) [bestX, bestY] = [px, py]
    }
  }
  if (bestX === 0) return null
  fillsTile(image, bestX, bestY, tile)
  const cells = image.cells.slice()
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) if (cells[r * w + c] === 0) cells[r * w + c] = tile[(r % bestY) * bestX + (c % bestX)]!
  }
  return { x: image.x, y: image.y, w, h, cells }
}

/**
 * The repeating unit of an exactly periodic image (the smallest shifts across and down under which
 * every cell repeats, background included), cut from the top-left; the image need not hold a whole
 * number of units. Null if it does not repeat in either direction.
 */
export function periodUnit(image: Image): Image | null {
  const agreeAcross = shiftsThatAgree(image, true, false)
  const agreeDown = shiftsThatAgree(image, false, false)
  let px = 1
  while (px < image.w && !agreeAcross[px]) px++
  let py = 1
  while (py < image.h && !agreeDown[py]) py++
  if (px === image.w && py === image.h) return null
  const cells = new Uint8Array(px * py)
  for (let r = 0; r < py; r++) cells.set(image.cells.subarray(r * image.w, r * image.w + px), r * px)
  return { x: image.x, y: image.y, w: px, h: py, cells }
}
