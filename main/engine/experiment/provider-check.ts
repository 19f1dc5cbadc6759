// Which execution providers work on this machine, found the only reliable way: by creating a
// session on each and running a 2x2 MatMul. Listing onnxruntime's backends is not enough (this
// Linux build lists webgpu and cuda, which fail without a Vulkan driver or the CUDA libraries).
// A run checks its provider here before it exists, so a missing GPU or library is one line in
// words, not a failed run; the engine host probes every provider once for the Adapt form.
import { Graph } from '../onnx/graph'
import * as op from '../onnx/ops'
import { serializeGraph } from '../onnx/serialize'
import { hostTensor } from '../runtime/host-tensor'
import { EXECUTION_PROVIDERS, PROVIDER_REQUIREMENTS, isExecutionProvider, type ExecutionProviderName } from '../runtime/providers'
import { GraphSession } from '../runtime/session'
import { RunSetupError } from './runner'

/** Whether a provider works here; `detail` says why not, in words, and what it needs. */
export interface ProviderStatus {
  readonly name: string
  readonly available: boolean
  readonly detail: string
}

/** A run asked for a provider that does not work on this machine: the machine lacks something, not the request. */
export class ProviderMissingError extends RunSetupError {}

const PROBE_TIMEOUT_MS = 20_000

/** onnxruntime's messages that say what is missing, in the words a user acts on. */
const KNOWN_CAUSES: readonly { readonly pattern: RegExp; readonly cause: string }[] = [
  { pattern: /Failed to get a WebGPU adapter|No supported adapters/i, cause: 'no GPU adapter was found (no GPU, or no Vulkan, Direct3D 12 or Metal driver for it)' },
  { pattern: /Failed to load shared library|cannot open shared object|providers_cuda|libcu(da|blas|dnn)/i, cause: 'the CUDA provider libraries are not installed' },
  { pattern: /no CUDA-capable device|CUDA driver version is insufficient|cudaErrorNoDevice/i, cause: 'no NVIDIA GPU with a working driver was found' },
  { pattern: /offers only ([\w, ]+)/i, cause: 'this onnxruntime-node build does not include it on this platform' },
  { pattern: /did not finish in/i, cause: 'a test graph did not finish in time' }
]

/** A provider's failure in words: the cause where onnxruntime's message is a known one, then what it needs. */
export function describeProviderFailure(provider: ExecutionProviderName, message: string): string {
  const known = KNOWN_CAUSES.find((c) => c.pattern.test(message))
  const cause = known ? known.cause : 'a test graph failed on it'
  return `${cause}. It needs ${PROVIDER_REQUIREMENTS[provider]}`
}

function probeGraph(): Uint8Array {
  const g = new Graph('provider-probe')
  const a = g.input('a', 'float32', [2, 2])
  g.output(op.MatMul(a, a, 'y'))
  return serializeGraph(g)
}

async function runProbe(provider: ExecutionProviderName, model: Uint8Array): Promise<void> {
  const session = await GraphSession.create(model, { provider, intraOpThreads: 1 })
  try {
    await session.run({ a: hostTensor(Float32Array.from([1, 2, 3, 4]), [2, 2]) })
  } finally {
    await session.release()
  }
}

/** Runs the test graph on `provider`, with a time limit. */
export async function probeProvider(provider: ExecutionProviderName): Promise<ProviderStatus> {
  if (provider === 'cpu') return { name: provider, available: true, detail: 'always available' }
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the probe did not finish in ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS)
  })
  try {
    await Promise.race([runProbe(provider, probeGraph()), timeout])
    return { name: provider, available: true, detail: 'a test graph ran on it' }
  } catch (error) {
    return { name: provider, available: false, detail: describeProviderFailure(provider, error instanceof Error ? error.message : String(error)) }
  } finally {
    clearTimeout(timer)
  }
}

export async function probeProviders(): Promise<ProviderStatus[]> {
  const statuses: ProviderStatus[] = []
  for (const provider of EXECUTION_PROVIDERS) statuses.push(await probeProvider(provider))
  return statuses
}

/** `name` when it is a provider that works here (per `probe`), else a RunSetupError in one line. */
export async function requireProvider(name: string, probe: (provider: ExecutionProviderName) => Promise<ProviderStatus>): Promise<ExecutionProviderName> {
  if (!isExecutionProvider(name)) throw new RunSetupError(`unknown execution provider "${name}": choose one of ${EXECUTION_PROVIDERS.join(', ')}`)
  const status = await probe(name)
  if (!status.available) throw new ProviderMissingError(`execution provider "${name}" is not available on this machine: ${status.detail}`)
  return name
}
