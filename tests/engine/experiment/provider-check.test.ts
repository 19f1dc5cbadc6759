// A provider that does not work is said in words (what is missing, then what it needs), never as
// onnxruntime's raw message, and a run asking for it is refused before it exists.
import { describe, expect, it } from 'vitest'
import {
  ProviderMissingError,
  describeProviderFailure,
  requireProvider,
  type ProviderStatus
} from '../../../main/engine/experiment/provider-check'
import { RunSetupError } from '../../../main/engine/experiment/runner'
import { PROVIDER_REQUIREMENTS } from '../../../main/engine/runtime/providers'

// onnxruntime-node 1.2x's own messages on a Linux machine without Vulkan or the CUDA libraries.
const WEBGPU_RAW =
  'onnxruntime::webgpu::WebGpuContext::Initialize(const onnxruntime::webgpu::WebGpuContextConfig&)::<lambda()> ' +
  'adapter_result.status == wgpu::RequestAdapterStatus::Success was false. Failed to get a WebGPU adapter: No supported adapters'
const CUDA_RAW = 'OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library'

describe('describeProviderFailure', () => {
  it.each([
    ['webgpu', WEBGPU_RAW, 'no GPU adapter was found'],
    ['cuda', CUDA_RAW, 'the CUDA provider libraries are not installed'],
    ['coreml', 'this onnxruntime-node build on linux/x64 offers only cpu, webgpu, cuda', 'this onnxruntime-node build does not include it'],
    ['dml', 'something onnxruntime never said before', 'a test graph failed on it']
  ] as const)('%s: the cause in words, then what it needs', (provider, raw, cause) => {
    const words = describeProviderFailure(provider, raw)
    expect(words.startsWith(cause)).toBe(true)
    expect(words.endsWith(`. It needs ${PROVIDER_REQUIREMENTS[provider]}`)).toBe(true)
    expect(words).not.toMatch(/onnxruntime::|Ort[A-Z]|wgpu/)
  })
})

describe('requireProvider', () => {
  const probe = async (name: string): Promise<ProviderStatus> =>
    name === 'webgpu'
      ? { name, available: false, detail: describeProviderFailure('webgpu', WEBGPU_RAW) }
      : { name, available: true, detail: 'ran' }

  it('passes a provider that works, refuses one that does not and an unknown name, in one line each', async () => {
    expect(await requireProvider('cuda', probe)).toBe('cuda')
    const missing = requireProvider('webgpu', probe)
    await expect(missing).rejects.toThrow(ProviderMissingError)
    await expect(missing).rejects.toThrow(/^execution provider "webgpu" is not available on this machine: no GPU adapter was found/)
    await expect(requireProvider('tpu', probe)).rejects.toThrow(RunSetupError)
    const unknown = 'unknown execution provider "tpu": choose one of cpu, webgpu, cuda, dml, coreml'
    await expect(requireProvider('tpu', probe)).rejects.toThrow(unknown)
  })
})
