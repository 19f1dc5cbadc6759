// Local rules learned from the demonstrations: where every output has its input's size, each output
// cell may be a function of what surrounds the same input cell (its 4 or 8 neighbours, how many of
// them are set, the colours around it, its row and column, its position modulo a period). A feature
// is a rule when one table (feature value -> output colour), built from every cell of every
// demonstration, never contradicts itself, and when every test cell's value was seen in a
// demonstration: an unseen value would be a guess, so such rules are rejected (the safe rule of
// recolour.ts). Features are tried simplest first; each one that holds is a candidate answer. Where
// none covers the test input alone, the rules that hold are combined: each test cell is read by the
// simplest of them that saw its value.
import { outsideBackground } from '../dsl/grid/holes'
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

/** Own colour, how many of the 4 edge neighbours are set and how many share its colour. */
const edgeNeighbourCounts: Feature = (image, row, col) => {
  const own = cell(image, row, col)
  let set = 0
  let same = 0
  for (const [dr, dc] of RING4) {
    const v = cell(image, row + dr, col + dc)
    if (v !== 0 && v !== OUTSIDE) set++
    if (v === own) same++
  }
  return (own * 8 + set) * 8 + same
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

/** The first set colour met walking from the cell in direction (dr, dc), OUTSIDE past the edge. */
function firstSeen(image: Image, row: number, col: number, dr: number, dc: number): number {
  for (let r = row + dr, c = col + dc; r >= 0 && c >= 0 && r < image.h && c < image.w; r += dr, c += dc) {
    const v = image.cells[r * image.w + c]!
    if (v !== 0) return v
  }
  return OUTSIDE
}

/** Own colour and the first colour seen in each direction of `ring` (what the cell "sees"). */
function visible(ring: readonly (readonly [number, number])[]): Feature {
  return (image, row, col) => {
    let key = cell(image, row, col)
    for (const [dr, dc] of ring) key = key * 11 + firstSeen(image, row, col, dr, dc)
    return key
  }
}

/** Own colour and the set of colours seen in the four directions, whichever direction saw them. */
const visibleSet: Feature = (image, row, col) => {
  let set = 0
  for (const [dr, dc] of RING4) set |= 1 << firstSeen(image, row, col, dr, dc)
  return cell(image, row, col) * 2048 + set
}

/** Per image, a value per cell computed once (component sizes, enclosure), with the own colour or without. */
function perImage(compute: (image: Image) => Int32Array, withOwn = true): Feature {
  const cache = new WeakMap<Image, Int32Array>()
  return (image, row, col) => {
    let values = cache.get(image)
    if (!values) cache.set(image, (values = compute(image)))
    return (withOwn ? cell(image, row, col) * 1024 : 0) + values[row * image.w + col]!
  }
}

/** The cell's place in the grid, without its colour (a fixed overlay, where sizes agree). */
const position: Feature = (image, row, col) => row * 64 + col

/** Per image, each cell's colour's rank by how often it occurs (0: the commonest; ties by colour). */
function colourRanks(image: Image): Int32Array {
  const counts = new Int32Array(10)
  for (let i = 0; i < image.cells.length; i++) counts[image.cells[i]!]!++
  const order = [...Array(10).keys()].filter((c) => counts[c]! > 0).sort((a, b) => counts[b]! - counts[a]! || a - b)
  const rank = new Int32Array(10)
  order.forEach((c, k) => (rank[c] = k))
  return Int32Array.from(image.cells, (v) => rank[v]!)
}

/** Each cell's 4-connected same-colour component size (capped at 1000). */
function componentSizes(image: Image): Int32Array {
  const { w, h, cells } = image
  const sizes = new Int32Array(w * h)
  const queue = new Int32Array(w * h)
  for (let seed = 0; seed < w * h; seed++) {
    if (sizes[seed]) continue
    let tail = 0
    queue[tail++] = seed
    sizes[seed] = -1
    for (let head = 0; head < tail; head++) {
      const i = queue[head]!
      const r = (i / w) | 0
      const c = i - r * w
      for (const [dr, dc] of RING4) {
        const rr = r + dr
        const cc = c + dc
        if (rr < 0 || cc < 0 || rr >= h || cc >= w) continue
        const j = rr * w + cc
        if (sizes[j] || cells[j] !== cells[seed]) continue
        sizes[j] = -1
        queue[tail++] = j
      }
    }
    for (let k = 0; k < tail; k++) sizes[queue[k]!] = Math.min(tail, 1000)
  }
  return sizes
}

/** 1 for background cells that no path of background cells joins to the grid's edge, else 0. */
function enclosure(image: Image): Int32Array {
  const outside = outsideBackground(image)
  return Int32Array.from(image.cells, (v, i) => (v === 0 && !outside[i] ? 1 : 0))
}

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
  { name: 'edge_neighbour_counts', feature: edgeNeighbourCounts, cost: 3 },
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
  { name: 'enclosed', feature: perImage(enclosure), cost: 3 },
  { name: 'colour_rank', feature: perImage(colourRanks, false), cost: 3 },
  { name: 'position', feature: position, cost: 4 },
  { name: 'component_size', feature: perImage(componentSizes), cost: 4 },
  { name: 'visible_colours', feature: visibleSet, cost: 4 },
  { name: 'visible4', feature: visible(RING4), cost: 4 },
  { name: 'visible8', feature: visible(RING8), cost: 5 },
  { name: 'patch5', feature: patch5, cost: 6 }
]

