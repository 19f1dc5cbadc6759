// `arc-ttt pretrain`: full-parameter training of the ARC transformer on ARC training tasks (the
// base model that TTT adapts), with checkpoints in --out and metrics in the experiment log.
import { readFile } from 'node:fs/promises'
import { basename, resolve, sep } from 'node:path'
import { datasetFingerprint, loadDataset, validTasks } from '../../engine/arc'
import type { Task } from '../../engine/arc/types'
import { hashJson } from '../../engine/experiment/config-hash'
import { probeProvider, requireProvider } from '../../engine/experiment/provider-check'
import { RunSetupError } from '../../engine/experiment/runner'
import { DEFAULT_MODEL_CONFIG, modelConfigProblems, type ArcModelConfig } from '../../engine/model/config'
import { loadModel, ModelFileError, type LoadedModel } from '../../engine/model/model-files'
import { CheckpointError, DEFAULT_PRETRAIN_OPTIONS, pretrain, PretrainDataError, type PretrainEvent, type PretrainOptions } from '../../engine/pretrain'
import { EXECUTION_PROVIDERS } from '../../engine/runtime/providers'
import { ExperimentLog, StoreError } from '../../engine/store'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { CommandFailure } from '../command-failure'
import { defaultDatabasePath } from '../../services/default-db'
import { choiceFlag, integerFlag } from '../integer-flag'
import { pretrainProgressPrinter } from '../pretrain-progress'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

const D = DEFAULT_PRETRAIN_OPTIONS

/** Why a data path must not be trained on, or undefined. ARC-AGI-1 evaluation is what the workbench measures on. */
export function forbiddenDataReason(path: string): string | undefined {
  const parts = resolve(path).toLowerCase().split(sep)
  if (parts.some((p) => p.includes('evaluation'))) return `${path} looks like an evaluation set: pretraining on it would leak the tasks TTT is measured on`
  const at = parts.lastIndexOf('arc-agi-2')
  if (at >= 0 && parts[at + 1] === 'training') return `${path} is the full ARC-AGI-2 training set, which contains most ARC-AGI-1 evaluation tasks (use arc-agi-2/training-extra)`
  return undefined
}

function numberFlag(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) throw new UsageError(`${name} must be a positive number, got "${raw}"`)
  return value
}

