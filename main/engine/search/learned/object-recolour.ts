// Objects recoloured by a property learned from the demonstrations: the input is cut into objects,
// and each object is repainted whole in one colour (0 removes it) or left as it is, by a property such
// as its size, its size rank, its shape, whether it has a hole or touches the border. The rule holds
// when, in every demonstration, the cells outside the objects are unchanged, each object comes out
// uniformly repainted or untouched, and one table (property value -> colour or "kept") explains every
// object. As with the other learned rules, a test object whose property value no demonstration
// showed rejects the rule rather than guess.
import type { Image } from '../image'
import { connectedComponents, type ComponentOptions } from '../dsl/objects/components'
import { hasHole } from '../dsl/objects/holes'
import { outsideBackground } from '../dsl/grid/holes'

const KEPT = -1

/** A property of object `index` among `objects` of a grid `frame`, as a number. */
type Property = (objects: readonly Image[], index: number, frame: Image) => number

function cellCount(image: Image): number {
  let n = 0
  for (let i = 0; i < image.cells.length; i++) if (image.cells[i] !== 0) n++
  return n
}

function shapeKey(image: Image): number {
  let key = image.w * 31 + image.h
  for (let i = 0; i < image.cells.length; i++) key = (Math.imul(key, 0x01000193) ^ (image.cells[i] !== 0 ? 1 : 2)) >>> 0
  return key
}

/** The dense rank of `value` among `values` (0 for the largest when `descending`). */
function denseRank(values: readonly number[], value: number, descending: boolean): number {
  const distinct = [...new Set(values)].sort((a, b) => (descending ? b - a : a - b))
  return distinct.indexOf(value)
}

/** Per object list, a value per object computed once: properties read the whole list for each object. */
function perList(compute: (image: Image) => number): (objects: readonly Image[]) => readonly number[] {
  const cache = new WeakMap<readonly Image[], readonly number[]>()
  return (objects) => {
    let values = cache.get(objects)
    if (!values) cache.set(objects, (values = objects.map(compute)))
    return values
  }
}

const sizes = perList(cellCount)
const shapeKeys = perList(shapeKey)

function colourCount(image: Image): number {
  let set = 0
  for (let i = 0; i < image.cells.length; i++) if (image.cells[i] !== 0) set |= 1 << image.cells[i]!
  let n = 0
  for (; set; set &= set - 1) n++
  return n
}

/** Whether the object's cells mirror onto themselves left to right or top to bottom. */
function mirrorSymmetric(image: Image): boolean {
  const { w, h, cells } = image
  let across = true
  let down = true
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      if (cells[r * w + c] !== cells[r * w + (w - 1 - c)]) across = false
      if (cells[r * w + c] !== cells[(h - 1 - r) * w + c]) down = false
    }
  }
  return across || down
}

/** Background regions enclosed by the object (not reachable from its bounding box's edge). */
function holeCount(image: Image): number {
  const outside = outsideBackground(image)
  const enclosed = { ...image, cells: image.cells.map((v, i) => (v === 0 && !outside[i] ? 1 : 0)) }
  return connectedComponents(enclosed, { connectivity: 4, sameColour: true }).length
}

