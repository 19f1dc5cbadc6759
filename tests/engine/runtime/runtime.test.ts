// The runtime: provider selection with actionable errors and the session cache.
import { describe, expect, it } from 'vitest'
import { Graph } from '../../../main/engine/onnx/graph'
import * as op from '../../../main/engine/onnx/ops'
import { serializeGraph } from '../../../main/engine/onnx/serialize'
import { GraphSession, SessionCache } from '../../../main/engine/runtime/session'

function matmulChain(n: number, repeats: number): Uint8Array {
  const g = new Graph('matmul-chain')
  const a = g.input('a', 'float32', [n, n])
  let x = a
  for (let i = 0; i < repeats; i++) x = op.Tanh(op.MatMul(x, a))
  g.output(op.ReduceSum(op.Reshape(x, [n * n]), [0], false, 'total'))
  return serializeGraph(g)
}

describe('execution providers', () => {
  it('names an unknown provider and the valid ones', async () => {
    await expect(GraphSession.create(matmulChain(2, 1), { provider: 'tpu' as never })).rejects.toThrow('unknown execution provider "tpu": choose one of cpu, webgpu, cuda, dml, coreml')
  })

  it('says what an unavailable provider needs', async () => {
    const other = process.platform === 'darwin' ? 'dml' : 'coreml'
    await expect(GraphSession.create(matmulChain(2, 1), { provider: other })).rejects.toThrow(new RegExp(`execution provider "${other}" is unavailable: .* It needs`))
  })

  it('reports the provider that ran', async () => {
    const session = await GraphSession.create(matmulChain(2, 1), { provider: 'cpu', intraOpThreads: 1 })
    expect(session.provider).toBe('cpu')
    await session.release()
  })
})

describe('session cache', () => {
  it('builds each graph key once and releases everything', async () => {
    const cache = new SessionCache({ intraOpThreads: 1 })
    let builds = 0
    const build = () => {
      builds++
      return matmulChain(4, 1)
    }
    const [first, second] = await Promise.all([cache.get('chain/4', build), cache.get('chain/4', build)])
    expect(first).toBe(second)
    await cache.get('chain/8', () => matmulChain(8, 1))
    expect([builds, cache.size]).toEqual([1, 2])
    await cache.releaseAll()
    expect(cache.size).toBe(0)
  })
})