async function readModelConfig(file: string | undefined): Promise<ArcModelConfig> {
  if (file === undefined) return DEFAULT_MODEL_CONFIG
  let overrides: unknown
  try {
    overrides = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new UsageError(`--model-config ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) throw new UsageError(`--model-config ${file}: must be a JSON object of model config fields`)
  const config = { ...DEFAULT_MODEL_CONFIG, ...(overrides as object) } as ArcModelConfig
  const problems = modelConfigProblems(config)
  if (problems.length > 0) throw new UsageError(`--model-config ${file}: ${problems.join('; ')}`)
  return config
}

/** Every valid task of the paths, the first of each id kept. */
async function loadTasks(paths: readonly string[]): Promise<Task[]> {
  const byId = new Map<string, Task>()
  for (const path of paths) {
    const dataset = await loadDataset(path)
    const tasks = validTasks(dataset)
    if (tasks.length === 0) throw new PretrainDataError(`no valid task in ${path}${dataset.problems[0] ? `: ${dataset.problems[0].reason}` : ''}`)
    const duplicates = tasks.filter((t) => byId.has(t.id))
    if (duplicates.length > 0) process.stderr.write(`arc-ttt pretrain: ${duplicates.length} task ids of ${path} already loaded from an earlier path; keeping the first (e.g. ${duplicates[0]!.id})\n`)
    for (const task of tasks) if (!byId.has(task.id)) byId.set(task.id, task)
  }
  return [...byId.values()]
}

function hasRun(log: ExperimentLog, runId: string): boolean {
  try {
    log.getRun(runId)
    return true
  } catch (error) {
    if (error instanceof StoreError) return false
    throw error
  }
}

export const pretrainCommand: Command = {
  name: 'pretrain',
  summary: 'train the base model on ARC training tasks (checkpointed, resumable)',
  usage: `arc-ttt pretrain --data PATH [--data PATH]... --out DIR [--steps N] [--batch N] [--context N]
            [--lr X] [--warmup X] [--size-aug P] [--rule-aug P] [--seed N] [--batch-seed N] [--eval-every N] [--checkpoint-every N]
            [--model-config FILE | --init MODEL_DIR] [--resume] [--db FILE] [--name NAME] [--ep cpu|cuda|...] [--threads N]

  --data PATH        training tasks (repeatable), e.g. ../shared/arc/arc-agi-1/training and
                     ../shared/arc/arc-agi-2/training-extra; evaluation sets are refused
  --out DIR          checkpoints (DIR/checkpoints/step-N, each a loadable model folder; DIR/latest.json)
  --steps N          optimizer steps of the whole run (default ${D.steps}); the cosine schedule spans them
  --batch N          examples per step (default ${D.batchSize})
  --context N        longest example in tokens, one of the model's buckets (default ${D.context})
  --lr X             peak learning rate (default ${D.learningRate}); --warmup X: warmup share (default ${D.warmupFraction})
  --size-aug P       probability of one of the 23 size-changing TTT augmenters per example (default ${D.sizeAugmentationRate})
  --rule-aug P       probability of a transform on only the inputs or only the outputs, a new rule (default ${D.ruleAugmentationRate})
  --seed N           initial weights, held-out split and batches (default ${D.seed})
  --batch-seed N     batches only (default: --seed); a new --init stage keeps --seed, so the same
                     tasks stay held out, and takes a new --batch-seed to see batches earlier stages did not
  --eval-every N     held-out loss every N steps (default ${D.evalEvery})
  --checkpoint-every N  checkpoint every N steps (default ${D.checkpointEvery}); also at the end and on Ctrl-C
  --model-config FILE JSON object of model config fields over the default (channels, layers, heads...)
  --init MODEL_DIR   start from a model folder's weights and config (e.g. resources/models/arc-base)
                     instead of seeded initial weights: continue training it with a new schedule
  --resume           continue DIR's last checkpoint with its own options (give the same --data)
  --db FILE          experiment log (default ${defaultDatabasePath()}); metrics pretrain.loss,
                     pretrain.heldout_loss, pretrain.learning_rate in a run with preset "pretrain"

Progress goes to stderr; Ctrl-C stops after the current step with a checkpoint.`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable(
      'data[]', 'out', 'steps', 'batch', 'context', 'lr', 'warmup', 'size-aug', 'rule-aug', 'seed', 'batch-seed', 'eval-every',
      'checkpoint-every', 'model-config', 'init', 'resume?', 'db', 'name', 'ep', 'threads'
    ))
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`)
    const paths = values.data ?? []
    if (paths.length === 0) throw new UsageError('pretrain needs --data PATH (training tasks)')
    if (values.out === undefined) throw new UsageError('pretrain needs --out DIR')
    for (const path of paths) {
      const reason = forbiddenDataReason(path)
      if (reason) throw new UsageError(reason)
    }
    const trainingFlags = ['steps', 'batch', 'context', 'lr', 'warmup', 'size-aug', 'rule-aug', 'seed', 'batch-seed', 'eval-every', 'checkpoint-every', 'model-config', 'init'] as const
    if (values.init !== undefined && values['model-config'] !== undefined) throw new UsageError('--init takes the model config from the model folder: drop --model-config')
    const given = trainingFlags.filter((f) => values[f] !== undefined)
    if (values.resume && given.length > 0) throw new UsageError(`--resume continues with the checkpoint's own options: drop ${given.map((f) => `--${f}`).join(', ')}`)
    const provider = choiceFlag('--ep', values.ep, EXECUTION_PROVIDERS, 'cpu')
    const threads = integerFlag('--threads', values.threads, 0, 0)
    const options: Partial<PretrainOptions> = {
      steps: integerFlag('--steps', values.steps, D.steps, 1),
      batchSize: integerFlag('--batch', values.batch, D.batchSize, 1),
      context: integerFlag('--context', values.context, D.context, 1),
      learningRate: numberFlag('--lr', values.lr, D.learningRate),
      warmupFraction: values.warmup === undefined ? D.warmupFraction : Number(values.warmup),
      sizeAugmentationRate: values['size-aug'] === undefined ? D.sizeAugmentationRate : Number(values['size-aug']),
      ruleAugmentationRate: values['rule-aug'] === undefined ? D.ruleAugmentationRate : Number(values['rule-aug']),
      seed: integerFlag('--seed', values.seed, D.seed),
      ...(values['batch-seed'] !== undefined ? { batchSeed: integerFlag('--batch-seed', values['batch-seed'], 0) } : {}),
      evalEvery: integerFlag('--eval-every', values['eval-every'], D.evalEvery, 1),
      checkpointEvery: integerFlag('--checkpoint-every', values['checkpoint-every'], D.checkpointEvery, 1)
    }
    const out = resolve(values.out)
    let log: ExperimentLog | undefined
    let runId: string | undefined
    const controller = new AbortController()
    const cancel = () => controller.abort()
    process.once('SIGINT', cancel)
    try {
      // As for `arc-ttt run`: a provider this machine lacks is one line, before any run is logged.
      await requireProvider(provider, probeProvider)
      const init: LoadedModel | undefined = values.init === undefined ? undefined : await loadModel(values.init)
      const modelConfig = init?.config ?? (await readModelConfig(values['model-config']))
      const tasks = await loadTasks(paths)
      log = ExperimentLog.open(values.db ?? defaultDatabasePath())
      const openLog = log
      const newRun = (opts: PretrainOptions, config: ArcModelConfig, fingerprint: string): string => {
        const logged = { options: opts, model: config, data: paths, ...(init ? { init: { dir: init.dir, hash: init.hash } } : {}) }
        const id = openLog.createRun({
          name: values.name ?? `pretrain ${basename(out)}`,
          preset: 'pretrain',
          config: logged,
          configHash: hashJson(logged),
          seed: opts.seed,
          modelId: basename(out),
          // From scratch the initial weights are a function of the seed; with --init, of the model file.
          modelHash: init ? `init-${init.id}-${init.hash}` : `initial-weights-seed-${opts.seed}`,
          datasetPath: paths.map((p) => resolve(p)).join(','),
          datasetFingerprint: fingerprint,
          provider
        })
        openLog.setProviderUsed(id, provider)
        return id
      }
      if (!values.resume) runId = newRun({ ...D, ...options }, modelConfig, datasetFingerprint(tasks))
      if (init) process.stderr.write(`arc-ttt pretrain: starting from ${init.dir} (${init.hash.slice(0, 12)})\n`)
      const printer = pretrainProgressPrinter()
      const onEvent = (event: PretrainEvent) => {
        if (event.kind === 'started' && runId === undefined) {
          // A resume: continue the checkpoint's run when this log has it, else start a new one.
          const known = event.runId !== undefined && hasRun(openLog, event.runId)
          runId = known ? event.runId! : newRun(event.options, event.modelConfig, event.dataFingerprint)
          if (known) noteProviderChange(openLog, runId, provider, event.step)
          openLog.setRunStatus(runId, 'running')
        }
        if (runId !== undefined && event.kind === 'step') {
          openLog.recordMetrics(runId, [
            { key: 'pretrain.loss', step: event.step, value: event.loss },
            { key: 'pretrain.learning_rate', step: event.step, value: event.learningRate }
          ])
        }
        if (runId !== undefined && event.kind === 'held-out') openLog.recordMetrics(runId, [{ key: 'pretrain.heldout_loss', step: event.step, value: event.loss }])
        printer(event)
      }
      const result = await pretrain({
        tasks,
        out,
        resume: values.resume === true,
        options,
        modelConfig,
        ...(init ? { initialWeights: init.weights } : {}),
        ...(runId !== undefined ? { runId } : {}),
        runtime: { provider, intraOpThreads: threads },
        onEvent,
        signal: controller.signal
      })
      if (runId !== undefined) log.setRunStatus(runId, result.finished ? 'completed' : 'interrupted', result.finished ? undefined : `stopped at step ${result.step}; continue with --resume`)
      process.stdout.write(
        `${result.finished ? 'finished' : 'stopped'} at step ${result.step}: training loss ${result.lastLoss.toFixed(4)}, held-out loss ${Number.isFinite(result.heldOutLoss) ? result.heldOutLoss.toFixed(4) : 'not measured'}\n` +
          `checkpoint (a model folder): ${result.checkpointDir}${runId ? `\nrun ${runId}` : ''}\n`
      )
      return result.finished ? EXIT_OK : EXIT_FAILURE
    } catch (error) {
      if (runId !== undefined) log?.setRunStatus(runId, 'failed', error instanceof Error ? error.message : String(error))
      const setup = error instanceof RunSetupError || error instanceof ModelFileError || error instanceof PretrainDataError
      const userCanFix = setup || error instanceof StoreError || error instanceof CheckpointError
      throw userCanFix ? new CommandFailure(error.message) : error
    } finally {
      process.off('SIGINT', cancel)
      log?.close()
    }
  }
}

/** A resume on another provider (a stage begun on a GPU, finished on the CPU) is written into the run's notes. */
export function noteProviderChange(log: ExperimentLog, runId: string, provider: string, step: number): void {
  const run = log.getRun(runId)
  const before = run.providerUsed ?? run.providerRequested
  if (before === provider || run.notes.includes(`on ${provider} from step ${step + 1}`)) return
  const line = `resumed on ${provider} from step ${step + 1} (before: ${before})`
  log.updateRun(runId, { notes: run.notes ? `${run.notes}\n${line}` : line })
}
