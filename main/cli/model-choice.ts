// Which model a command uses: --model DIR, else the bundled default, else (until a trained model
// ships) the default config at its seeded initial weights, which the caller must announce.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_MODEL_CONFIG } from '../engine/model/config'
import { CONFIG_FILE, loadModel, type LoadedModel } from '../engine/model/model-files'
import { initialWeights, parameterTable } from '../engine/model/parameters'
import { BUNDLED_MODEL_PATH } from './project-paths'

export interface ModelChoice {
  readonly model: LoadedModel
  /** Set when no trained model was found and the initial weights are used. */
  readonly notice?: string
}

export const INITIAL_MODEL_SEED = 0

export function initialModel(): LoadedModel {
  const weights = initialWeights(DEFAULT_MODEL_CONFIG, INITIAL_MODEL_SEED)
  const hash = createHash('sha256')
  for (const p of parameterTable(DEFAULT_MODEL_CONFIG)) hash.update(new Uint8Array(weights.get(p.name)!.buffer))
  return { id: `initial-seed-${INITIAL_MODEL_SEED}`, dir: '', config: DEFAULT_MODEL_CONFIG, weights, hash: hash.digest('hex') }
}

export async function chooseModel(dir: string | undefined): Promise<ModelChoice> {
  if (dir !== undefined) return { model: await loadModel(dir) }
  if (existsSync(join(BUNDLED_MODEL_PATH, CONFIG_FILE))) return { model: await loadModel(BUNDLED_MODEL_PATH) }
  return {
    model: initialModel(),
    notice: `no trained model is bundled yet (${BUNDLED_MODEL_PATH}); adapting the default architecture from its seeded initial weights, so expect few tasks solved`
  }
}
