// The object family's table: unique programs, one-line docs, and no entry that throws on the
// smallest empty inputs.
import { describe, expect, it } from 'vitest'
import { blank, type Image } from '../../../main/engine/search/image'
import { OBJECT_TRANSFORMS } from '../../../main/engine/search/dsl/objects'
import type { TransformContext } from '../../../main/engine/search/dsl/transform'

const context: TransformContext = { outputSize: { w: 1, h: 1 } }
const unknownSize: TransformContext = { outputSize: null }

describe('OBJECT_TRANSFORMS', () => {
  it('has at least 60 entries, each a unique name and argument list', () => {
    expect(OBJECT_TRANSFORMS.length).toBeGreaterThanOrEqual(60)
    const keys = OBJECT_TRANSFORMS.map((t) => `${t.name}(${t.args.join(',')})`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('documents every entry in one non-empty line and names it in lowercase with underscores', () => {
    for (const transform of OBJECT_TRANSFORMS) {
      expect(transform.doc.trim(), transform.name).not.toBe('')
      expect(transform.doc, transform.name).not.toContain('\n')
      expect(transform.name).toMatch(/^[a-z][a-z_]*$/)
      expect(transform.cost).toBeGreaterThan(0)
    }
  })

  it('returns null, never throws, on a 1x1 all-background grid and lists built from it', () => {
    const empty = blank(1, 1) as Image
    for (const transform of OBJECT_TRANSFORMS) {
      for (const ctx of [context, unknownSize]) {
        if (transform.from === 'image') expect(transform.apply(empty, ctx), transform.name).toBeNull()
        else {
          expect(transform.apply([empty], ctx), transform.name).toBeNull()
          expect(transform.apply([], ctx), transform.name).toBeNull()
        }
      }
    }
  })

  it('never throws on a 30x30 grid of many objects, and returns images of possible sizes', () => {
    const grid = blank(30, 30) as Image
    const cells = grid.cells as Uint8Array
    for (let i = 0; i < cells.length; i++) if ((i * 7) % 5 < 2) cells[i] = 1 + (i % 9)
    const size: TransformContext = { outputSize: { w: 30, h: 30 } }
    const lists = OBJECT_TRANSFORMS.filter((t) => t.from === 'image' && t.to === 'list')
    for (const cutter of lists) {
      const list = cutter.apply(grid as never, size) as readonly Image[] | null
      if (!list) continue
      for (const transform of OBJECT_TRANSFORMS) {
        if (transform.from !== 'list') continue
        const result = transform.apply(list, size)
        const images = result === null ? [] : Array.isArray(result) ? result : [result as Image]
        for (const image of images) {
          expect(image.w * image.h).toBe(image.cells.length)
          expect(image.w).toBeLessThanOrEqual(30)
          expect(image.h).toBeLessThanOrEqual(30)
        }
      }
    }
  })
})
