// Shape and dtype checks shared by the op builders. Errors name the op, the values and their shapes.
import { GraphError, type Value } from '../graph'
import { broadcastShapes, normalizeAxis, type Shape } from '../shape'
import { isFloat, type DType } from '../dtype'

export function fail(op: string, message: string, values: readonly Value[] = []): never {
  const detail = values.length > 0 ? ` (${values.map(String).join(', ')})` : ''
  throw new GraphError(`${op}: ${message}${detail}`)
}

export function sameDtype(op: string, values: readonly Value[]): DType {
  const dtype = values[0]!.dtype
  if (values.some((v) => v.dtype !== dtype)) fail(op, 'inputs must share one dtype', values)
  return dtype
}

export function floatInput(op: string, value: Value): void {
  if (!isFloat(value.dtype)) fail(op, `expects a float tensor, got ${value.dtype}`, [value])
}

export function broadcast(op: string, values: readonly Value[]): Shape {
  const shape = broadcastShapes(...values.map((v) => v.shape))
  return shape ?? fail(op, 'shapes do not broadcast', values)
}

export function axisOf(op: string, axis: number, value: Value): number {
  return normalizeAxis(axis, value.rank) ?? fail(op, `axis ${axis} is out of range for rank ${value.rank}`, [value])
}

export function axesOf(op: string, axes: readonly number[], value: Value, rank = value.rank): number[] {
  const normalized = axes.map((a) => normalizeAxis(a, rank) ?? fail(op, `axis ${a} is out of range for rank ${rank}`, [value]))
  if (new Set(normalized).size !== normalized.length) fail(op, `repeated axes ${JSON.stringify(axes)}`, [value])
  return normalized.sort((a, b) => a - b)
}
