// Hashes of search values computed straight from the typed cells, with no string built: two
// independent 32-bit FNV-1a style streams folded into one 53-bit number, so a Map keyed by the hash
// deduplicates states. Equal values always hash equal; unequal values collide with probability about
// 2^-53 per pair, and the graph still compares the cells before it merges two states (lockstep.ts).
import { isList, type Image, type Value } from './image'

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
// A second stream with another start and multiplier, so the two halves are independent.
const ALT_OFFSET = 0x9747b28c
const ALT_PRIME = 0x5bd1e995

/** Running state of the two streams; reused by the caller to avoid allocation per value. */
export interface HashState {
  a: number
  b: number
}

export function newHashState(): HashState {
  return { a: FNV_OFFSET, b: ALT_OFFSET }
}

function mix(state: HashState, byte: number): void {
  state.a = Math.imul(state.a ^ byte, FNV_PRIME)
  state.b = Math.imul(state.b ^ byte, ALT_PRIME)
}

/** Folds a small integer (a size or an offset, -2^15..2^15) into the streams. */
function mixInt(state: HashState, n: number): void {
  mix(state, n & 0xff)
  mix(state, (n >>> 8) & 0xff)
}

export function mixImage(state: HashState, image: Image): void {
  mixInt(state, image.w)
  mixInt(state, image.h)
  mixInt(state, image.x)
  mixInt(state, image.y)
  const cells = image.cells
  for (let i = 0; i < cells.length; i++) mix(state, cells[i]!)
}

/** Folds one value: an image, or a list as its length then each element (order matters). */
export function mixValue(state: HashState, value: Value): void {
  if (isList(value)) {
    mix(state, 0xfe) // a tag so a one-element list differs from its element
    mixInt(state, value.length)
    for (const image of value) mixImage(state, image)
  } else {
    mix(state, 0xfd)
    mixImage(state, value)
  }
}

/** The state's 53-bit hash as a safe integer (the top 21 bits of the second stream above the first). */
export function digest(state: HashState): number {
  return (state.b >>> 11) * 0x100000000 + (state.a >>> 0)
}

/** Hash of one tuple of values (one per grid of the search). */
export function hashValues(values: readonly Value[]): number {
  const state = newHashState()
  for (const value of values) mixValue(state, value)
  return digest(state)
}

function sameImage(a: Image, b: Image): boolean {
  if (a.w !== b.w || a.h !== b.h || a.x !== b.x || a.y !== b.y) return false
  const n = a.cells.length
  for (let i = 0; i < n; i++) if (a.cells[i] !== b.cells[i]) return false
  return true
}

function sameValue(a: Value, b: Value): boolean {
  const aList = isList(a)
  if (aList !== isList(b)) return false
  if (!aList) return sameImage(a, b as Image)
  const bl = b as readonly Image[]
  if (a.length !== bl.length) return false
  for (let i = 0; i < a.length; i++) if (!sameImage(a[i]!, bl[i]!)) return false
  return true
}

/** Exact equality of two value tuples (sizes, offsets and cells): the check behind a hash match. */
export function sameValues(a: readonly Value[], b: readonly Value[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i]!, b[i]!)) return false
  return true
}

/** Hash of the cells and sizes of some images, offsets ignored (pieces that draw the same pixels). */
export function hashCells(images: readonly Image[]): number {
  const state = newHashState()
  for (const image of images) {
    mixInt(state, image.w)
    mixInt(state, image.h)
    const cells = image.cells
    for (let i = 0; i < cells.length; i++) mix(state, cells[i]!)
  }
  return digest(state)
}
