// What the Adapt form offers: presets with their overrides, every config key with its type and
// default, the bundled models, the execution providers (probed by the engine host), and the task
// lists found next to the datasets the user has opened.
import { PRESET_DESCRIPTIONS, PRESETS } from '../engine/experiment/presets'
import { CONFIG_SCHEMA } from '../engine/experiment/schema'
import { EXECUTION_PROVIDERS } from '../engine/runtime/providers'
import { findTaskLists } from '../engine/arc/task-lists'
import { modelCatalog } from '../engine/model/model-catalog'
import type { RunHost } from './run-host'
import type { ProviderView, RunOptionsView } from './runs-contract'

export interface RunOptionsSources {
  readonly modelsDir: string
  readonly host?: RunHost
  /** Datasets to look for task lists beside: the samples and the recently opened folders. */
  readonly datasetPaths: () => Promise<readonly string[]>
}

/** Without an engine host only the CPU is known to work: nothing probed the others. */
function unprobedProviders(): ProviderView[] {
  return EXECUTION_PROVIDERS.map((name) =>
    name === 'cpu'
      ? { name, available: true, detail: 'always available' }
      : { name, available: false, detail: 'not probed: this workbench runs no engine host' }
  )
}

export async function runOptions(sources: RunOptionsSources): Promise<RunOptionsView> {
  const [models, providers, taskLists] = await Promise.all([
    modelCatalog(sources.modelsDir),
    sources.host ? sources.host.providers() : unprobedProviders(),
    sources.datasetPaths().then(findTaskLists)
  ])
  return {
    presets: Object.entries(PRESETS).map(([name, overrides]) => ({ name, description: PRESET_DESCRIPTIONS[name] ?? '', overrides })),
    schema: CONFIG_SCHEMA.map((spec) => ({ key: spec.key, type: spec.type, default: spec.default, doc: spec.doc })),
    models,
    providers,
    taskLists
  }
}
