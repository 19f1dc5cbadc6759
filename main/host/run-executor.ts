// The engine host's core: starts, resumes and cancels runs with the engine's own run setup and
// runner (the same calls as `arc-ttt run`), forwarding every runner event to the API side. It owns
// the writes of the runs it executes; the runner records each result and metric once, and events
// only report them.
import type { RunEvent } from '../engine/experiment/events'
import { probeProviders, type ProviderStatus } from '../engine/experiment/provider-check'
import { continueRun, startRun, type RunRequest } from '../engine/experiment/runner'
import { prepareResume, prepareRun, type PreparedRun, type RunSetupContext } from '../engine/experiment/run-setup'
import type { ExecutionProviderName } from '../engine/runtime/providers'
import { ExperimentLog, RUN_BUSY_TIMEOUT_MS } from '../engine/store'
import type { StartRunArgs } from '../api/runs-contract'
import { HostFailure, messageOf } from './host-failure'
import type { HostConfig, HostMessage, HostRequest, ReplyValues } from './protocol'

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
  private providerViews: Promise<ProviderStatus[]> | undefined

  constructor(
    private readonly config: HostConfig,
    private readonly send: (message: HostMessage) => void
  ) {
    this.log = ExperimentLog.open(config.databasePath, { busyTimeoutMs: RUN_BUSY_TIMEOUT_MS })
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

  providers(): Promise<ProviderStatus[]> {
    this.providerViews ??= probeProviders()
    return this.providerViews
  }

  /** The run setup's context: the bundled models, and the providers probed once per host. */
  private setup(): RunSetupContext {
    const probeProvider = async (name: ExecutionProviderName): Promise<ProviderStatus> => {
      const statuses = await this.providers()
      return statuses.find((p) => p.name === name)!
    }
    return { modelsDir: this.config.modelsDir, probeProvider }
  }

  private request(prepared: PreparedRun): Omit<RunRequest, 'onEvent' | 'signal'> {
    const { dataset, taskIds, preset, config, model, provider } = prepared
    return { dataset, taskIds, preset, config, model, runtime: { provider, intraOpThreads: this.config.threads }, log: this.log }
  }

  private async start(args: StartRunArgs): Promise<string> {
    const request = this.request(await prepareRun(args, this.setup()))
    const naming = { ...(args.name ? { name: args.name } : {}), tags: args.tags ?? [] }
    return this.launch((onEvent, signal) => startRun({ ...request, ...naming, onEvent, signal }))
  }

  private async resume(runId: string, provider: string | undefined, modelDir: string | undefined): Promise<string> {
    if (this.active.has(runId)) throw new HostFailure('bad-request', `run ${runId} is running now`)
    const plan = { runId, ...(provider === undefined ? {} : { provider }), ...(modelDir === undefined ? {} : { modelDir }) }
    const request = this.request(await prepareResume(this.log, plan, this.setup()))
    return this.launch(async (onEvent, signal) => {
      await continueRun(runId, { ...request, onEvent, signal })
      return runId
    })
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
