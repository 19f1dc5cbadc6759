// Reads tensors from a safetensors file one at a time (huggingface/safetensors: an 8-byte
// little-endian header length N, N bytes of JSON {name: {dtype, shape, data_offsets}}, then the
// data). Only the header is read on open; each tensor is read from disk when asked for and
// converted to float32, so loading a model needs its float32 size plus one tensor, not the file
// twice. F32, F16 and BF16 are read; every offset is checked against the file's size.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

export type StoredDtype = 'F32' | 'F16' | 'BF16'
const BYTES: Readonly<Record<StoredDtype, number>> = { F32: 4, F16: 2, BF16: 2 }
const HEADER_LIMIT = 100 * 1024 * 1024

export interface StoredTensor {
  readonly name: string
  readonly dtype: StoredDtype
  readonly shape: readonly number[]
  /** Absolute byte range in the file. */
  readonly begin: number
  readonly end: number
}

export class SafetensorsReadError extends Error {}

export class SafetensorsFile {
  private constructor(
    readonly path: string,
    private descriptor: number,
    readonly tensors: ReadonlyMap<string, StoredTensor>,
    readonly metadata: Readonly<Record<string, string>>
  ) {}

  /** Opens `path` and checks its header; tensors are read later by `read`. */
  static open(path: string): SafetensorsFile {
    const fail = (reason: string): never => {
      throw new SafetensorsReadError(`${path}: ${reason}`)
    }
    let descriptor: number
    try {
      descriptor = openSync(path, 'r')
    } catch (error) {
      return fail(`cannot open (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
    }
    try {
      const size = fstatSync(descriptor).size
      if (size < 8) fail(`file is ${size} bytes, too short for a safetensors header`)
      const lengthBytes = Buffer.alloc(8)
      readSync(descriptor, lengthBytes, 0, 8, 0)
      const headerLength = Number(lengthBytes.readBigUInt64LE(0))
      if (headerLength > HEADER_LIMIT || 8 + headerLength > size)
        fail(`header length ${headerLength} does not fit in the ${size}-byte file (truncated or not safetensors)`)
      const headerBytes = Buffer.alloc(headerLength)
      readSync(descriptor, headerBytes, 0, headerLength, 8)
      let header: Record<string, unknown>
      try {
        header = JSON.parse(headerBytes.toString('utf8')) as Record<string, unknown>
      } catch (error) {
        return fail(`header is not valid JSON (${error instanceof Error ? error.message : String(error)})`)
      }
      const tensors = new Map<string, StoredTensor>()
      for (const [name, entry] of Object.entries(header)) {
        if (name === '__metadata__') continue
        tensors.set(name, checkEntry(name, entry, 8 + headerLength, size, fail))
      }
      return new SafetensorsFile(path, descriptor, tensors, (header.__metadata__ ?? {}) as Record<string, string>)
    } catch (error) {
      closeSync(descriptor)
      throw error
    }
  }

  /** The tensor's values as float32 (F16 and BF16 widened exactly). */
  read(name: string): Float32Array {
    const tensor = this.tensors.get(name)
    if (!tensor) throw new SafetensorsReadError(`${this.path}: no tensor ${name}`)
    const bytes = Buffer.alloc(tensor.end - tensor.begin)
    let done = 0
    while (done < bytes.length) {
      const got = readSync(this.descriptor, bytes, done, bytes.length - done, tensor.begin + done)
      if (got === 0) throw new SafetensorsReadError(`${this.path}: tensor ${name} ends early (the file was truncated while reading)`)
      done += got
    }
    return toFloat32(bytes, tensor.dtype)
  }

  close(): void {
    if (this.descriptor >= 0) closeSync(this.descriptor)
    this.descriptor = -1
  }
}

function checkEntry(name: string, entry: unknown, dataStart: number, fileSize: number, fail: (reason: string) => never): StoredTensor {
  const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown }
  const dtype = e.dtype as StoredDtype
  if (!(dtype in BYTES)) fail(`tensor ${name}: dtype ${JSON.stringify(e.dtype)} is not supported (F32, F16 and BF16 are)`)
  const shape = e.shape
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) fail(`tensor ${name}: bad shape ${JSON.stringify(shape)}`)
  const offsets = e.data_offsets
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isInteger(o) && o >= 0))
    fail(`tensor ${name}: bad data_offsets`)
  const [begin, end] = offsets as [number, number]
  const needed = (shape as number[]).reduce((a, d) => a * d, 1) * BYTES[dtype]
  if (end - begin !== needed) fail(`tensor ${name}: ${end - begin} bytes for ${dtype} [${shape}], which needs ${needed}`)
  if (dataStart + end > fileSize) fail(`tensor ${name}: data ends at byte ${dataStart + end} but the file has ${fileSize} (truncated)`)
  return { name, dtype, shape: shape as number[], begin: dataStart + begin, end: dataStart + end }
}

/** Little-endian F32/F16/BF16 bytes to float32. */
export function toFloat32(bytes: Buffer, dtype: StoredDtype): Float32Array {
  const count = bytes.length / BYTES[dtype]
  if (dtype === 'F32') {
    const out = new Float32Array(count)
    new Uint8Array(out.buffer).set(bytes)
    return out
  }
  const halves = new Uint16Array(count)
  new Uint8Array(halves.buffer).set(bytes)
  if (dtype === 'BF16') {
    // bfloat16 is the top half of a float32.
    const bits = new Uint32Array(count)
    for (let i = 0; i < count; i++) bits[i] = halves[i]! << 16
    return new Float32Array(bits.buffer)
  }
  const out = new Float32Array(count)
  for (let i = 0; i < count; i++) out[i] = halfToFloat(halves[i]!)
  return out
}

/** IEEE 754 binary16 to a number (subnormals, infinities and NaN included). */
function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1
  const exponent = (h >> 10) & 0x1f
  const fraction = h & 0x3ff
  if (exponent === 0) return sign * fraction * 2 ** -24
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15)
}
