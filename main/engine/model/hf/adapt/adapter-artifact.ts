// A task's trained adapter of a Hugging Face model as a run artifact (`ttt.saveAdapters`): a PEFT
// folder `<log>.artifacts/<run id>/<task id>.peft/` (adapter_config.json, adapter_model.safetensors)
// that PEFT's `PeftModel.from_pretrained(base, folder)` loads; the weights file is recorded in the log.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { artifactFolder } from '../../../experiment/adapter-artifacts'
import type { ExperimentLog } from '../../../store'
import type { HfLoraConfig } from '../graphs'
import type { LoadedHfModel } from '../model-folder'
import { ADAPTER_WEIGHTS, writePeftAdapter } from '../peft-adapter'

export function saveHfAdapterArtifact(
  log: ExperimentLog,
  runId: string,
  taskId: string,
  model: LoadedHfModel,
  lora: HfLoraConfig,
  adapters: ReadonlyMap<string, Float32Array>
): string {
  const folder = join(artifactFolder(log, runId), `${taskId.replace(/[^\w.-]/g, '_')}.peft`)
  writePeftAdapter(folder, model.config, lora, adapters, model.dir)
  const file = join(folder, ADAPTER_WEIGHTS)
  const bytes = readFileSync(file)
  log.addArtifact(runId, {
    kind: 'adapter',
    path: file,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    taskId
  })
  return folder
}
