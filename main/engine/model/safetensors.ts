// The safetensors format (huggingface/safetensors): an 8-byte little-endian header length N, N
// bytes of JSON `{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {...}}`, then
// the tensor bytes. Only F32 is written; reading checks every offset and size, so a truncated or
// corrupt file gets an error that says what is wrong instead of garbage weights.

export interface NamedTensor {
  readonly shape: readonly number[]
  readonly data: Float32Array
}

export class SafetensorsError extends Error {}

const HEADER_LIMIT = 100 * 1024 * 1024

/** Serialises tensors in name order (deterministic bytes for a content hash). */
export function encodeSafetensors(tensors: ReadonlyMap<string, NamedTensor>, metadata: Record<string, string> = {}): Uint8Array {
  const names = [...tensors.keys()].sort()
  const header: Record<string, unknown> = { __metadata__: metadata }
  let offset = 0
  for (const name of names) {
    const t = tensors.get(name)!
    header[name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + t.data.byteLength] }
    offset += t.data.byteLength
  }
  let json = JSON.stringify(header)
  json += ' '.repeat((8 - (json.length % 8)) % 8) // keep the data 8-byte aligned, as the reference does
  const headerBytes = new TextEncoder().encode(json)
  const out = new Uint8Array(8 + headerBytes.length + offset)
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true)
  out.set(headerBytes, 8)
  let at = 8 + headerBytes.length
  for (const name of names) {
    const data = tensors.get(name)!.data
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), at)
    at += data.byteLength
  }
  return out
}

export function decodeSafetensors(
  bytes: Uint8Array,
  source: string
): { tensors: Map<string, NamedTensor>; metadata: Record<string, string> } {
  const fail = (reason: string): never => {
    throw new SafetensorsError(`${source}: ${reason}`)
  }
  if (bytes.length < 8) fail(`file is ${bytes.length} bytes, too short for a safetensors header`)
  const headerLength = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true))
  if (headerLength > HEADER_LIMIT || 8 + headerLength > bytes.length)
    fail(`header length ${headerLength} does not fit in the ${bytes.length}-byte file (truncated or not safetensors)`)
  let header: Record<string, unknown>
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength))) as Record<string, unknown>
  } catch (error) {
    return fail(`header is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  const dataStart = 8 + headerLength
  const tensors = new Map<string, NamedTensor>()
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue
    const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown }
    if (e.dtype !== 'F32') fail(`tensor ${name}: dtype ${JSON.stringify(e.dtype)} is not supported (expected F32)`)
    const shape = e.shape
    if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0))
      fail(`tensor ${name}: bad shape ${JSON.stringify(shape)}`)
    const offsets = e.data_offsets
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isInteger(o) && o >= 0))
      fail(`tensor ${name}: bad data_offsets`)
    const [begin, end] = offsets as [number, number]
    const size = (shape as number[]).reduce((a, d) => a * d, 1)
    if (end - begin !== size * 4) fail(`tensor ${name}: ${end - begin} bytes for shape [${shape}] which needs ${size * 4}`)
    if (dataStart + end > bytes.length)
      fail(`tensor ${name}: data ends at byte ${dataStart + end} but the file has ${bytes.length} (truncated)`)
    const copy = bytes.slice(dataStart + begin, dataStart + end) // aligned copy
    tensors.set(name, { shape: shape as number[], data: new Float32Array(copy.buffer, copy.byteOffset, size) })
  }
  const metadata = (header.__metadata__ ?? {}) as Record<string, string>
  return { tensors, metadata }
}
