// Pretraining checkpoints, written so that a kill at any moment leaves the last good one intact:
//
//   OUT/latest.json                        {"checkpoint": "checkpoints/step-000100"}  (the pointer)
//   OUT/checkpoints/step-000100/           a model folder (loadModel reads it) plus
//       model.safetensors, config.json       the weights and model config (saveModel)
//       optimizer.safetensors                AdamW m and v, by optimizer-state input name
//       trainer-state.json                   step, options, data fingerprint, hashes
//
// A checkpoint is written whole into a temporary folder, renamed into place, and only then is the
// pointer replaced (temp file + rename, atomic on POSIX). Older checkpoints are removed after that,
// keeping the previous one as a spare.
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ArcModelConfig } from '../model/config'
import { loadModel, saveModel, ModelFileError } from '../model/model-files'
import type { Weights } from '../model/parameters'
import { decodeSafetensors, encodeSafetensors, type NamedTensor } from '../model/safetensors'
import { hostTensor, type HostTensor } from '../runtime/host-tensor'
import type { PretrainOptions } from './options'

export const LATEST_FILE = 'latest.json'
export const OPTIMIZER_FILE = 'optimizer.safetensors'
export const TRAINER_STATE_FILE = 'trainer-state.json'
const FORMAT = 'arc-ttt-pretrain-checkpoint/1'
const CHECKPOINTS_KEPT = 2

export class CheckpointError extends Error {}

export interface TrainerState {
  readonly format: typeof FORMAT
  /** Optimizer steps done. */
  readonly step: number
  readonly options: PretrainOptions
  readonly modelConfig: ArcModelConfig
  /** datasetFingerprint of every training and held-out task, so a resume on other data is refused. */
  readonly dataFingerprint: string
  readonly heldOutTaskIds: readonly string[]
  /** Experiment-log run the metrics go to, when logging. */
  readonly runId?: string
  /** sha256 of model.safetensors and optimizer.safetensors as written. */
  readonly weightsHash: string
  readonly optimizerHash: string
}

export interface Checkpoint {
  readonly dir: string
  readonly state: TrainerState
  readonly weights: Weights
  readonly optimizerState: Map<string, HostTensor>
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function writeAtomically(path: string, content: Uint8Array | string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`
  await writeFile(temp, content)
  await rename(temp, path)
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false
  )

/** Writes a checkpoint of `step` and points OUT/latest.json at it. Returns its folder. */
export async function saveCheckpoint(
  out: string,
  state: Omit<TrainerState, 'format' | 'weightsHash' | 'optimizerHash'>,
  weights: Weights,
  optimizerState: ReadonlyMap<string, HostTensor>
): Promise<string> {
  const name = `step-${String(state.step).padStart(6, '0')}`
  const dir = join(out, 'checkpoints', name)
  // A finished folder is only ever renamed into place whole, so one that exists is complete (and,
  // training being deterministic, equal to what would be written now).
  if (!(await exists(dir))) {
    const temp = join(out, 'checkpoints', `.${name}.${process.pid}.tmp`)
    await rm(temp, { recursive: true, force: true })
    await mkdir(temp, { recursive: true })
    const weightsHash = await saveModel(temp, state.modelConfig, weights, { step: String(state.step) })
    const tensors = new Map<string, NamedTensor>(
      [...optimizerState].map(([key, t]) => [key, { shape: t.shape, data: t.data as Float32Array }])
    )
    const optimizerBytes = encodeSafetensors(tensors, { step: String(state.step) })
    await writeFile(join(temp, OPTIMIZER_FILE), optimizerBytes)
    const full: TrainerState = { format: FORMAT, ...state, weightsHash, optimizerHash: sha256(optimizerBytes) }
    await writeFile(join(temp, TRAINER_STATE_FILE), `${JSON.stringify(full, null, 2)}\n`)
    await rename(temp, dir)
  }
  await writeAtomically(join(out, LATEST_FILE), `${JSON.stringify({ checkpoint: `checkpoints/${name}` })}\n`)
  const finished = (await readdir(join(out, 'checkpoints'))).filter((n) => /^step-\d+$/.test(n)).sort()
  for (const old of finished.slice(0, Math.max(0, finished.length - CHECKPOINTS_KEPT))) {
    if (old !== name) await rm(join(out, 'checkpoints', old), { recursive: true, force: true })
  }
  return dir
}

/** Whether OUT holds a checkpoint pointer. */
export function hasCheckpoint(out: string): Promise<boolean> {
  return exists(join(out, LATEST_FILE))
}

/** Loads the checkpoint OUT/latest.json points at, checking every file; errors name the file and the fault. */
export async function loadCheckpoint(out: string): Promise<Checkpoint> {
  const latestPath = join(out, LATEST_FILE)
  let latestText: string
  try {
    latestText = await readFile(latestPath, 'utf8')
  } catch {
    throw new CheckpointError(
      `no checkpoint in ${out}: ${LATEST_FILE} is missing (start without --resume, or point --out at a pretraining folder)`
    )
  }
  let relative: unknown
  try {
    relative = (JSON.parse(latestText) as { checkpoint?: unknown }).checkpoint
  } catch (error) {
    throw new CheckpointError(`${latestPath}: not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  if (typeof relative !== 'string' || !/^checkpoints\/step-\d+$/.test(relative))
    throw new CheckpointError(`${latestPath}: "checkpoint" must be "checkpoints/step-NNNNNN", got ${JSON.stringify(relative)}`)
  const dir = join(out, relative)
  const statePath = join(dir, TRAINER_STATE_FILE)
  let state: TrainerState
  try {
    state = JSON.parse(await readFile(statePath, 'utf8')) as TrainerState
  } catch (error) {
    throw new CheckpointError(`${statePath}: cannot read the trainer state (${error instanceof Error ? error.message : String(error)})`)
  }
  if (
    state?.format !== FORMAT ||
    !Number.isInteger(state.step) ||
    state.step < 0 ||
    typeof state.options !== 'object' ||
    typeof state.dataFingerprint !== 'string'
  ) {
    throw new CheckpointError(`${statePath}: not a ${FORMAT} trainer state (format, step, options and dataFingerprint are required)`)
  }
  let weights: Weights
  try {
    const model = await loadModel(dir)
    if (model.hash !== state.weightsHash)
      throw new CheckpointError(
        `${join(dir, 'model.safetensors')}: sha256 ${model.hash} does not match ${state.weightsHash} in ${TRAINER_STATE_FILE}`
      )
    weights = model.weights
  } catch (error) {
    if (error instanceof ModelFileError) throw new CheckpointError(`checkpoint ${dir}: ${error.message}`)
    throw error
  }
  const optimizerPath = join(dir, OPTIMIZER_FILE)
  let optimizerBytes: Uint8Array
  try {
    optimizerBytes = new Uint8Array(await readFile(optimizerPath))
  } catch (error) {
    throw new CheckpointError(`${optimizerPath}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  if (sha256(optimizerBytes) !== state.optimizerHash)
    throw new CheckpointError(`${optimizerPath}: contents do not match the hash in ${TRAINER_STATE_FILE} (corrupt or replaced)`)
  let tensors: Map<string, NamedTensor>
  try {
    tensors = decodeSafetensors(optimizerBytes, optimizerPath).tensors
  } catch (error) {
    throw new CheckpointError(error instanceof Error ? error.message : String(error))
  }
  const optimizerState = new Map([...tensors].map(([key, t]) => [key, hostTensor(t.data, t.shape)]))
  return { dir, state, weights, optimizerState }
}
