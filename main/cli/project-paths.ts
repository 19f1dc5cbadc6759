// Locations inside the project tree, found from this file rather than the working directory, so
// the CLI works from any folder.
import { fileURLToPath } from 'node:url'
import { homedir } from 'node:os'
import { join } from 'node:path'

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const SAMPLE_TASKS_PATH = join(PROJECT_ROOT, 'resources', 'sample-tasks')

/** Per-user settings of the command line and browser mode (the recent-folders list). */
export function userSettingsDir(): string {
  return process.env.ARC_TTT_HOME ?? join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'arc-ttt')
}

/** The models shipped with the workbench, one folder each (see resources/models/README.md). */
export const BUNDLED_MODELS_DIR = join(PROJECT_ROOT, 'resources', 'models')
