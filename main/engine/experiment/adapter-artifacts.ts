// Saving a task's trained LoRA adapter as a run artifact (`ttt.saveAdapters`): a safetensors file in
// a folder beside the experiment log, `<log>.artifacts/<run id>/<task id>.adapter.safetensors`,
// recorded in the log with its size and hash.
import { createHash } from 'node:crypto'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArcModelConfig } from '../model/config'
import type { LoraConfig } from '../model/graphs'
import { adapterTable } from '../model/lora'
import { encodeSafetensors, type NamedTensor } from '../model/safetensors'
import type { ExperimentLog } from '../store'

export function artifactFolder(log: ExperimentLog, runId: string): string {
  return join(`${log.file}.artifacts`, runId)
}

export async function saveAdapterArtifact(
  log: ExperimentLog,
  runId: string,
  taskId: string,
  config: ArcModelConfig,
  lora: LoraConfig,
  adapters: ReadonlyMap<string, Float32Array>
): Promise<string> {
  const tensors = new Map<string, NamedTensor>(
    adapterTable(config, lora).map((a) => [a.name, { shape: a.shape, data: adapters.get(a.name)! }])
  )
  const bytes = encodeSafetensors(tensors, {
    rank: String(lora.rank),
    alpha: String(lora.alpha),
    targets: lora.targets.join(','),
    task: taskId
  })
  const folder = artifactFolder(log, runId)
  await mkdir(folder, { recursive: true })
  const file = join(folder, `${taskId.replace(/[^\w.-]/g, '_')}.adapter.safetensors`)
  await writeFile(`${file}.tmp`, bytes)
  await rename(`${file}.tmp`, file)
  log.addArtifact(runId, {
    kind: 'adapter',
    path: file,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    taskId
  })
  return file
}
