// Completing copies of a template: the picture holds one or more whole templates (objects of two or
// more colours) and elsewhere fragments of them (some of a template's cells, in place). Each fragment
// is completed to the whole template where exactly one placement explains it: every non-background
// cell under the placed template agrees with it, and no other placement explains the same cells.
// Also: the template stamped centred on lone marker cells, and painted onto one-colour silhouettes of
// its shape.
import type { Image } from '../../image'
import { connectedComponents } from '../objects/components'
import { applySymmetry, SYMMETRIES } from './symmetry'

interface Placement {
  readonly template: Image
  readonly top: number
  readonly left: number
  /** The image cells (indices) the placement explains, in ascending order. */
  readonly explained: readonly number[]
}

/** Whether the object has two or more non-zero colours. */
function multicolour(object: Image): boolean {
  let first = 0
  for (const v of object.cells) {
    if (v === 0) continue
    if (first === 0) first = v
    else if (v !== first) return true
  }
  return false
}

/** Whether `part`'s cells all lie, same colours, within `whole` at some offset. */
function fitsWithin(part: Image, whole: Image): boolean {
  for (let top = 0; top + part.h <= whole.h; top++) {
    for (let left = 0; left + part.w <= whole.w; left++) {
      let fits = true
      for (let r = 0; r < part.h && fits; r++) {
        for (let c = 0; c < part.w; c++) {
          const v = part.cells[r * part.w + c]!
          if (v !== 0 && whole.cells[(top + r) * whole.w + left + c] !== v) {
            fits = false
            break
          }
        }
      }
      if (fits) return true
    }
  }
  return false
}

const sameImage = (a: Image, b: Image) => a.w === b.w && a.h === b.h && a.cells.every((v, i) => v === b.cells[i])

/**
 * Distinct multicolour objects, largest first, that are not themselves a fragment of a larger one
 * (with `turned`, of a rotation or reflection of a larger one).
 */
function templatesOf(image: Image, turned: boolean): Image[] {
  const objects = connectedComponents(image, { connectivity: 8, sameColour: false }).filter(multicolour)
  const count = (o: Image) => o.cells.reduce((n, v) => n + (v === 0 ? 0 : 1), 0)
  const templates: Image[] = []
  for (const o of objects.sort((a, b) => count(b) - count(a))) {
    if (templates.some((t) => sameImage(t, o))) continue
    const wholes = turned ? templates.flatMap(turnsOf) : templates
    if (!wholes.some((t) => fitsWithin(o, t))) templates.push(o)
  }
  return templates
}

/** The template's distinct images under the 8 symmetries (itself first). */
function turnsOf(template: Image): Image[] {
  const turns = [template]
  for (const s of SYMMETRIES) {
    const t = applySymmetry(template, s)
    if (!turns.some((d) => sameImage(d, t))) turns.push(t)
  }
  return turns
}

/** Placements of `template` that explain some but not all of its cells, with no disagreeing cell. */
function placementsOf(image: Image, template: Image, taken: Uint8Array): Placement[] {
  const { w, h, cells } = image
  const placements: Placement[] = []
  let size = 0
  for (const v of template.cells) if (v !== 0) size++
  for (let top = 0; top + template.h <= h; top++) {
    for (let left = 0; left + template.w <= w; left++) {
      const explained: number[] = []
      let agrees = true
      for (let r = 0; r < template.h && agrees; r++) {
        for (let c = 0; c < template.w; c++) {
          const want = template.cells[r * template.w + c]!
          if (want === 0) continue
          const i = (top + r) * w + left + c
          const have = cells[i]!
          if (have === 0) continue
          if (have !== want || taken[i]) {
            agrees = false
            break
          }
          explained.push(i)
        }
      }
      if (agrees && explained.length > 0 && explained.length < size) placements.push({ template, top, left, explained })
    }
  }
  return placements
}

