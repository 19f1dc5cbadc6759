// Which model a command uses: --model DIR, else the bundled default, else (until a trained model
// ships) the default config at its seeded initial weights, which the caller must announce. The
// logic is shared with the workbench's engine host (main/api/models.ts).
import { chooseModel as chooseModelIn, type ModelChoice } from '../api/models'
import { BUNDLED_MODEL_PATH } from './project-paths'

export { INITIAL_MODEL_SEED, initialModel, type ModelChoice } from '../api/models'

export async function chooseModel(dir: string | undefined): Promise<ModelChoice> {
  return chooseModelIn(BUNDLED_MODEL_PATH, dir)
}