/** A table entry meaning "the cell keeps its own colour". */
const KEEP = 10
const CONFLICT = -1

/**
 * The table feature value -> output colour over every demonstration cell, where an entry is either
 * one colour or KEEP (each such cell kept its own colour, whatever it was: a feature that leaves the
 * cell's colour out, such as its colour's rank, can still say "unchanged"); null when some value
 * fits neither. KEEP wins where both fit: most cells of most tasks keep their colour.
 */
function learnTable(feature: Feature, sources: readonly Image[], targets: readonly Image[]): Map<number, number> | null {
  const fixed = new Map<number, number>()
  const keeps = new Map<number, boolean>()
  for (let g = 0; g < targets.length; g++) {
    const source = sources[g]!
    const target = targets[g]!
    for (let row = 0; row < source.h; row++) {
      for (let col = 0; col < source.w; col++) {
        const key = feature(source, row, col)
        const i = row * source.w + col
        const to = target.cells[i]!
        const known = fixed.get(key)
        const colour = known === undefined || known === to ? to : CONFLICT
        const keep = (keeps.get(key) ?? true) && to === source.cells[i]
        if (colour === CONFLICT && !keep) return null
        fixed.set(key, colour)
        keeps.set(key, keep)
      }
    }
  }
  if (!supported(fixed.size, sources)) return null
  const table = new Map<number, number>()
  for (const [key, colour] of fixed) table.set(key, keeps.get(key) ? KEEP : colour)
  return table
}

/**
 * Whether a table of `entries` values is a rule rather than a record: at least two demonstration
 * cells per entry on average. On tiny grids a feature that tells most cells apart "explains" any
 * output (a table of positions over three 2x2 noise grids, say).
 */
export function supported(entries: number, sources: readonly Image[]): boolean {
  let cells = 0
  for (const source of sources) cells += source.cells.length
  return entries * 2 <= cells
}

interface LearnedTable {
  readonly rule: LocalFeature
  readonly table: Map<number, number>
}

/**
 * `source` rewritten cell by cell: each cell takes the colour of the first of `tables` that saw its
 * feature value. Every table explains every demonstration, so where two saw a value they agree on the
 * demonstrations; the first is the simplest. A cell that none saw keeps its own colour and is counted.
 */
function applyTables(tables: readonly LearnedTable[], source: Image): { readonly answer: Image; readonly unseen: number } {
  const cells = new Uint8Array(source.w * source.h)
  let unseen = 0
  for (let row = 0; row < source.h; row++) {
    for (let col = 0; col < source.w; col++) {
      let to: number | undefined
      for (let t = 0; t < tables.length && to === undefined; t++) to = tables[t]!.table.get(tables[t]!.rule.feature(source, row, col))
      if (to === undefined) unseen++
      const own = source.cells[row * source.w + col]!
      cells[row * source.w + col] = to === undefined || to === KEEP ? own : to
    }
  }
  return { answer: { x: 0, y: 0, w: source.w, h: source.h, cells }, unseen }
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
  /** Whether some test cells kept their colour because no demonstration showed their feature value. */
  readonly unseenKept: boolean
}

/** Extra cost of a combined rule over its costliest feature. */
const COMBINED_COST = 2
/**
 * A rule may leave a few test cells unseen, which keep their colour ("unseen kept"), when they are at
 * most this share of the grid: most cells of most tasks keep their colour, and measured on ARC-AGI-1
 * training such rules were right (a stamp beside a colour no demonstration had, say).
 */
const UNSEEN_KEPT_SHARE = 0.05
const UNSEEN_KEPT_COST = 3
// (Such answers rank as two-layer compositions, the rule over the input: ahead of compositions they
// cost a task on ARC-AGI-1 training for the one they gained.)

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
    const { answer, unseen } = applyTables([{ rule, table }], testSource)
    if (unseen === 0) answers.push({ name: rule.name, cost: rule.cost, answer, unseenKept: false })
  }
  if (answers.length > 0 || tables.length === 0) return answers
  const { answer, unseen } = applyTables(tables, testSource)
  const name = tables.map((t) => t.rule.name).join(' | ')
  const cost = Math.max(...tables.map((t) => t.rule.cost)) + (tables.length > 1 ? COMBINED_COST : 0)
  if (unseen === 0) answers.push({ name, cost, answer, unseenKept: false })
  else if (unseen <= UNSEEN_KEPT_SHARE * answer.cells.length) {
    answers.push({ name: `${name}, unseen kept`, cost: cost + UNSEEN_KEPT_COST, answer, unseenKept: true })
  }
  return answers
}
