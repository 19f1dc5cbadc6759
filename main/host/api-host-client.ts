// The Electron main process's side of the desktop app's API host (api-host-main.ts): spawns it
// with a plain Node binary (node-binary.ts finds one) over a child_process IPC channel, relays
// API calls to it and its engine-host events back, and answers its folder questions. Imports no
// engine module and no native module, so the Electron process never loads one; a test drives it
// from plain Node.
import { spawn, type ChildProcess } from 'node:child_process'
import type { ApiResult } from '../api/contract'
import type { HostEventSource } from '../api/runs-contract'
import { HostEventPublisher } from './host-event-publisher'
import { API_HOST_CONFIG_VARIABLE, isApiHostMessage } from './api-host-protocol'
import type { ApiHostConfig, ApiHostMessage, ApiHostRequest } from './api-host-protocol'

/** How long the API host may take to load (Node, the engine's modules) before calls fail. */
const START_TIMEOUT_MS = 60_000
/** How long `close` waits for the runs to stop before killing the process. */
const CLOSE_TIMEOUT_MS = 20_000

export interface ApiHostLaunch {
  /** A Node binary (>= 20.19), not Electron: the native modules are built for its ABI. */
  readonly nodePath: string
  /** The entry script (out/main/api-host.js), after `nodeArguments` (e.g. `--import tsx` from sources). */
  readonly entry: string
  readonly nodeArguments?: readonly string[]
  readonly config: ApiHostConfig
  /** Shows the native folder dialog; without it, the API host's pickFolder answers null. */
  readonly pickFolder?: () => Promise<string | null>
}

/** Electron's own variables that would turn a Node child into something else, or leak into it. */
const ELECTRON_VARIABLES = ['ELECTRON_RUN_AS_NODE', 'ELECTRON_NO_ATTACH_CONSOLE', 'ELECTRON_ENABLE_LOGGING']

function childEnvironment(config: ApiHostConfig): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [API_HOST_CONFIG_VARIABLE]: JSON.stringify(config) }
  for (const name of ELECTRON_VARIABLES) delete env[name]
  return env
}

type Waiter = (result: ApiResult<unknown>) => void

export class ApiHostClient extends HostEventPublisher implements HostEventSource {
  private child: ChildProcess | undefined
  private ready: Promise<ChildProcess> | undefined
  private readonly waiting = new Map<number, Waiter>()
  private nextId = 1
  private closed = false

  constructor(private readonly launch: ApiHostLaunch) {
    super()
  }

  /** The API host's process id while it runs. */
  get pid(): number | undefined {
    return this.child?.pid
  }

  /** Starts the API host now (the first call would otherwise); resolves with the log it opened. */
  async start(): Promise<void> {
    await this.connect()
  }

  /** One wire API call, answered by the API host; never throws (a dead host is an `internal` error). */
  async call(method: unknown, args: unknown): Promise<ApiResult<unknown>> {
    if (this.closed) return failure('the workbench is shutting down')
    let child: ChildProcess
    try {
      child = await this.connect()
    } catch (error) {
      return failure(error instanceof Error ? error.message : String(error))
    }
    const id = this.nextId++
    return new Promise((answer) => {
      this.waiting.set(id, answer)
      this.send(child, { kind: 'call', id, method, args })
    })
  }

  /** Stops the runs (marked interrupted, resumable), the engine host and the API host. */
  async close(): Promise<void> {
    this.closed = true
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    this.send(child, { kind: 'shutdown' })
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<boolean>((done) => (timer = setTimeout(() => done(true), CLOSE_TIMEOUT_MS)))
    const timedOut = await Promise.race([exited.then(() => false), deadline])
    clearTimeout(timer)
    if (timedOut) child.kill('SIGKILL')
  }

  private send(child: ChildProcess, request: ApiHostRequest): void {
    if (child.connected) child.send(request)
  }

  /** The running API host, started on first use and again after it died. */
  private connect(): Promise<ChildProcess> {
    if (this.ready) return this.ready
    const ready = new Promise<ChildProcess>((resolve, reject) => {
      const { nodePath, entry, nodeArguments = [], config } = this.launch
      const stdio: ['ignore', 'inherit', 'inherit', 'ipc'] = ['ignore', 'inherit', 'inherit', 'ipc']
      const child = spawn(nodePath, [...nodeArguments, entry], { env: childEnvironment(config), stdio, serialization: 'json' })
      this.child = child
      let fatal: string | undefined
      const timer = setTimeout(() => {
        reject(new Error(`the workbench's API process (${nodePath}) did not start within ${START_TIMEOUT_MS / 1000} s`))
        child.kill('SIGKILL')
      }, START_TIMEOUT_MS)
      child.on('message', (message: unknown) => {
        if (!isApiHostMessage(message)) return
        if (message.kind === 'ready') {
          clearTimeout(timer)
          resolve(child)
        } else if (message.kind === 'fatal') fatal = message.message
        else this.receive(child, message)
      })
      child.once('error', (error) => {
        clearTimeout(timer)
        reject(new Error(`cannot start the workbench's API process with ${nodePath}: ${error.message}`))
      })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        const how = signal ? `was killed (${signal})` : `exited with code ${code ?? 'unknown'}`
        const why = fatal === undefined ? `${how} while starting` : `could not start: ${fatal}`
        reject(new Error(`the workbench's API process ${why}`))
        this.lost(child, how)
      })
    })
    ready.catch(() => {
      if (this.ready === ready) this.ready = undefined
    })
    this.ready = ready
    return ready
  }

  private receive(child: ChildProcess, message: Exclude<ApiHostMessage, { kind: 'ready' } | { kind: 'fatal' }>): void {
    if (message.kind === 'result') {
      this.waiting.get(message.id)?.(message.result)
      this.waiting.delete(message.id)
    } else if (message.kind === 'event') {
      this.emit(message.event)
    } else {
      const pick = this.launch.pickFolder ?? (async () => null)
      void pick()
        .catch(() => null)
        .then((path) => this.send(child, { kind: 'picked', id: message.id, path }))
    }
  }

  /** The API host ended: answer what waited on it; the next call starts a fresh one. */
  private lost(child: ChildProcess, how: string): void {
    if (this.child !== child) return
    this.child = undefined
    this.ready = undefined
    for (const answer of this.waiting.values()) answer(failure(`the workbench's API process ${how}; try again`))
    this.waiting.clear()
  }
}

function failure(message: string): ApiResult<unknown> {
  return { ok: false, error: { code: 'internal', message } }
}
