// Runs graph sessions on a worker thread. `RuntimeWorker.start()` spawns the thread; sessions made
// through it have the same `run`/`release` as GraphSession, but the caller's thread stays free.
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ExecutionProviderName } from '../providers'
import type { HostTensor } from '../host-tensor'
import type { RuntimeOptions } from '../session'
import type { WorkerRequest, WorkerResponse } from './protocol'

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }
type RequestBody = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never

/** The worker entry next to this file: a tsx bootstrap when running from sources, else the built .js. */
function workerScript(): URL {
  const fromSource = import.meta.url.endsWith('.ts')
  return new URL(fromSource ? './source-bootstrap.mjs' : './session-worker.js', import.meta.url)
}

export class RemoteSession {
  constructor(
    private readonly worker: RuntimeWorker,
    readonly key: string,
    readonly provider: ExecutionProviderName,
    readonly inputNames: readonly string[],
    readonly outputNames: readonly string[]
  ) {}

  run(feeds: Readonly<Record<string, HostTensor>>, outputs?: readonly string[]): Promise<Record<string, HostTensor>> {
    return this.worker.request({ kind: 'run', key: this.key, feeds: { ...feeds }, ...(outputs ? { outputs } : {}) }) as Promise<Record<string, HostTensor>>
  }

  async release(): Promise<void> {
    await this.worker.request({ kind: 'release', key: this.key })
  }
}

export class RuntimeWorker {
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private failure: Error | undefined

  private constructor(private readonly worker: Worker) {
    worker.on('message', (response: WorkerResponse) => {
      const waiter = this.pending.get(response.id)
      this.pending.delete(response.id)
      if (!waiter) return
      if (response.ok) waiter.resolve(response.value)
      else waiter.reject(new Error(response.message))
    })
    const failAll = (error: Error) => {
      this.failure = error
      for (const waiter of this.pending.values()) waiter.reject(error)
      this.pending.clear()
    }
    worker.on('error', (error) => failAll(new Error(`runtime worker crashed: ${error.stack ?? error.message}`)))
    worker.on('exit', (code) => failAll(new Error(`runtime worker exited with code ${code}`)))
  }

  static start(): RuntimeWorker {
    return new RuntimeWorker(new Worker(fileURLToPath(workerScript())))
  }

  request(body: RequestBody): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ ...body, id } as WorkerRequest)
    })
  }

  async createSession(key: string, model: Uint8Array, options: RuntimeOptions = {}): Promise<RemoteSession> {
    const info = (await this.request({ kind: 'create', key, model, options })) as { provider: ExecutionProviderName; inputNames: string[]; outputNames: string[] }
    return new RemoteSession(this, key, info.provider, info.inputNames, info.outputNames)
  }

  async terminate(): Promise<void> {
    this.failure = new Error('runtime worker terminated')
    await this.worker.terminate()
  }
}
