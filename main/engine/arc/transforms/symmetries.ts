// The 8 symmetries of the square (the dihedral group D4) as invertible grid transforms.
//
// Direction convention: rotations are CLOCKWISE, as in re-arc's DSL (`rot90`) and in how people
// describe ARC tasks. numpy's `rot90`, which marc uses, turns counter-clockwise, so marc's
// `Rotate(90)` is our `rotate-270`; the augmenter set {90, 180, 270} is the same either way.
import type { Grid } from '../types'
import { SYMMETRY_IDS, type SymmetryId } from './ids'
import { cell, gridFromCells, sizeOf, type InvertibleTransform } from './transform'

interface SymmetryRule {
  /** True when the output is width x height (rotations by 90/270, transposes). */
  readonly swapsAxes: boolean
  /**
   * Where output cell (row, col) comes from, given the INPUT grid's height and width:
   * out[row][col] = in[source[0]][source[1]].
   */
  readonly source: (row: number, col: number, height: number, width: number) => readonly [number, number]
  readonly inverse: SymmetryId
}

// One table, one rule per symmetry; `applySymmetry` below is the only code that walks grids.
const RULES: Readonly<Record<SymmetryId, SymmetryRule>> = {
  identity: { swapsAxes: false, source: (r, c) => [r, c], inverse: 'identity' },
  'rotate-90': { swapsAxes: true, source: (r, c, h) => [h - 1 - c, r], inverse: 'rotate-270' },
  'rotate-180': { swapsAxes: false, source: (r, c, h, w) => [h - 1 - r, w - 1 - c], inverse: 'rotate-180' },
  'rotate-270': { swapsAxes: true, source: (r, c, _h, w) => [c, w - 1 - r], inverse: 'rotate-90' },
  'flip-up-down': { swapsAxes: false, source: (r, c, h) => [h - 1 - r, c], inverse: 'flip-up-down' },
  'flip-left-right': { swapsAxes: false, source: (r, c, _h, w) => [r, w - 1 - c], inverse: 'flip-left-right' },
  // Mirror in the main diagonal (top-left to bottom-right).
  transpose: { swapsAxes: true, source: (r, c) => [c, r], inverse: 'transpose' },
  // Mirror in the anti-diagonal (top-right to bottom-left).
  'anti-transpose': { swapsAxes: true, source: (r, c, h, w) => [h - 1 - c, w - 1 - r], inverse: 'anti-transpose' }
}

function applySymmetry(id: SymmetryId, grid: Grid): Grid {
  const rule = RULES[id]
  const { height, width } = sizeOf(grid)
  const size = rule.swapsAxes ? { height: width, width: height } : { height, width }
  return gridFromCells(size, (row, col) => {
    const [sourceRow, sourceCol] = rule.source(row, col, height, width)
    return cell(grid, sourceRow, sourceCol)
  })
}

function makeSymmetry<Id extends SymmetryId>(id: Id): InvertibleTransform<Id> {
  const rule = RULES[id]
  const transform: InvertibleTransform<Id> = {
    id,
    outputSize: (size) => (rule.swapsAxes ? { height: size.width, width: size.height } : size),
    apply: (grid) => applySymmetry(id, grid),
    invert: (grid) => applySymmetry(rule.inverse, grid)
  }
  return Object.freeze(transform)
}

/** The symmetry with this id; `symmetry('rotate-90').invert` is rotate-270, the others undo themselves. */
export function symmetry<Id extends SymmetryId>(id: Id): InvertibleTransform<Id> {
  // Ids arrive from JSON and the command line too, so an unknown one gets a message, not a crash later.
  if (!Object.hasOwn(RULES, id)) throw new RangeError(`unknown symmetry id "${id}": expected one of ${SYMMETRY_IDS.join(', ')}`)
  return makeSymmetry(id)
}

/** The id of the symmetry that undoes `id`. */
export function inverseSymmetryId(id: SymmetryId): SymmetryId {
  return RULES[id].inverse
}

/** All 8 symmetries, identity first, in the order of SYMMETRY_IDS. */
export function allSymmetries(): readonly InvertibleTransform<SymmetryId>[] {
  return SYMMETRY_IDS.map((id) => symmetry(id))
}
