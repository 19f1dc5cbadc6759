// The engine host's core: starts, resumes and cancels runs with the engine's own runner (the same
// calls as `arc-ttt run`), forwarding every runner event to the API side. It owns the writes of the
// runs it executes; the runner records each result and metric once, and events only report them.
import { join, resolve } from 'node:path'
import { loadDataset, type Dataset } from '../engine/arc'
import { resolveConfig, validateConfig } from '../engine/experiment/config'
import type { RunEvent } from '../engine/experiment/events'
import { checkResumable, continueRun, startRun, type RunRequest } from '../engine/experiment/runner'
import { loadModel, type LoadedModel } from '../engine/model/model-files'
import type { ExecutionProviderName } from '../engine/runtime/providers'
import { ExperimentLog, type RunRecord } from '../engine/store'
import { DEFAULT_MODEL_NAME, INITIAL_MODEL_ID, chooseModel, initialModel, readModelConfig } from '../api/models'
import type { ProviderView, StartRunArgs } from '../api/runs-contract'
import { HostFailure, messageOf } from './host-failure'
import type { HostConfig, HostMessage, HostRequest, ReplyValues } from './protocol'
import { probeProviders } from './provider-probe'
import { chooseTasks } from './task-choice'

/** How long a shutdown waits for runs to stop between steps before marking them anyway. */
const SHUTDOWN_WAIT_MS = 10_000

interface ActiveRun {
  readonly controller: AbortController
  /** Set when the host stops the run itself (shutdown): it ends interrupted, not cancelled. */
  stopping?: string
  done?: Promise<void>
}

type Execute = (onEvent: (event: RunEvent) => void, signal: AbortSignal) => Promise<unknown>

export class RunExecutor {
  private readonly log: ExperimentLog
  private readonly active = new Map<string, ActiveRun>()
  private providerViews: Promise<ProviderView[]> | undefined

  constructor(
    private readonly config: HostConfig,
    private readonly send: (message: HostMessage) => void
  ) {
    this.log = ExperimentLog.open(config.databasePath)
  }

  /** The value of the request's reply; throws HostFailure (or any error) for an error reply. */
  async handle(request: HostRequest): Promise<ReplyValues[HostRequest['kind']]> {
    switch (request.kind) {
      case 'start':
        return { runId: await this.start(request.args) }
      case 'resume':
        return { runId: await this.resume(request.runId, request.provider, request.modelDir) }
      case 'cancel':
        return { cancelled: this.cancel(request.runId) }
      case 'providers':
        return { providers: await this.providers() }
      case 'shutdown':
        return { interruptedRunIds: await this.shutdown(request.reason) }
    }
  }

  providers(): Promise<ProviderView[]> {
    this.providerViews ??= probeProviders()
    return this.providerViews
  }

  private async checkProvider(provider: string): Promise<ExecutionProviderName> {
    if (provider === 'cpu') return provider
    const view = (await this.providers()).find((p) => p.name === provider)
    if (!view) throw new HostFailure('bad-request', `unknown execution provider "${provider}"`)
    if (!view.available) throw new HostFailure('unsupported', `execution provider "${provider}" is not available on this machine: ${view.detail}`)
    return view.name as ExecutionProviderName
  }

  private async dataset(path: string): Promise<Dataset> {
    const dataset = await loadDataset(resolve(path))
    if (dataset.entries.length === 0) throw new HostFailure('not-found', `no task found in ${dataset.path}${dataset.problems[0] ? `: ${dataset.problems[0].reason}` : ''}`)
    return dataset
  }

  private async start(args: StartRunArgs): Promise<string> {
    const config = resolveConfig(args.preset, args.overrides)
    const provider = await this.checkProvider(args.provider)
    const dataset = await this.dataset(args.datasetPath)
    const taskIds = await chooseTasks(dataset, args.selection)
    const { model } = await chooseModel(join(this.config.modelsDir, DEFAULT_MODEL_NAME), args.modelDir)
    const request = this.request(dataset, model, provider)
    return this.launch((onEvent, signal) =>
      startRun({ ...request, taskIds, preset: args.preset, config, onEvent, signal, ...(args.name ? { name: args.name } : {}), tags: args.tags ?? [] })
    )
  }

