// The tiny checkpoints made by transformers (tests/fixtures/hf-tiny, copied from
// ../shared/fixtures/hf-tiny; make_hf_fixtures.py made them) and readers for their reference files.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const FIXTURE_ROOT = join(__dirname, '../../fixtures/hf-tiny')
export const FIXTURE_MODELS = ['llama-gqa', 'qwen2-tied'] as const
export type FixtureModel = (typeof FIXTURE_MODELS)[number]

export const fixtureDir = (model: FixtureModel): string => join(FIXTURE_ROOT, model)

export interface FixtureTensor {
  readonly shape: number[]
  readonly data: Float32Array | BigInt64Array
}

/** All tensors of a small safetensors file (F32 and I64, as the reference files hold). */
export function readFixtureTensors(path: string): Map<string, FixtureTensor> {
  const bytes = readFileSync(path)
  const headerLength = Number(bytes.readBigUInt64LE(0))
  type Entry = { dtype: string; shape: number[]; data_offsets: [number, number] }
  const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as Record<string, Entry>
  const tensors = new Map<string, FixtureTensor>()
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue
    const copy = bytes.subarray(8 + headerLength + entry.data_offsets[0], 8 + headerLength + entry.data_offsets[1])
    const aligned = new Uint8Array(copy).buffer
    if (entry.dtype === 'F32') tensors.set(name, { shape: entry.shape, data: new Float32Array(aligned) })
    else if (entry.dtype === 'I64') tensors.set(name, { shape: entry.shape, data: new BigInt64Array(aligned) })
    else throw new Error(`${path}: ${name} has dtype ${entry.dtype}, the test reader takes F32 and I64`)
  }
  return tensors
}

export interface Reference {
  readonly lora: { readonly r: number; readonly alpha: number; readonly targets: string[] }
  readonly adamw: { readonly lr: number; readonly betas: [number, number]; readonly eps: number; readonly weight_decay: number }
  readonly losses: { readonly before_step_1: number; readonly before_step_2: number; readonly after_step_2: number }
}

export function readReference(model: FixtureModel): Reference {
  return JSON.parse(readFileSync(join(fixtureDir(model), 'reference.json'), 'utf8')) as Reference
}

/** Largest absolute difference between two equally long arrays. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`)
  let worst = 0
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!))
  return worst
}