const PROPERTIES: readonly { readonly name: string; readonly property: Property }[] = [
  { name: 'size', property: (objects, i) => sizes(objects)[i]! },
  { name: 'is_largest', property: (objects, i) => Number(sizes(objects)[i]! === Math.max(...sizes(objects))) },
  { name: 'is_smallest', property: (objects, i) => Number(sizes(objects)[i]! === Math.min(...sizes(objects))) },
  { name: 'size_rank', property: (objects, i) => denseRank(sizes(objects), sizes(objects)[i]!, true) },
  {
    name: 'size_extreme',
    property: (objects, i) => {
      const size = sizes(objects)[i]!
      const all = sizes(objects)
      return size === Math.max(...all) ? 0 : size === Math.min(...all) ? 1 : 2
    }
  },
  { name: 'size_rank_ascending', property: (objects, i) => denseRank(sizes(objects), sizes(objects)[i]!, false) },
  { name: 'height', property: (objects, i) => objects[i]!.h },
  { name: 'width', property: (objects, i) => objects[i]!.w },
  { name: 'has_hole', property: (objects, i) => Number(hasHole(objects[i]!)) },
  { name: 'holes', property: (objects, i) => holeCount(objects[i]!) },
  { name: 'colours', property: (objects, i) => colourCount(objects[i]!) },
  { name: 'is_symmetric', property: (objects, i) => Number(mirrorSymmetric(objects[i]!)) },
  { name: 'is_box', property: (objects, i) => Number(cellCount(objects[i]!) === objects[i]!.cells.length) },
  {
    name: 'touches_border',
    property: (objects, i, frame) => {
      const o = objects[i]!
      return Number(o.x === 0 || o.y === 0 || o.x + o.w === frame.w || o.y + o.h === frame.h)
    }
  },
  {
    name: 'shape_is_unique',
    property: (objects, i) => {
      const keys = shapeKeys(objects)
      return Number(keys.filter((key) => key === keys[i]).length === 1)
    }
  },
  { name: 'shape', property: (objects, i) => shapeKeys(objects)[i]! }
]

interface Cut {
  readonly name: string
  readonly objects: (image: Image) => Image[]
}

/** The background's regions (4-connected runs of colour 0) as objects whose set cells mark them. */
function backgroundRegions(image: Image): Image[] {
  const inverted = { ...image, cells: image.cells.map((v) => (v === 0 ? 1 : 0)) }
  return connectedComponents(inverted, { connectivity: 4, sameColour: true })
}

function componentsCut(name: string, options: ComponentOptions): Cut {
  return { name: `${name}(SOURCE, ${options.connectivity})`, objects: (image) => connectedComponents(image, options) }
}

const CUTS: readonly Cut[] = [
  componentsCut('cut', { connectivity: 4, sameColour: true }),
  componentsCut('cut', { connectivity: 8, sameColour: true }),
  componentsCut('cut_multicolour', { connectivity: 4, sameColour: false }),
  componentsCut('cut_multicolour', { connectivity: 8, sameColour: false }),
  { name: 'background_regions(SOURCE)', objects: backgroundRegions }
]

/** What became of each object in `output` (a colour, or KEPT); null if the demonstration breaks the rule. */
function outcomes(input: Image, output: Image, objects: readonly Image[]): number[] | null {
  const covered = new Uint8Array(input.cells.length)
  const result: number[] = []
  for (const object of objects) {
    let kept = true
    let paint = -2
    for (let r = 0; r < object.h; r++) {
      for (let c = 0; c < object.w; c++) {
        if (object.cells[r * object.w + c] === 0) continue
        const index = (object.y + r) * input.w + object.x + c
        covered[index] = 1
        const to = output.cells[index]!
        if (to !== input.cells[index]) kept = false
        if (paint === -2) paint = to
        else if (paint !== to) paint = -3
      }
    }
    if (kept) result.push(KEPT)
    else if (paint >= 0) {
      result.push(paint)
    } else return null
  }
  for (let i = 0; i < covered.length; i++) if (!covered[i] && input.cells[i] !== output.cells[i]) return null
  return result
}

function repaint(input: Image, objects: readonly Image[], colours: readonly number[]): Image {
  const cells = input.cells.slice()
  objects.forEach((object, k) => {
    const to = colours[k]!
    if (to === KEPT) return
    for (let r = 0; r < object.h; r++) {
      for (let c = 0; c < object.w; c++) {
        if (object.cells[r * object.w + c] !== 0) cells[(object.y + r) * input.w + object.x + c] = to
      }
    }
  })
  return { x: 0, y: 0, w: input.w, h: input.h, cells }
}

export interface ObjectRecolourAnswer {
  readonly program: string
  readonly answer: Image
  /** 0 for a table over the property's values, 1 for a two-way split of them (== k, >= k). */
  readonly split: number
}

