// MatMul with numpy semantics for rank >= 2: [..., M, K] x [..., K, N] -> [..., M, N], batch dims broadcast.
import type { Value } from '../graph'
import { broadcastShapes } from '../shape'
import { fail, sameDtype } from './check'

export function MatMul(a: Value, b: Value, name?: string): Value {
  const dtype = sameDtype('MatMul', [a, b])
  if (a.rank < 2 || b.rank < 2) fail('MatMul', 'inputs must have rank >= 2 (reshape vectors to matrices)', [a, b])
  const [m, k] = a.shape.slice(-2) as [number, number]
  const [k2, n] = b.shape.slice(-2) as [number, number]
  if (k !== k2) fail('MatMul', `inner dimensions differ: ${k} vs ${k2}`, [a, b])
  const batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2)) ?? fail('MatMul', 'batch dimensions do not broadcast', [a, b])
  return a.graph.addNode('MatMul', [a, b], [{ dtype, shape: [...batch, m, n] }], {}, name)[0]!
}
