// Local rules learned from the demonstrations: where every output has its input's size, each output
// cell may be a function of what surrounds the same input cell (its 4 or 8 neighbours, how many of
// them are set, the colours around it, its row and column, its position modulo a period). A feature
// is a rule when one table (feature value -> output colour), built from every cell of every
// demonstration, never contradicts itself, and when every test cell's value was seen in a
// demonstration: an unseen value would be a guess, so such rules are rejected (the safe rule of
// recolour.ts). Features are tried simplest first; each one that holds is a candidate answer. Where
// none covers the test input alone, the rules that hold are combined: each test cell is read by the
// simplest of them that saw its value.
import type { Image } from '../image'

const OUTSIDE = 10

/** A feature of cell (row, col) of `image` as a number (equal numbers, equal features). */
type Feature = (image: Image, row: number, col: number) => number

function cell(image: Image, row: number, col: number): number {
  if (row < 0 || col < 0 || row >= image.h || col >= image.w) return OUTSIDE
  return image.cells[row * image.w + col]!
}

const RING4: readonly (readonly [number, number])[] = [
  [-1, 0],
  [0, 1],
  [1, 0],
  [0, -1]
]
const RING8: readonly (readonly [number, number])[] = [...RING4, [-1, -1], [-1, 1], [1, 1], [1, -1]]

/** Own colour and each neighbour's; beyond the edge reads as OUTSIDE, or as background when `edgeBlank`. */
function neighbourColours(ring: readonly (readonly [number, number])[], edgeBlank: boolean): Feature {
  return (image, row, col) => {
    let key = cell(image, row, col)
    for (const [dr, dc] of ring) {
      const v = cell(image, row + dr, col + dc)
      key = key * 11 + (edgeBlank && v === OUTSIDE ? 0 : v)
    }
    return key
  }
}

/** Own colour and how many of the 8 neighbours are set (non-zero, inside the grid). */
const setNeighbourCount: Feature = (image, row, col) => {
  let count = 0
  for (const [dr, dc] of RING8) {
    const v = cell(image, row + dr, col + dc)
    if (v !== 0 && v !== OUTSIDE) count++
  }
  return cell(image, row, col) * 16 + count
}

/** Own colour and which of the 8 neighbours are set. */
const setNeighbourMask: Feature = (image, row, col) => {
  let mask = 0
  RING8.forEach(([dr, dc], bit) => {
    const v = cell(image, row + dr, col + dc)
    if (v !== 0 && v !== OUTSIDE) mask |= 1 << bit
  })
  return cell(image, row, col) * 256 + mask
}

/** Own colour and the set of colours among the 8 neighbours. */
const neighbourColourSet: Feature = (image, row, col) => {
  let set = 0
  for (const [dr, dc] of RING8) set |= 1 << cell(image, row + dr, col + dc)
  return cell(image, row, col) * 2048 + set
}

/** The colours of the cell's row (other cells than itself), as a bit set. */
function rowColours(image: Image, row: number, col: number): number {
  let set = 0
  for (let c = 0; c < image.w; c++) if (c !== col) set |= 1 << cell(image, row, c)
  return set
}

function columnColours(image: Image, row: number, col: number): number {
  let set = 0
  for (let r = 0; r < image.h; r++) if (r !== row) set |= 1 << cell(image, r, col)
  return set
}

const ownAndRow: Feature = (image, row, col) => cell(image, row, col) * 1024 + rowColours(image, row, col)
const ownAndColumn: Feature = (image, row, col) => cell(image, row, col) * 1024 + columnColours(image, row, col)
const ownRowAndColumn: Feature = (image, row, col) =>
  (cell(image, row, col) * 1024 + rowColours(image, row, col)) * 1024 + columnColours(image, row, col)

/** Own colour and the position modulo a period, counted from the top-left or bottom-right corner. */
function periodic(px: number, py: number, fromEnd: boolean): Feature {
  return (image, row, col) => {
    const x = fromEnd ? image.w - 1 - col : col
    const y = fromEnd ? image.h - 1 - row : row
    return (cell(image, row, col) * 8 + (y % py)) * 8 + (x % px)
  }
}

/** The 5x5 patch around the cell, hashed (two 26-bit halves; collisions are negligible here). */
const patch5: Feature = (image, row, col) => {
  let a = 0x2545f491
  let b = 0x9e3779b1
  for (let dr = -2; dr <= 2; dr++) {
    for (let dc = -2; dc <= 2; dc++) {
      const v = cell(image, row + dr, col + dc)
      a = Math.imul(a ^ v, 0x01000193)
      b = Math.imul(b ^ (v + 17), 0x5bd1e995)
    }
  }
  return (a >>> 6) * 0x4000000 + (b >>> 6)
}

/** A hash of a whole line's cells (the row when `rows`, else the column), the same for each of its cells. */
function lineContent(rows: boolean): Feature {
  return (image, row, col) => {
    let key = 0x811c9dc5
    const n = rows ? image.w : image.h
    for (let k = 0; k < n; k++) key = Math.imul(key ^ (rows ? cell(image, row, k) : cell(image, k, col)), 0x01000193) >>> 0
    return key
  }
}

function lineUniform(image: Image, row: number, col: number, rows: boolean): boolean {
  const first = rows ? cell(image, row, 0) : cell(image, 0, col)
  const n = rows ? image.w : image.h
  for (let k = 1; k < n; k++) if ((rows ? cell(image, row, k) : cell(image, k, col)) !== first) return false
  return true
}

