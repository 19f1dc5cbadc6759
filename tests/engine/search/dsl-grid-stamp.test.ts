// Templates: fragments completed to the whole template (turned too), the template stamped on lone
// markers, and one-colour silhouettes painted as the template of their shape.
import { describe, expect, it } from 'vitest'
import { completeCopies, paintSilhouettes, stampOnMarkers } from '../../../main/engine/search/dsl/grid/stamp'
import { image, rows } from './dsl-grid-helpers'

describe('complete_copies', () => {
  it('completes each fragment where exactly one placement of the template explains it', () => {
    const start = image([
      [1, 2, 1, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 2, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [0, 1, 0, 1, 0, 0, 0]
    ])
    // The lone 2 has one placement (the template's middle); the pair of 1s two apart has one too.
    expect(rows(completeCopies(start))).toEqual([
      [1, 2, 1, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 1, 2, 1, 0],
      [0, 0, 0, 0, 0, 0, 0],
      [0, 1, 2, 1, 0, 0, 0]
    ])
  })

  it('leaves a fragment that two placements explain, and refuses a picture with no template', () => {
    const ambiguous = image([
      [1, 2, 1, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 1, 0, 0]
    ])
    expect(completeCopies(ambiguous)).toBeNull()
    expect(completeCopies(image([[3, 0, 3]]))).toBeNull()
  })

  it('with turns, completes a fragment of a rotated copy, not counting the fragment as a template', () => {
    const start = image([
      [1, 2, 2, 0, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 2],
      [0, 0, 0, 0, 0]
    ])
    expect(completeCopies(start)).toBeNull()
    expect(rows(completeCopies(start, true))).toEqual([
      [1, 2, 2, 0, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 2],
      [0, 0, 0, 0, 2]
    ])
  })
})

describe('stamp_on_markers', () => {
  it('stamps the template centred on every lone cell', () => {
    const start = image([
      [0, 1, 0, 0, 0, 0],
      [1, 2, 1, 0, 0, 0],
      [0, 1, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 5, 0],
      [0, 0, 0, 0, 0, 0]
    ])
    expect(rows(stampOnMarkers(start))).toEqual([
      [0, 1, 0, 0, 0, 0],
      [1, 2, 1, 0, 0, 0],
      [0, 1, 0, 0, 0, 0],
      [0, 0, 0, 0, 1, 0],
      [0, 0, 0, 1, 2, 1],
      [0, 0, 0, 0, 1, 0]
    ])
  })

  it('refuses an even-sided template and a picture with no marker', () => {
    expect(stampOnMarkers(image([[1, 2, 0, 5]]))).toBeNull()
    expect(stampOnMarkers(image([[1, 2, 1]]))).toBeNull()
  })
})

describe('paint_silhouettes', () => {
  it('paints each one-colour object of a template shape as the template', () => {
    const start = image([
      [1, 2, 0, 5, 5],
      [3, 0, 0, 5, 0],
      [0, 0, 0, 0, 0],
      [5, 5, 5, 0, 0]
    ])
    expect(rows(paintSilhouettes(start))).toEqual([
      [1, 2, 0, 1, 2],
      [3, 0, 0, 3, 0],
      [0, 0, 0, 0, 0],
      [5, 5, 5, 0, 0]
    ])
  })
})