/** Each object's property value, per demonstration. */
type Values = readonly (readonly number[])[]

/** The table value -> outcome over every demonstration object; null on a contradiction. */
function learnTable(values: Values, demoOutcomes: readonly (readonly number[])[]): Map<number, number> | null {
  const table = new Map<number, number>()
  for (let g = 0; g < values.length; g++) {
    for (let k = 0; k < values[g]!.length; k++) {
      const value = values[g]![k]!
      const known = table.get(value)
      if (known === undefined) table.set(value, demoOutcomes[g]![k]!)
      else if (known !== demoOutcomes[g]![k]) return null
    }
  }
  return table
}

/**
 * Where a table has exactly two outcomes, the two-way splits of the values that it agrees with:
 * `value == k` (one value has the first outcome, all others the second) and `value >= k`. A split
 * generalises to values no demonstration showed, so it covers test objects the table cannot.
 */
function splits(table: Map<number, number>): { readonly text: string; readonly outcome: (value: number) => number }[] {
  const outcomes = [...new Set(table.values())]
  if (outcomes.length !== 2) return []
  const entries = [...table.entries()].sort((a, b) => a[0] - b[0])
  const result: { text: string; outcome: (value: number) => number }[] = []
  for (const [a, b] of [outcomes, [...outcomes].reverse()]) {
    const ofA = entries.filter(([, o]) => o === a)
    if (ofA.length === 1) {
      const k = ofA[0]![0]
      result.push({ text: `== ${k}`, outcome: (v) => (v === k ? a! : b!) })
    }
  }
  const firstB = entries.findIndex(([, o]) => o !== entries[0]![1])
  if (entries.slice(firstB).every(([, o]) => o !== entries[0]![1])) {
    const k = entries[firstB]![0]
    const [low, high] = [entries[0]![1], entries[firstB]![1]]
    result.push({ text: `>= ${k}`, outcome: (v) => (v >= k ? high : low) })
  }
  return result
}

/**
 * Every (cut, property) rule that repaints each demonstration input's objects into its output and
 * covers the test input's objects. Needs equal sizes and at least one object repainted somewhere.
 */
export function objectRecolourAnswers(
  inputs: readonly Image[],
  targets: readonly Image[],
  testInput: Image,
  source = 'x'
): ObjectRecolourAnswer[] {
  const sameSizes = targets.every((t, g) => t.w === inputs[g]!.w && t.h === inputs[g]!.h)
  if (!sameSizes || targets.length === 0) return []
  const answers: ObjectRecolourAnswer[] = []
  for (const cut of CUTS) {
    const demoObjects = inputs.map((input) => cut.objects(input))
    const maybeOutcomes = inputs.map((input, g) => outcomes(input, targets[g]!, demoObjects[g]!))
    if (maybeOutcomes.some((o) => o === null)) continue
    const demoOutcomes = maybeOutcomes as number[][]
    if (!demoOutcomes.some((o) => o.some((v) => v !== KEPT))) continue
    const testObjects = cut.objects(testInput)
    const objects = cut.name.replace('SOURCE', source)
    for (const { name, property } of PROPERTIES) {
      const values = demoObjects.map((list, g) => list.map((_, k) => property(list, k, inputs[g]!)))
      const table = learnTable(values, demoOutcomes)
      if (!table) continue
      const testValues = testObjects.map((_, k) => property(testObjects, k, testInput))
      const rules = [
        { text: '', outcome: (v: number) => table.get(v), split: 0 },
        ...splits(table).map((s) => ({ ...s, text: ` ${s.text}`, split: 1 }))
      ]
      for (const rule of rules) {
        const colours = testValues.map(rule.outcome)
        if (colours.some((c) => c === undefined)) continue
        const answer = repaint(testInput, testObjects, colours as number[])
        answers.push({ program: `recolour_objects(${objects}, by ${name}${rule.text})`, answer, split: rule.split })
        break
      }
    }
  }
  return answers
}
