// Execution providers by name, with what each needs, so an unavailable one gets an actionable error.

export const EXECUTION_PROVIDERS = ['cpu', 'webgpu', 'cuda', 'dml', 'coreml'] as const
export type ExecutionProviderName = (typeof EXECUTION_PROVIDERS)[number]

export const PROVIDER_REQUIREMENTS: Readonly<Record<ExecutionProviderName, string>> = {
  cpu: 'nothing: it is always available',
  webgpu: 'a GPU with a Vulkan (Linux), Direct3D 12 (Windows) or Metal (macOS) driver; bundled with onnxruntime-node',
  cuda: 'an NVIDIA GPU, CUDA 12 and cuDNN 9, and the CUDA provider libraries (npm run install:cuda; Linux x64 only)',
  dml: 'Windows with DirectML (Direct3D 12)',
  coreml: 'macOS with Core ML'
}

export function isExecutionProvider(value: unknown): value is ExecutionProviderName {
  return typeof value === 'string' && (EXECUTION_PROVIDERS as readonly string[]).includes(value)
}

export class ProviderUnavailableError extends Error {
  constructor(
    readonly provider: string,
    detail: string
  ) {
    super(
      isExecutionProvider(provider)
        ? `execution provider "${provider}" is unavailable: ${detail}. It needs ${PROVIDER_REQUIREMENTS[provider]}`
        : `unknown execution provider "${provider}": choose one of ${EXECUTION_PROVIDERS.join(', ')}`
    )
  }
}
