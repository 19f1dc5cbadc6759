// Which execution providers work on this machine, found the only reliable way: by creating a
// session on each and running a 2x2 MatMul, in a child process (runtime/provider-probe.ts). Listing
// onnxruntime's backends is not enough (this Linux build lists webgpu and cuda, which fail without a
// Vulkan driver or the CUDA libraries).
// A run checks its provider here before it exists, so a missing GPU or library is one line in
// words, not a failed run; the engine host probes every provider once for the Adapt form.
import { probeExecutionProvider } from '../runtime/provider-probe'
import { EXECUTION_PROVIDERS, PROVIDER_REQUIREMENTS, isExecutionProvider, type ExecutionProviderName } from '../runtime/providers'
import { RunSetupError } from './runner'

/** Whether a provider works here; `detail` says why not, in words, and what it needs. */
export interface ProviderStatus {
  readonly name: string
  readonly available: boolean
  readonly detail: string
}

/** A run asked for a provider that does not work on this machine: the machine lacks something, not the request. */
export class ProviderMissingError extends RunSetupError {}

/** onnxruntime's messages that say what is missing, in the words a user acts on. */
const KNOWN_CAUSES: readonly { readonly pattern: RegExp; readonly cause: string }[] = [
  {
    pattern: /Failed to get a WebGPU adapter|No supported adapters/i,
    cause: 'no GPU adapter was found (no GPU, or no Vulkan, Direct3D 12 or Metal driver for it)'
  },
  {
    pattern: /Failed to load shared library|cannot open shared object|providers_cuda|libcu(da|blas|dnn)/i,
    cause: 'the CUDA provider libraries are not installed'
  },
  {
    pattern: /no CUDA-capable device|CUDA driver version is insufficient|cudaErrorNoDevice/i,
    cause: 'no NVIDIA GPU with a working driver was found'
  },
  { pattern: /offers only ([\w, ]+)/i, cause: 'this onnxruntime-node build does not include it on this platform' },
  { pattern: /did not finish in/i, cause: 'a test graph did not finish in time' }
]

/** A provider's failure in words: the cause where onnxruntime's message is a known one, then what it needs. */
export function describeProviderFailure(provider: ExecutionProviderName, message: string): string {
  const known = KNOWN_CAUSES.find((c) => c.pattern.test(message))
  const cause = known ? known.cause : 'a test graph failed on it'
  return `${cause}. It needs ${PROVIDER_REQUIREMENTS[provider]}`
}

/** Runs the test graph on `provider` in a child process, so a failing provider prints nothing here. */
export async function probeProvider(provider: ExecutionProviderName): Promise<ProviderStatus> {
  if (provider === 'cpu') return { name: provider, available: true, detail: 'always available' }
  const outcome = await probeExecutionProvider(provider)
  if (outcome.ok) return { name: provider, available: true, detail: 'a test graph ran on it' }
  return { name: provider, available: false, detail: describeProviderFailure(provider, outcome.reason) }
}

/** Every provider's status; the probes run side by side, each in its own child process. */
export function probeProviders(): Promise<ProviderStatus[]> {
  return Promise.all(EXECUTION_PROVIDERS.map((provider) => probeProvider(provider)))
}

/** `name` when it is a provider that works here (per `probe`), else a RunSetupError in one line. */
export async function requireProvider(
  name: string,
  probe: (provider: ExecutionProviderName) => Promise<ProviderStatus>
): Promise<ExecutionProviderName> {
  if (!isExecutionProvider(name))
    throw new RunSetupError(`unknown execution provider "${name}": choose one of ${EXECUTION_PROVIDERS.join(', ')}`)
  const status = await probe(name)
  if (!status.available) throw new ProviderMissingError(`execution provider "${name}" is not available on this machine: ${status.detail}`)
  return name
}
