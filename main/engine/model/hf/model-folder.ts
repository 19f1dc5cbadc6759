// A Hugging Face model folder: config.json, model.safetensors or the shards of
// model.safetensors.index.json, and optionally tokenizer.json. `isHfModelFolder` tells it from
// our own model folders (whose config.json has a `family` field).
import { createHash } from 'node:crypto'
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { checkpointFiles, loadCheckpointWeights } from './checkpoint'
import { HfConfigError, parseHfConfig, type HfModelConfig } from './config'
import type { StoredDtype } from './safetensors-reader'

const HF_CONFIG_FILE = 'config.json'
export const TOKENIZER_FILE = 'tokenizer.json'

export interface LoadedHfModel {
  readonly id: string
  readonly dir: string
  readonly config: HfModelConfig
  readonly weights: Map<string, Float32Array>
  /** Stored dtypes (converted to float32 on load). */
  readonly dtypes: StoredDtype[]
  readonly files: string[]
  /** sha256 over config.json and each weights file's header, size and name (not the data: see below). */
  readonly hash: string
  readonly tokenizerFile: string | undefined
}

/** Whether `dir` holds a Hugging Face checkpoint rather than one of our own models. */
export function isHfModelFolder(dir: string): boolean {
  const configPath = join(dir, HF_CONFIG_FILE)
  if (!existsSync(configPath)) return false
  try {
    const json = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>
    return json.family === undefined && (Array.isArray(json.architectures) || typeof json.model_type === 'string')
  } catch {
    return false
  }
}

export function readHfConfig(dir: string): HfModelConfig {
  const path = join(dir, HF_CONFIG_FILE)
  let json: Record<string, unknown>
  try {
    json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw new HfConfigError(`${path}: cannot read a JSON config (${error instanceof Error ? error.message : String(error)})`)
  }
  return parseHfConfig(json, path)
}

/**
 * Loads a model folder. `weightsFile` picks one file (e.g. model-bf16.safetensors) instead of the
 * folder's default. The hash covers the config and every weights file's header bytes and size: a
 * full content hash of a multi-gigabyte checkpoint would cost seconds per load, and safetensors
 * headers already pin each tensor's name, dtype, shape and offsets.
 */
export function loadHfModel(dirPath: string, options: { weightsFile?: string } = {}): LoadedHfModel {
  const dir = resolve(dirPath)
  const config = readHfConfig(dir)
  const files = checkpointFiles(dir, options.weightsFile)
  const { weights, dtypes } = loadCheckpointWeights(config, files)
  const hash = createHash('sha256').update(readFileSync(join(dir, HF_CONFIG_FILE)))
  for (const file of files) {
    hash
      .update(basename(file))
      .update(String(statSync(file).size))
      .update(headerBytes(file))
  }
  const tokenizer = join(dir, TOKENIZER_FILE)
  return {
    id: basename(dir),
    dir,
    config,
    weights,
    dtypes,
    files,
    hash: hash.digest('hex'),
    tokenizerFile: existsSync(tokenizer) ? tokenizer : undefined
  }
}

/** The 8-byte length and JSON header of a safetensors file (already checked by the loader). */
function headerBytes(file: string): Buffer {
  const descriptor = openSync(file, 'r')
  try {
    const length = Buffer.alloc(8)
    readSync(descriptor, length, 0, 8, 0)
    const header = Buffer.alloc(Number(length.readBigUInt64LE(0)))
    readSync(descriptor, header, 0, header.length, 8)
    return Buffer.concat([length, header])
  } finally {
    closeSync(descriptor)
  }
}
