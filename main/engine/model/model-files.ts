// A model on disk: `model.safetensors` (weights), `config.json` (ArcModelConfig) and, for shipped
// models, a `README.md` model card. The model id is the folder name; its hash is the sha256 of the
// safetensors bytes, so a run records exactly which weights it used.
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { modelConfigProblems, type ArcModelConfig } from './config'
import { parameterTable, type Weights } from './parameters'
import { decodeSafetensors, encodeSafetensors, type NamedTensor } from './safetensors'

export const WEIGHTS_FILE = 'model.safetensors'
export const CONFIG_FILE = 'config.json'

export interface LoadedModel {
  readonly id: string
  readonly dir: string
  readonly config: ArcModelConfig
  readonly weights: Weights
  /** sha256 of the weights file. */
  readonly hash: string
}

export class ModelFileError extends Error {}

export function weightsHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Writes weights and config atomically (temp files renamed into place). Returns the hash. */
export async function saveModel(
  dir: string,
  config: ArcModelConfig,
  weights: Weights,
  metadata: Record<string, string> = {}
): Promise<string> {
  await mkdir(dir, { recursive: true })
  const tensors = new Map<string, NamedTensor>(parameterTable(config).map((p) => [p.name, { shape: p.shape, data: weights.get(p.name)! }]))
  const bytes = encodeSafetensors(tensors, metadata)
  const write = async (name: string, content: Uint8Array | string) => {
    const temp = join(dir, `.${name}.${process.pid}.tmp`)
    await writeFile(temp, content)
    await rename(temp, join(dir, name))
  }
  await write(CONFIG_FILE, `${JSON.stringify(config, null, 2)}\n`)
  await write(WEIGHTS_FILE, bytes)
  return weightsHash(bytes)
}

/** Loads and checks a model folder: every parameter present with its shape, nothing unknown. */
export async function loadModel(dirPath: string): Promise<LoadedModel> {
  const dir = resolve(dirPath)
  const read = async (name: string): Promise<Buffer> => {
    try {
      return await readFile(join(dir, name))
    } catch (error) {
      throw new ModelFileError(
        `${join(dir, name)}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)}); ` +
          `a model folder holds ${CONFIG_FILE} and ${WEIGHTS_FILE}`
      )
    }
  }
  let config: ArcModelConfig
  try {
    config = JSON.parse((await read(CONFIG_FILE)).toString('utf8')) as ArcModelConfig
  } catch (error) {
    if (error instanceof ModelFileError) throw error
    throw new ModelFileError(`${join(dir, CONFIG_FILE)}: not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  const problems = modelConfigProblems(config)
  if (problems.length > 0) throw new ModelFileError(`${join(dir, CONFIG_FILE)}: ${problems.join('; ')}`)
  const bytes = new Uint8Array(await read(WEIGHTS_FILE))
  let tensors: Map<string, NamedTensor>
  try {
    tensors = decodeSafetensors(bytes, join(dir, WEIGHTS_FILE)).tensors
  } catch (error) {
    throw new ModelFileError(error instanceof Error ? error.message : String(error))
  }
  const weights = new Map<string, Float32Array>()
  const mismatches: string[] = []
  for (const spec of parameterTable(config)) {
    const t = tensors.get(spec.name)
    if (!t) mismatches.push(`${spec.name} is missing`)
    else if (t.shape.length !== spec.shape.length || t.shape.some((d, i) => d !== spec.shape[i]))
      mismatches.push(`${spec.name} has shape [${t.shape}], the config needs [${spec.shape}]`)
    else weights.set(spec.name, t.data)
    tensors.delete(spec.name)
  }
  for (const extra of tensors.keys()) mismatches.push(`${extra} is not a parameter of this config`)
  if (mismatches.length > 0)
    throw new ModelFileError(
      `${join(dir, WEIGHTS_FILE)} does not match ${CONFIG_FILE}: ${mismatches.slice(0, 5).join('; ')}` +
        (mismatches.length > 5 ? `; and ${mismatches.length - 5} more` : '')
    )
  return { id: basename(dir), dir, config, weights, hash: weightsHash(bytes) }
}
