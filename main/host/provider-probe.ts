// Which execution providers work on this machine, found the only reliable way: by creating a
// session on each and running a 2x2 MatMul. Listing onnxruntime's backends is not enough (this
// Linux build lists webgpu and cuda, which fail without a Vulkan driver or the CUDA libraries).
// Runs in the engine host, where runs execute, once per host process.
import { Graph } from '../engine/onnx/graph'
import * as op from '../engine/onnx/ops'
import { serializeGraph } from '../engine/onnx/serialize'
import { hostTensor } from '../engine/runtime/host-tensor'
import { EXECUTION_PROVIDERS, PROVIDER_REQUIREMENTS } from '../engine/runtime/providers'
import { GraphSession } from '../engine/runtime/session'
import type { ProviderView } from '../api/runs-contract'

const PROBE_TIMEOUT_MS = 20_000

function probeGraph(): Uint8Array {
  const g = new Graph('provider-probe')
  const a = g.input('a', 'float32', [2, 2])
  g.output(op.MatMul(a, a, 'y'))
  return serializeGraph(g)
}

/** onnxruntime's messages carry its build paths and line numbers; the reason is what follows. */
function readable(message: string): string {
  const text = message.replace(/\/onnxruntime_src\/\S+\s*/g, '').replace(/\s+/g, ' ').trim()
  return text.length > 500 ? `${text.slice(0, 497)}...` : text
}

async function probe(provider: (typeof EXECUTION_PROVIDERS)[number], model: Uint8Array): Promise<ProviderView> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the probe did not finish in ${PROBE_TIMEOUT_MS / 1000} s. It needs ${PROVIDER_REQUIREMENTS[provider]}`)), PROBE_TIMEOUT_MS)
  })
  try {
    const work = (async () => {
      const session = await GraphSession.create(model, { provider, intraOpThreads: 1 })
      try {
        await session.run({ a: hostTensor(Float32Array.from([1, 2, 3, 4]), [2, 2]) })
      } finally {
        await session.release()
      }
    })()
    await Promise.race([work, timeout])
    return { name: provider, available: true, detail: provider === 'cpu' ? 'always available' : 'a test graph ran on it' }
  } catch (error) {
    return { name: provider, available: false, detail: readable(error instanceof Error ? error.message : String(error)) }
  } finally {
    clearTimeout(timer)
  }
}

export async function probeProviders(): Promise<ProviderView[]> {
  const model = probeGraph()
  const views: ProviderView[] = []
  for (const provider of EXECUTION_PROVIDERS) views.push(await probe(provider, model))
  return views
}