  private async resume(runId: string, provider: string | undefined, modelDir: string | undefined): Promise<string> {
    if (this.active.has(runId)) throw new HostFailure('bad-request', `run ${runId} is running now`)
    const run = this.log.getRun(runId)
    if (run.status === 'completed') throw new HostFailure('bad-request', `run ${runId} is already completed: there is nothing left to resume`)
    const chosen = await this.checkProvider(provider ?? run.providerRequested)
    const dataset = await this.dataset(run.datasetPath)
    const model = await this.resumeModel(run, modelDir)
    checkResumable(this.log, runId, model, dataset)
    const request = this.request(dataset, model, chosen)
    return this.launch(async (onEvent, signal) => {
      await continueRun(runId, { ...request, taskIds: this.log.runTasks(runId), preset: run.preset, config: validateConfig(run.config), onEvent, signal })
      return runId
    })
  }

  /** The model a run started with: the folder the API side remembers, else the initial weights or a bundled folder by id. */
  private async resumeModel(run: RunRecord, modelDir: string | undefined): Promise<LoadedModel> {
    if (modelDir !== undefined) return (await chooseModel(join(this.config.modelsDir, DEFAULT_MODEL_NAME), modelDir)).model
    if (run.modelId === INITIAL_MODEL_ID) return initialModel()
    const bundled = join(this.config.modelsDir, run.modelId)
    if (await readModelConfig(bundled)) return loadModel(bundled)
    throw new HostFailure(
      'bad-request',
      `run ${run.id} used the model "${run.modelId}", which is not among the bundled models in ${this.config.modelsDir}; resume it with \`arc-ttt run --resume ${run.id} --model DIR\``
    )
  }

  private request(dataset: Dataset, model: LoadedModel, provider: ExecutionProviderName): Omit<RunRequest, 'taskIds' | 'preset' | 'config'> {
    return { dataset, model, runtime: { provider, intraOpThreads: this.config.threads }, log: this.log }
  }

  /**
   * Runs `execute` in the background and resolves with the run id once the runner has recorded the
   * run and announced it (its `run-started` event); an error before that rejects, one after it is
   * a `run-failed` event (the runner has already marked the run failed).
   */
  private launch(execute: Execute): Promise<string> {
    const entry: ActiveRun = { controller: new AbortController() }
    return new Promise((resolveStart, rejectStart) => {
      let runId: string | undefined
      const onEvent = (event: RunEvent): void => {
        if (event.kind === 'run-started' && runId === undefined) {
          runId = event.runId
          this.active.set(runId, entry)
          this.send({ kind: 'run-info', runId, name: this.log.getRun(runId).name, startedAt: new Date().toISOString() })
          this.send({ kind: 'event', event })
          resolveStart(runId)
          return
        }
        if (event.kind === 'run-finished') {
          this.active.delete(event.runId)
          if (entry.stopping) return // the shutdown reports it as interrupted
        }
        this.send({ kind: 'event', event })
      }
      entry.done = execute(onEvent, entry.controller.signal).then(
        () => undefined,
        (error: unknown) => {
          if (runId === undefined) return rejectStart(error)
          this.active.delete(runId)
          this.send({ kind: 'event', event: { kind: 'run-failed', runId, message: messageOf(error) } })
        }
      )
    })
  }

  private cancel(runId: string): boolean {
    const run = this.active.get(runId)
    if (!run) return false
    run.controller.abort()
    return true
  }

  /** Stops every run between steps and marks it interrupted (resumable); returns their ids. */
  async shutdown(reason: string): Promise<string[]> {
    const runs = [...this.active.entries()]
    for (const [, run] of runs) {
      run.stopping = reason
      run.controller.abort()
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    await Promise.race([Promise.allSettled(runs.map(([, run]) => run.done)), new Promise((done) => (timer = setTimeout(done, SHUTDOWN_WAIT_MS)))])
    clearTimeout(timer)
    const interrupted: string[] = []
    for (const [runId] of runs) {
      const status = this.log.getRun(runId).status
      if (status === 'running' || status === 'cancelled') {
        this.log.setRunStatus(runId, 'interrupted', `${reason}; resume the run to finish its remaining tasks`)
        interrupted.push(runId)
      }
    }
    this.log.close()
    return interrupted
  }
}
