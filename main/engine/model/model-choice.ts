// Which model a run uses: a folder the user names, else the bundled default, else (until a trained
// model ships) the default architecture at its seeded initial weights, which the caller announces.
// One rule for `arc-ttt run`, the engine host and the Adapt view's model list (model-catalog.ts).
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_MODEL_CONFIG, modelConfigProblems, type ArcModelConfig } from './config'
import { CONFIG_FILE, WEIGHTS_FILE, loadModel, type LoadedModel } from './model-files'
import { initialWeights, parameterTable } from './parameters'

/** The bundled model (a sub-folder of the models folder) a run uses when none is named. */
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

/** `dir` when given ('' = the initial weights), else the bundled default of `modelsDir`, else the initial weights with a notice. */
export async function chooseModel(modelsDir: string, dir: string | undefined): Promise<ModelChoice> {
  if (dir === '') return { model: initialModel() }
  if (dir !== undefined) return { model: await loadModel(dir) }
  const bundledDir = join(modelsDir, DEFAULT_MODEL_NAME)
  if (existsSync(join(bundledDir, CONFIG_FILE))) return { model: await loadModel(bundledDir) }
  return {
    model: initialModel(),
    notice:
      `no trained model is bundled yet (${bundledDir}); adapting the default architecture from its seeded initial weights, ` +
      'so expect few tasks solved'
  }
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
