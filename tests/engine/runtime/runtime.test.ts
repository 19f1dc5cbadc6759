// The runtime: provider selection with actionable errors, the session cache, and the worker thread
// that keeps the caller's event loop responsive while a session runs.
import { describe, expect, it } from 'vitest'
import { Graph } from '../../../main/engine/onnx/graph'
import * as op from '../../../main/engine/onnx/ops'
import { serializeGraph } from '../../../main/engine/onnx/serialize'
import { hostTensor } from '../../../main/engine/runtime/host-tensor'
import { GraphSession, SessionCache } from '../../../main/engine/runtime/session'
import { RuntimeWorker } from '../../../main/engine/runtime/worker/worker-client'

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

describe('runtime worker', () => {
  it('gives the same result as an in-thread session', async () => {
    const model = matmulChain(3, 2)
    const feeds = { a: hostTensor(Float32Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]), [3, 3]) }
    const local = await GraphSession.create(model)
    const worker = RuntimeWorker.start()
    try {
      const remote = await worker.createSession('chain', model)
      expect(remote.provider).toBe('cpu')
      expect((await remote.run(feeds)).total!.data).toEqual((await local.run(feeds)).total!.data)
      await remote.release()
      await expect(remote.run(feeds)).rejects.toThrow('no session "chain" in the runtime worker')
    } finally {
      await worker.terminate()
      await local.release()
    }
  })

  it('keeps the caller event loop free while a long run is in progress', async () => {
    const worker = RuntimeWorker.start()
    try {
      const session = await worker.createSession('big', matmulChain(512, 24), { intraOpThreads: 1 })
      const a = hostTensor(new Float32Array(512 * 512).fill(0.001), [512, 512])
      let ticks = 0
      const timer = setInterval(() => ticks++, 2)
      let finished = false
      const run = session.run({ a }).then(() => (finished = true))
      // While the worker multiplies, this thread must keep running timers.
      await new Promise((resolve) => setTimeout(resolve, 30))
      const ticksWhileRunning = ticks
      await run
      clearInterval(timer)
      expect(finished).toBe(true)
      expect(ticksWhileRunning).toBeGreaterThanOrEqual(3)
    } finally {
      await worker.terminate()
    }
  })
})
