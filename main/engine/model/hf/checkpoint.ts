// Loads a checkpoint's weights from one `model.safetensors` or from the shards a
// `model.safetensors.index.json` lists, one tensor at a time, checking every parameter of the
// config: missing, mismatched and unknown tensors are reported by name with both shapes.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HfModelConfig } from './config'
import { hfParameterTable, OUTPUT_HEAD } from './parameters'
import { SafetensorsFile, type StoredDtype } from './safetensors-reader'

const SINGLE_FILE = 'model.safetensors'
const SHARD_INDEX = 'model.safetensors.index.json'

export class CheckpointError extends Error {}

/** The safetensors files of a model folder (one, or the shards of the index), in a stable order. */
export function checkpointFiles(dir: string, weightsFile?: string): string[] {
  if (weightsFile) return [join(dir, weightsFile)]
  const index = join(dir, SHARD_INDEX)
  if (existsSync(index)) {
    let map: Record<string, string>
    try {
      map = (JSON.parse(readFileSync(index, 'utf8')) as { weight_map?: Record<string, string> }).weight_map ?? {}
    } catch (error) {
      throw new CheckpointError(`${index}: not valid JSON (${error instanceof Error ? error.message : String(error)})`)
    }
    const shards = [...new Set(Object.values(map))].sort()
    if (shards.length === 0) throw new CheckpointError(`${index}: "weight_map" lists no shard`)
    return shards.map((shard) => join(dir, shard))
  }
  if (existsSync(join(dir, SINGLE_FILE))) return [join(dir, SINGLE_FILE)]
  if (existsSync(join(dir, 'pytorch_model.bin'))) {
    throw new CheckpointError(
      `${dir}: only pytorch_model.bin (a pickle) is there; convert it to safetensors ` +
        '(transformers: model.save_pretrained(dir, safe_serialization=True)). Pickles are never loaded.'
    )
  }
  throw new CheckpointError(`${dir}: no ${SINGLE_FILE} or ${SHARD_INDEX}`)
}

export interface LoadedWeights {
  readonly weights: Map<string, Float32Array>
  /** Stored dtypes seen, e.g. ['BF16']. */
  readonly dtypes: StoredDtype[]
}

/** Reads every parameter of `config` from `files`, one tensor at a time. */
export function loadCheckpointWeights(config: HfModelConfig, files: readonly string[]): LoadedWeights {
  const opened = files.map((file) => SafetensorsFile.open(file))
  try {
    const where = new Map<string, SafetensorsFile>()
    for (const file of opened) for (const name of file.tensors.keys()) where.set(name, file)
    const problems: string[] = []
    const weights = new Map<string, Float32Array>()
    const dtypes = new Set<StoredDtype>()
    const expected = hfParameterTable(config)
    for (const spec of expected) {
      const file = where.get(spec.name)
      const stored = file?.tensors.get(spec.name)
      if (!file || !stored) {
        problems.push(`${spec.name} [${spec.shape}] is missing`)
        continue
      }
      if (stored.shape.length !== spec.shape.length || stored.shape.some((d, i) => d !== spec.shape[i])) {
        problems.push(`${spec.name} has shape [${stored.shape}] in ${file.path}, the config needs [${spec.shape}]`)
        continue
      }
      dtypes.add(stored.dtype)
      if (problems.length === 0) weights.set(spec.name, file.read(spec.name))
    }
    const known = new Set(expected.map((s) => s.name))
    // A tied checkpoint may still store lm_head (a copy of the embedding); rotary caches are derived.
    const ignorable = (name: string) => (config.tiedEmbeddings && name === OUTPUT_HEAD) || name.endsWith('rotary_emb.inv_freq')
    for (const name of where.keys()) if (!known.has(name) && !ignorable(name)) problems.push(`${name} is not a parameter of this config`)
    if (problems.length > 0) {
      const list = `${problems.slice(0, 6).join('; ')}${problems.length > 6 ? `; and ${problems.length - 6} more` : ''}`
      throw new CheckpointError(`${files.join(', ')} does not match the config: ${list}`)
    }
    return { weights, dtypes: [...dtypes].sort() }
  } finally {
    for (const file of opened) file.close()
  }
}