/** Whether the cell's row and column are each one colour (the cell's own colour is not part of it). */
const uniformLines: Feature = (image, row, col) =>
  Number(lineUniform(image, row, col, true)) * 2 + Number(lineUniform(image, row, col, false))

export interface LocalFeature {
  readonly name: string
  readonly feature: Feature
  /** Simplicity cost: rules with more specific features fit by chance more easily. */
  readonly cost: number
}

const PERIODS: readonly LocalFeature[] = [1, 2, 3].flatMap((px) =>
  [1, 2, 3]
    .filter((py) => px * py > 1)
    .flatMap((py) =>
      [false, true].map((fromEnd) => ({
        name: `position_mod(${px}, ${py}${fromEnd ? ', from_end' : ''})`,
        feature: periodic(px, py, fromEnd),
        cost: 3
      }))
    )
)

/** The features tried, simplest first. */
export const LOCAL_FEATURES: readonly LocalFeature[] = [
  { name: 'set_neighbour_count', feature: setNeighbourCount, cost: 3 },
  { name: 'neighbours4', feature: neighbourColours(RING4, true), cost: 3 },
  { name: 'neighbours4_edges', feature: neighbourColours(RING4, false), cost: 4 },
  ...PERIODS,
  { name: 'set_neighbour_mask', feature: setNeighbourMask, cost: 4 },
  { name: 'neighbour_colours', feature: neighbourColourSet, cost: 4 },
  { name: 'neighbours8', feature: neighbourColours(RING8, true), cost: 5 },
  { name: 'neighbours8_edges', feature: neighbourColours(RING8, false), cost: 5 },
  { name: 'row_colours', feature: ownAndRow, cost: 4 },
  { name: 'column_colours', feature: ownAndColumn, cost: 4 },
  { name: 'line_colours', feature: ownRowAndColumn, cost: 5 },
  { name: 'uniform_lines', feature: uniformLines, cost: 4 },
  { name: 'row_content', feature: lineContent(true), cost: 5 },
  { name: 'column_content', feature: lineContent(false), cost: 5 },
  { name: 'patch5', feature: patch5, cost: 6 }
]

/** The table feature value -> output colour over every demonstration cell; null on a contradiction. */
function learnTable(feature: Feature, sources: readonly Image[], targets: readonly Image[]): Map<number, number> | null {
  const table = new Map<number, number>()
  for (let g = 0; g < targets.length; g++) {
    const source = sources[g]!
    const target = targets[g]!
    for (let row = 0; row < source.h; row++) {
      for (let col = 0; col < source.w; col++) {
        const key = feature(source, row, col)
        const to = target.cells[row * target.w + col]!
        const known = table.get(key)
        if (known === undefined) table.set(key, to)
        else if (known !== to) return null
      }
    }
  }
  return table
}

interface LearnedTable {
  readonly rule: LocalFeature
  readonly table: Map<number, number>
}

/**
 * `source` rewritten cell by cell: each cell takes the colour of the first of `tables` that saw its
 * feature value; null where none did. Every table explains every demonstration, so where they both
 * saw a value they agree on the demonstrations; the first is the simplest.
 */
function applyTables(tables: readonly LearnedTable[], source: Image): Image | null {
  const cells = new Uint8Array(source.w * source.h)
  for (let row = 0; row < source.h; row++) {
    for (let col = 0; col < source.w; col++) {
      let to: number | undefined
      for (let t = 0; t < tables.length && to === undefined; t++) to = tables[t]!.table.get(tables[t]!.rule.feature(source, row, col))
      if (to === undefined) return null
      cells[row * source.w + col] = to
    }
  }
  return { x: 0, y: 0, w: source.w, h: source.h, cells }
}

/** Whether the output colour follows from the cell's own colour alone (a plain colour map, recolour.ts). */
function ownColourSuffices(sources: readonly Image[], targets: readonly Image[]): boolean {
  return learnTable((image, row, col) => cell(image, row, col), sources, targets) !== null
}

export interface LocalRuleAnswer {
  /** The feature's name, or several joined by ' | ' for a combined rule (first that saw the value). */
  readonly name: string
  readonly cost: number
  readonly answer: Image
}

/** Extra cost of a combined rule over its costliest feature. */
const COMBINED_COST = 2

/**
 * Every local rule that maps each `sources[g]` onto `targets[g]` and covers `testSource`, simplest
 * first. Needs equal sizes; none when a plain colour map already explains the demonstrations.
 */
export function localRuleAnswers(sources: readonly Image[], targets: readonly Image[], testSource: Image): LocalRuleAnswer[] {
  const sameSizes = targets.every((t, g) => t.w === sources[g]!.w && t.h === sources[g]!.h)
  if (!sameSizes || targets.length === 0 || ownColourSuffices(sources, targets)) return []
  const answers: LocalRuleAnswer[] = []
  const tables: LearnedTable[] = []
  for (const rule of LOCAL_FEATURES) {
    const table = learnTable(rule.feature, sources, targets)
    if (!table) continue
    tables.push({ rule, table })
    const answer = applyTables([{ rule, table }], testSource)
    if (answer) answers.push({ name: rule.name, cost: rule.cost, answer })
  }
  if (answers.length === 0 && tables.length > 1) {
    const answer = applyTables(tables, testSource)
    const cost = Math.max(...tables.map((t) => t.rule.cost)) + COMBINED_COST
    if (answer) answers.push({ name: tables.map((t) => t.rule.name).join(' | '), cost, answer })
  }
  return answers
}
