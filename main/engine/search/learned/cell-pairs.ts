// Two images combined cell by cell through a table learned from the demonstrations: output cell =
// table[(colour in a, colour in b)]. This is every logical combination of two halves (and, or, xor,
// "a over b"), with any output colours, in one rule: `combine(half(x, left), half(x, right), {...})`.
// As with the other learned rules, a test pair no demonstration showed rejects the rule, and a table
// that reads one image only is left to the colour maps (recolour.ts).
import type { Image } from '../image'
import { supported } from './local-rule'

/** One source for the combination: its images per demonstration, its test image, its program and cost. */
export interface PairSource {
  readonly demos: readonly Image[]
  readonly test: Image
  readonly program: string
  readonly cost: number
}

export interface CellPairAnswer {
  readonly program: string
  readonly answer: Image
  readonly cost: number
}

/** Most sources paired (the cheapest): pairs grow with the square of it. */
const MAX_SOURCES = 120
/** Cost of the combination itself, over its sources' costs. */
const PAIR_COST = 3
const UNSEEN = 255

function sameSize(a: Image, b: Image): boolean {
  return a.w === b.w && a.h === b.h
}

/** The table (a * 10 + b) -> output colour over every demonstration cell; false on a contradiction or too few cells per entry. */
function learnPairTable(a: PairSource, b: PairSource, targets: readonly Image[], table: Uint8Array): boolean {
  table.fill(UNSEEN)
  for (let g = 0; g < targets.length; g++) {
    const x = a.demos[g]!.cells
    const y = b.demos[g]!.cells
    const out = targets[g]!.cells
    for (let i = 0; i < out.length; i++) {
      const key = x[i]! * 10 + y[i]!
      const known = table[key]!
      if (known === UNSEEN) table[key] = out[i]!
      else if (known !== out[i]) return false
    }
  }
  let entries = 0
  for (let key = 0; key < 100; key++) if (table[key] !== UNSEEN) entries++
  return supported(entries, a.demos)
}

/** Whether the table's output follows from one side alone (then a colour map of that side says it). */
function readsOneSide(table: Uint8Array): boolean {
  let firstOnly = true
  let secondOnly = true
  for (let a = 0; a < 10; a++) {
    for (let b = 0; b < 10; b++) {
      const v = table[a * 10 + b]!
      if (v === UNSEEN) continue
      for (let c = 0; c < 10; c++) {
        const sameA = table[a * 10 + c]!
        const sameB = table[c * 10 + b]!
        if (sameA !== UNSEEN && sameA !== v) firstOnly = false
        if (sameB !== UNSEEN && sameB !== v) secondOnly = false
      }
    }
  }
  return firstOnly || secondOnly
}

function tableText(table: Uint8Array): string {
  const pairs: string[] = []
  for (let key = 0; key < 100; key++) if (table[key] !== UNSEEN) pairs.push(`${Math.floor(key / 10)}${key % 10}->${table[key]}`)
  return `{${pairs.join(', ')}}`
}

/**
 * Every pair of `sources` (images of the outputs' sizes in every demonstration) whose cells combine
 * through one learned table into every demonstration output, and whose test images only hold pairs
 * that the demonstrations showed; cheapest sources first.
 */
export function cellPairAnswers(sources: readonly PairSource[], targets: readonly Image[]): CellPairAnswer[] {
  const usable = sources
    .filter((s) => s.demos.every((d, g) => sameSize(d, targets[g]!)))
    .sort((p, q) => p.cost - q.cost)
    .slice(0, MAX_SOURCES)
  const answers: CellPairAnswer[] = []
  const table = new Uint8Array(100)
  for (let i = 0; i < usable.length; i++) {
    for (let j = i + 1; j < usable.length; j++) {
      const a = usable[i]!
      const b = usable[j]!
      if (!sameSize(a.test, b.test) || !learnPairTable(a, b, targets, table) || readsOneSide(table)) continue
      const cells = new Uint8Array(a.test.cells.length)
      let covered = true
      for (let k = 0; k < cells.length && covered; k++) {
        const v = table[a.test.cells[k]! * 10 + b.test.cells[k]!]!
        covered = v !== UNSEEN
        cells[k] = v
      }
      if (!covered) continue
      answers.push({
        program: `combine(${a.program}, ${b.program}, ${tableText(table)})`,
        answer: { x: 0, y: 0, w: a.test.w, h: a.test.h, cells },
        cost: a.cost + b.cost + PAIR_COST
      })
    }
  }
  return answers
}
