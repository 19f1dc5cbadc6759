// Repairing a picture one colour partly covers, from the symmetries the rest obeys, and cutting out
// what lay under the cover.
import { describe, expect, it } from 'vitest'
import { repairCovered, uncoverPatch } from '../../../main/engine/search/dsl/grid/repair'
import { generated, image, rows } from './dsl-grid-helpers'

/** A picture symmetric about column 3.5 and row 2.5 that runs past the image's right edge. */
const offCentre = (r: number, c: number) => 1 + ((Math.min(c, 7 - c) * 3 + Math.min(r, 5 - r)) % 4)

describe('repair', () => {
  it('paints the covered cells from a mirror about a line that is not the image centre', () => {
    const whole = generated(6, 6, offCentre)
    const covered = generated(6, 6, (r, c) => (r >= 1 && r <= 2 && c >= 4 ? 9 : offCentre(r, c)))
    expect(rows(repairCovered(covered, 9))).toEqual(rows(whole))
  })

  it('paints a periodic pattern from its shifts, including a slanted lattice', () => {
    const slanted = (r: number, c: number) => 1 + ((c + 2 * r) % 5)
    const covered = generated(9, 8, (r, c) => (r >= 3 && r <= 4 && c >= 2 && c <= 5 ? 0 : slanted(r, c)))
    expect(rows(repairCovered(covered, 0))).toEqual(rows(generated(9, 8, slanted)))
  })

  it('refuses when the colour is absent, covers everything, or no symmetry reaches it', () => {
    expect(repairCovered(image([[1, 2], [3, 4]]), 9)).toBeNull()
    expect(repairCovered(image([[9, 9], [9, 9]]), 9)).toBeNull()
    // No mirror, turn or shift relates these distinct colours: nothing can be painted.
    expect(repairCovered(image([[1, 2, 3], [4, 9, 5], [6, 7, 8]]), 9)).toBeNull()
  })
})

describe('uncover', () => {
  it("cuts the repaired picture to the covering colour's bounding box, at its offset", () => {
    const covered = generated(6, 6, (r, c) => (r >= 1 && r <= 2 && c >= 4 ? 9 : offCentre(r, c)))
    const patch = uncoverPatch(covered, 9)
    expect(rows(patch)).toEqual([
      [offCentre(1, 4), offCentre(1, 5)],
      [offCentre(2, 4), offCentre(2, 5)]
    ])
    expect([patch?.x, patch?.y]).toEqual([4, 1])
  })

  it('refuses when a covered cell has no uncovered image', () => {
    expect(uncoverPatch(image([[1, 2, 3], [4, 9, 5], [6, 7, 8]]), 9)).toBeNull()
  })
})