/** The image cells `p`'s template covers. */
function covered(p: Placement, w: number): number[] {
  const out: number[] = []
  for (let r = 0; r < p.template.h; r++) {
    for (let c = 0; c < p.template.w; c++) if (p.template.cells[r * p.template.w + c] !== 0) out.push((p.top + r) * w + p.left + c)
  }
  return out
}

/**
 * Every fragment completed to its template (with `turned`, to the template or any of its rotations
 * and reflections); null if there is no template or nothing to complete.
 */
export function completeCopies(image: Image, turned = false): Image | null {
  const templates = templatesOf(image, turned)
  if (templates.length === 0) return null
  const { w } = image
  const taken = new Uint8Array(image.cells.length)
  for (const t of templates) {
    for (let r = 0; r < t.h; r++) {
      for (let c = 0; c < t.w; c++) if (t.cells[r * t.w + c] !== 0) taken[(t.y - image.y + r) * w + (t.x - image.x + c)] = 1
    }
  }
  const shapes = turned ? templates.flatMap(turnsOf) : templates
  const candidates = shapes.flatMap((t) => placementsOf(image, t, taken)).sort((a, b) => b.explained.length - a.explained.length)
  // Two placements explaining the same cells leave that fragment ambiguous: neither is used.
  const explaining = new Map<string, number>()
  for (const p of candidates) explaining.set(p.explained.join(), (explaining.get(p.explained.join()) ?? 0) + 1)
  const cells = image.cells.slice()
  let placed = 0
  for (const p of candidates) {
    if (explaining.get(p.explained.join())! > 1) continue
    const cover = covered(p, w)
    if (cover.some((i) => taken[i])) continue
    for (let k = 0, n = 0; k < p.template.cells.length; k++) {
      const v = p.template.cells[k]!
      if (v !== 0) cells[cover[n++]!] = v
    }
    for (const i of cover) taken[i] = 1
    placed++
  }
  return placed > 0 ? { x: image.x, y: image.y, w, h: image.h, cells } : null
}

/** Objects of one colour. */
function silhouettesOf(image: Image): Image[] {
  return connectedComponents(image, { connectivity: 8, sameColour: false }).filter((o) => !multicolour(o))
}

function paintAt(cells: Uint8Array, w: number, h: number, template: Image, top: number, left: number): void {
  for (let r = 0; r < template.h; r++) {
    for (let c = 0; c < template.w; c++) {
      const v = template.cells[r * template.w + c]!
      const row = top + r
      const col = left + c
      if (v !== 0 && row >= 0 && row < h && col >= 0 && col < w) cells[row * w + col] = v
    }
  }
}

/**
 * The one template (a multicolour object of odd width and height) stamped centred on every lone
 * one-cell object; null if there is not exactly one template or no lone cell.
 */
export function stampOnMarkers(image: Image): Image | null {
  const templates = templatesOf(image, false)
  if (templates.length !== 1) return null
  const template = templates[0]!
  if (template.w % 2 === 0 || template.h % 2 === 0) return null
  const markers = silhouettesOf(image).filter((o) => o.w === 1 && o.h === 1)
  if (markers.length === 0) return null
  const { w, h } = image
  const cells = image.cells.slice()
  for (const m of markers) paintAt(cells, w, h, template, m.y - image.y - (template.h >> 1), m.x - image.x - (template.w >> 1))
  return { x: image.x, y: image.y, w, h, cells }
}

/** Every one-colour object with a template's exact shape painted as that template; null if there is none. */
export function paintSilhouettes(image: Image): Image | null {
  const templates = templatesOf(image, false)
  if (templates.length === 0) return null
  const { w, h } = image
  const cells = image.cells.slice()
  let painted = 0
  for (const s of silhouettesOf(image)) {
    const match = templates.find((t) => t.w === s.w && t.h === s.h && t.cells.every((v, i) => (v === 0) === (s.cells[i] === 0)))
    if (!match) continue
    paintAt(cells, w, h, match, s.y - image.y, s.x - image.x)
    painted++
  }
  return painted > 0 ? { x: image.x, y: image.y, w, h, cells } : null
}
