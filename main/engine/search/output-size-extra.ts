// Further output-size measures, tried only after every rule of output-size.ts: the bounding box of
// each colour, of the rarest colour and of the smallest object, and counts (colours, objects,
// non-background cells), equal to an axis or multiplying the input's side. Counts fit small sizes by
// coincidence easily, so they never displace a rule over the input's own sides or content.
import { connectedComponents } from './dsl/objects/components'
import type { Image } from './image'

export type Measures = Readonly<Record<string, number>>

interface Box {
  top: number
  left: number
  bottom: number
  right: number
  count: number
}

/** Per colour 1..9: its bounding box and cell count, one pass over the cells. */
function colourBoxes(image: Image): Box[] {
  const boxes = Array.from({ length: 10 }, () => ({ top: 99, left: 99, bottom: -1, right: -1, count: 0 }))
  for (let r = 0; r < image.h; r++) {
    for (let c = 0; c < image.w; c++) {
      const b = boxes[image.cells[r * image.w + c]!]!
      b.count++
      if (r < b.top) b.top = r
      if (r > b.bottom) b.bottom = r
      if (c < b.left) b.left = c
      if (c > b.right) b.right = c
    }
  }
  return boxes
}

export function extraMeasuresOf(input: Image): Measures {
  const m: Record<string, number> = {}
  const boxes = colourBoxes(input)
  let colours = 0
  let cells = 0
  let rarest = -1
  for (let colour = 1; colour < 10; colour++) {
    const b = boxes[colour]!
    if (b.count === 0) continue
    colours++
    cells += b.count
    m[`colour${colour}.w`] = b.right - b.left + 1
    m[`colour${colour}.h`] = b.bottom - b.top + 1
    if (rarest < 0 || b.count < boxes[rarest]!.count) rarest = colour
  }
  if (rarest > 0) {
    m['rarest.w'] = boxes[rarest]!.right - boxes[rarest]!.left + 1
    m['rarest.h'] = boxes[rarest]!.bottom - boxes[rarest]!.top + 1
  }
  const objects = connectedComponents(input, { connectivity: 8, sameColour: false })
  let smallest: Image | null = null
  let smallestArea = Infinity
  for (const object of objects) {
    let area = 0
    for (let i = 0; i < object.cells.length; i++) if (object.cells[i] !== 0) area++
    if (area < smallestArea) {
      smallestArea = area
      smallest = object
    }
  }
  if (smallest) {
    m['smallest.w'] = smallest.w
    m['smallest.h'] = smallest.h
  }
  m['colours'] = colours
  m['objects'] = objects.length
  m['cells'] = cells
  return m
}

/**
 * out = side * p/q + b over the input's side along `axis`, for small p and q (e.g. (w - 1) / 2: two
 * halves beside a separator line). The line through the first two demonstrations with different
 * sides, checked against every one; at least three demonstrations, since two always fit a line.
 */
function linearRules(axis: 'w' | 'h', demos: readonly { base: Measures; out: number }[]): ExtraRule[] {
  if (demos.length < 3) return []
  const side = `input.${axis}`
  const first = demos[0]!
  const other = demos.find((d) => d.base[side] !== first.base[side])
  if (!other) return []
  // The slope p / q with q > 0.
  const sign = other.base[side]! > first.base[side]! ? 1 : -1
  const p = sign * (other.out - first.out)
  const q = sign * (other.base[side]! - first.base[side]!)
  if (p === 0 || Math.abs(p) > 3 * Math.abs(q) || Math.abs(q) > 3 * Math.abs(p)) return []
  // b = out - side * p / q, kept as q * b to stay in integers.
  const qb = first.out * q - first.base[side]! * p
  if (!demos.every((d) => d.out * q === d.base[side]! * p + qb)) return []
  const text = `(${p === 1 ? side : `${side} * ${p}`} ${qb < 0 ? '-' : '+'} ${Math.abs(qb)}) / ${q}`
  return [{ text, predict: (b) => (b[side]! * p + qb) / q }]
}

/** Measures that count things rather than span an axis: they may stand for either side. */
const COUNTS = ['colours', 'objects', 'cells']

export interface ExtraRule {
  readonly text: string
  readonly predict: (base: Measures, extra: Measures) => number
}

/**
 * Rules for `axis` over the extra measures that fit every demonstration: equal to a measure (the
 * same axis's, or a count), or the input's side times a count. A measure missing from any grid (a
 * colour absent there) never fits.
 */
export function extraAxisRules(axis: 'w' | 'h', demos: readonly { base: Measures; extra: Measures; out: number }[]): ExtraRule[] {
  const rules: ExtraRule[] = []
  const names = Object.keys(demos[0]!.extra).filter((n) => n.endsWith(`.${axis}`) || COUNTS.includes(n))
  for (const name of names) {
    if (demos.every((d) => d.extra[name] === d.out)) rules.push({ text: name, predict: (_b, e) => e[name] ?? 0 })
  }
  rules.push(...linearRules(axis, demos))
  for (const count of COUNTS) {
    for (const side of [`input.${axis}`, `content.${axis}`]) {
      if (demos.every((d) => d.base[side]! * d.extra[count]! === d.out)) {
        rules.push({ text: `${side} * ${count}`, predict: (b, e) => b[side]! * e[count]! })
      }
    }
  }
  return rules
}
