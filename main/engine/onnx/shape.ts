// Static shapes: every value in a graph has a fully known shape. Helpers for broadcasting and axes.

export type Shape = readonly number[]

export function formatShape(shape: Shape): string {
  return `[${shape.join(',')}]`
}

export function sizeOf(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1)
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i])
}

/** Numpy-style multidirectional broadcasting; undefined when the shapes are incompatible. */
export function broadcastShapes(...shapes: Shape[]): Shape | undefined {
  const rank = Math.max(...shapes.map((s) => s.length))
  const result: number[] = []
  for (let i = 0; i < rank; i++) {
    let dim = 1
    for (const shape of shapes) {
      const d = shape[shape.length - rank + i] ?? 1
      if (d === 1) continue
      if (dim !== 1 && dim !== d) return undefined
      dim = d
    }
    result.push(dim)
  }
  return result
}

/** Maps a possibly negative axis into 0..rank-1; undefined when out of range. */
export function normalizeAxis(axis: number, rank: number): number | undefined {
  const a = axis < 0 ? axis + rank : axis
  return Number.isInteger(a) && a >= 0 && a < rank ? a : undefined
}
