// The models a run can choose from, as the Adapt view lists them: the bundled model folders
// (config.json + model.safetensors) and the default architecture at its seeded initial weights.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_MODEL_CONFIG, type ArcModelConfig } from './config'
import { DEFAULT_MODEL_NAME, INITIAL_MODEL_ID, readModelConfig } from './model-choice'
import { parameterCount } from './parameters'
import { isHfModelFolder, readHfConfig } from './hf/model-folder'
import { hfParameterCount } from './hf/parameters'

export interface ModelCatalogEntry {
  /** Folder of config.json + model.safetensors; '' for the seeded initial weights. */
  readonly dir: string
  readonly id: string
  readonly isDefault: boolean
  readonly parameterCount: number
  readonly summary: string
}

function describeConfig(config: ArcModelConfig): string {
  return `${config.layers} layers, d_model ${config.channels}, ${config.heads} heads, context ${config.contextBuckets.at(-1)}`
}

/** A Hugging Face checkpoint folder (Llama, Mistral, Qwen2); undefined for an architecture the engine cannot run. */
function hfEntry(dir: string, id: string): ModelCatalogEntry | undefined {
  try {
    const c = readHfConfig(dir)
    const heads = `${c.heads} heads (${c.keyValueHeads} key-value)`
    const summary = `${c.architecture}, ${c.layers} layers, hidden ${c.channels}, ${heads}, Hugging Face checkpoint`
    return { dir, id, isDefault: false, parameterCount: hfParameterCount(c), summary }
  } catch {
    return undefined
  }
}

/** The bundled models (sub-folders of `modelsDir`), then the initial weights; exactly one is the default. */
export async function modelCatalog(modelsDir: string): Promise<ModelCatalogEntry[]> {
  const folders = await readdir(modelsDir, { withFileTypes: true }).catch(() => [])
  const models: ModelCatalogEntry[] = []
  for (const folder of folders.filter((f) => f.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = join(modelsDir, folder.name)
    const config = await readModelConfig(dir)
    if (!config) {
      const hf = isHfModelFolder(dir) ? hfEntry(dir, folder.name) : undefined
      if (hf) models.push(hf)
      continue
    }
    const summary = `${describeConfig(config)} (bundled)`
    models.push({ dir, id: folder.name, isDefault: folder.name === DEFAULT_MODEL_NAME, parameterCount: parameterCount(config), summary })
  }
  const hasDefault = models.some((m) => m.isDefault)
  models.push({
    dir: '',
    id: INITIAL_MODEL_ID,
    isDefault: !hasDefault,
    parameterCount: parameterCount(DEFAULT_MODEL_CONFIG),
    summary: `${describeConfig(DEFAULT_MODEL_CONFIG)}, untrained: seeded initial weights (a baseline; expect few tasks solved)`
  })
  return models
}
