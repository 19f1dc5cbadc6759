// The models a run can use: the bundled model folders (config.json + model.safetensors), any folder
// the user names, and the default architecture at its seeded initial weights (until a trained model
// is bundled). Shared by `arc-ttt run`, the engine host and the Adapt view's model list.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_MODEL_CONFIG, modelConfigProblems, type ArcModelConfig } from '../engine/model/config'
import { CONFIG_FILE, WEIGHTS_FILE, loadModel, type LoadedModel } from '../engine/model/model-files'
import { initialWeights, parameterTable } from '../engine/model/parameters'
import type { ModelView } from './runs-contract'

/** The bundled model a run uses when none is named. */
export const DEFAULT_MODEL_NAME = 'arc-base'
export const INITIAL_MODEL_SEED = 0
export const INITIAL_MODEL_ID = `initial-seed-${INITIAL_MODEL_SEED}`

export interface ModelChoice {
  readonly model: LoadedModel
  /** Set when no trained model was found and the initial weights are used. */
  readonly notice?: string
}

export function initialModel(): LoadedModel {
  const weights = initialWeights(DEFAULT_MODEL_CONFIG, INITIAL_MODEL_SEED)
  const hash = createHash('sha256')
  for (const p of parameterTable(DEFAULT_MODEL_CONFIG)) hash.update(new Uint8Array(weights.get(p.name)!.buffer))
  return { id: INITIAL_MODEL_ID, dir: '', config: DEFAULT_MODEL_CONFIG, weights, hash: hash.digest('hex') }
}

/** `dir` when given ('' = the initial weights), else the bundled default, else the initial weights with a notice. */
export async function chooseModel(bundledDir: string, dir: string | undefined): Promise<ModelChoice> {
  if (dir === '') return { model: initialModel() }
  if (dir !== undefined) return { model: await loadModel(dir) }
  if (existsSync(join(bundledDir, CONFIG_FILE))) return { model: await loadModel(bundledDir) }
  return {
    model: initialModel(),
    notice: `no trained model is bundled yet (${bundledDir}); adapting the default architecture from its seeded initial weights, so expect few tasks solved`
  }
}

export function parameterCount(config: ArcModelConfig): number {
  return parameterTable(config).reduce((sum, p) => sum + p.shape.reduce((a, b) => a * b, 1), 0)
}

function describeConfig(config: ArcModelConfig): string {
  return `${config.layers} layers, d_model ${config.channels}, ${config.heads} heads, context ${config.contextBuckets.at(-1)}`
}

/** A model folder's config, or undefined when the folder is not a usable model. */
export async function readModelConfig(dir: string): Promise<ArcModelConfig | undefined> {
  if (!existsSync(join(dir, WEIGHTS_FILE))) return undefined
  try {
    const config = JSON.parse(await readFile(join(dir, CONFIG_FILE), 'utf8')) as ArcModelConfig
    return modelConfigProblems(config).length === 0 ? config : undefined
  } catch {
    return undefined
  }
}

/** The bundled models (sub-folders of `modelsDir`), then the initial weights; exactly one is the default. */
export async function modelCatalog(modelsDir: string): Promise<ModelView[]> {
  const folders = await readdir(modelsDir, { withFileTypes: true }).catch(() => [])
  const models: ModelView[] = []
  for (const folder of folders.filter((f) => f.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = join(modelsDir, folder.name)
    const config = await readModelConfig(dir)
    if (!config) continue
    models.push({ dir, id: folder.name, isDefault: folder.name === DEFAULT_MODEL_NAME, parameterCount: parameterCount(config), summary: `${describeConfig(config)} (bundled)` })
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
