// The API side of the engine host: starts the host process on the first request that needs it,
// matches replies to requests, keeps the active runs' snapshots from the host's events and passes
// the events on to subscribers. When the host process dies, its runs are marked interrupted in the
// log (resumable), subscribers get `host-crashed`, and the next request starts a fresh host.
import { ApiFailure } from '../api/api-failure'
import type { RunHost } from '../api/run-host'
import type { ActiveRunView, ProviderView, StartRunArgs } from '../api/runs-contract'
import { ExperimentLog } from '../engine/store'
import { HostEventPublisher } from './host-event-publisher'
import type { HostProcess, SpawnHost } from './host-process'
import { isHostMessage, type HostConfig, type HostMessage, type HostRequest, type ReplyValues } from './protocol'
import { RunRegistry } from './run-registry'

/** How long the host may take to load (tsx, onnxruntime, the log) before a request fails. */
const START_TIMEOUT_MS = 60_000
/** How long `close` waits for the host to stop its runs before killing it. */
const CLOSE_TIMEOUT_MS = 15_000

type RequestBody = HostRequest extends infer R ? (R extends HostRequest ? Omit<R, 'id'> : never) : never
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

export interface HostClientOptions {
  readonly config: HostConfig
  readonly spawn: SpawnHost
}

export class HostClient extends HostEventPublisher implements RunHost {
  private process: HostProcess | undefined
  private ready: Promise<HostProcess> | undefined
  private readonly pending = new Map<number, Pending>()
  private readonly registry = new RunRegistry()
  /** The model folder each run started with ('' = initial weights), so a resume after a crash loads the same one. */
  private readonly modelDirs = new Map<string, string>()
  private providerViews: readonly ProviderView[] | undefined
  private nextId = 1
  private closed = false

  constructor(private readonly options: HostClientOptions) {
    super()
  }

  /** The host's process id while one runs (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.process?.pid
  }

  activeRuns(): readonly ActiveRunView[] {
    return this.registry.snapshots()
  }

  async startRun(args: StartRunArgs): Promise<{ runId: string }> {
    const value = (await this.request({ kind: 'start', args })) as ReplyValues['start']
    if (args.modelDir !== undefined) this.modelDirs.set(value.runId, args.modelDir)
    return value
  }

  async resumeRun(runId: string, provider?: string): Promise<{ runId: string }> {
    const modelDir = this.modelDirs.get(runId)
    return (await this.request({ kind: 'resume', runId, ...(provider === undefined ? {} : { provider }), ...(modelDir === undefined ? {} : { modelDir }) })) as ReplyValues['resume']
  }

  async cancelRun(runId: string): Promise<{ cancelled: boolean }> {
    // No host, no run to cancel: do not start one for this.
    if (!this.process || !this.registry.has(runId)) return { cancelled: false }
    return (await this.request({ kind: 'cancel', runId })) as ReplyValues['cancel']
  }

  async providers(): Promise<readonly ProviderView[]> {
    this.providerViews ??= ((await this.request({ kind: 'providers' })) as ReplyValues['providers']).providers
    return this.providerViews
  }

  /** Stops the runs (marked interrupted, resumable) and the host process. */
  async close(): Promise<void> {
    this.closed = true
    const child = this.process
    if (!child) return
    const exited = new Promise<void>((done) => child.onExit(() => done()))
    const id = this.nextId++
    child.send({ kind: 'shutdown', id, reason: 'the workbench closed during the run' })
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((done) => (timer = setTimeout(() => done(true), CLOSE_TIMEOUT_MS)))])
    clearTimeout(timer)
    if (timedOut) child.kill()
  }

  private async request(body: RequestBody): Promise<unknown> {
    if (this.closed) throw new Error('the engine host is shutting down')
    const child = await this.start()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      child.send({ ...body, id } as HostRequest)
    })
  }

  private start(): Promise<HostProcess> {
    if (this.ready) return this.ready
    const ready = new Promise<HostProcess>((resolve, reject) => {
      const child = this.options.spawn(this.options.config)
      this.process = child
      let fatal: string | undefined
      const timer = setTimeout(() => {
        reject(new Error(`the engine host did not start within ${START_TIMEOUT_MS / 1000} s`))
        child.kill()
      }, START_TIMEOUT_MS)
      child.onMessage((message) => {
        if (!isHostMessage(message)) return
        if (message.kind === 'ready') {
          clearTimeout(timer)
          resolve(child)
        } else if (message.kind === 'fatal') fatal = message.message
        else this.receive(message)
      })
      child.onExit((how) => {
        clearTimeout(timer)
        reject(new Error(fatal === undefined ? `the engine host ${how} while starting` : `the engine host could not start: ${fatal}`))
        this.lost(child, how)
      })
    })
    // A host that failed to start is not kept: the next request tries a fresh one.
    ready.catch(() => {
      if (this.ready === ready) this.ready = undefined
    })
    this.ready = ready
    return ready
  }

  private receive(message: Exclude<HostMessage, { kind: 'ready' } | { kind: 'fatal' }>): void {
    switch (message.kind) {
      case 'reply': {
        const waiter = this.pending.get(message.id)
        this.pending.delete(message.id)
        if (!waiter) return
        if (message.ok) waiter.resolve(message.value)
        else waiter.reject(message.code === 'internal' ? new Error(message.message) : new ApiFailure(message.code, message.message))
        return
      }
      case 'run-info':
        this.registry.announce(message.runId, message.name, message.startedAt)
        return
      case 'event':
        this.registry.apply(message.event)
        this.emit(message.event)
        return
    }
  }

  /** The host process ended: fail what waited on it, mark its runs interrupted, tell subscribers. */
  private lost(child: HostProcess, how: string): void {
    if (this.process !== child) return
    this.process = undefined
    this.ready = undefined
    const failure = new Error(`the engine process ${how}`)
    for (const waiter of this.pending.values()) waiter.reject(failure)
    this.pending.clear()
    const runIds = this.registry.ids()
    this.registry.clear()
    if (this.closed) return
    const note = `the engine process ${how} during the run; resume the run to finish its remaining tasks`
    const interruptedRunIds = this.markInterrupted(runIds, note)
    this.emit({ kind: 'host-crashed', message: `The engine process ${how}.${interruptedRunIds.length > 0 ? ` ${interruptedRunIds.length} run(s) were interrupted and can be resumed.` : ''}`, interruptedRunIds })
  }

  /** Marks the runs still 'running' in the log as interrupted; returns their ids. */
  private markInterrupted(runIds: readonly string[], note: string): string[] {
    if (runIds.length === 0) return []
    const marked: string[] = []
    let log: ExperimentLog | undefined
    try {
      log = ExperimentLog.open(this.options.config.databasePath)
      for (const runId of runIds) {
        if (log.getRun(runId).status !== 'running') continue
        log.setRunStatus(runId, 'interrupted', note)
        marked.push(runId)
      }
    } catch {
      // The log could not be written (locked, removed): the runs stay 'running' and a later
      // `arc-ttt run --resume` still finishes them; the event below still names them.
      return [...runIds]
    } finally {
      log?.close()
    }
    return marked
  }
}
