// Worker threads for the search: a pool of threads, each solving one (task, test input) at a time,
// fed from one queue in submission order. Used for the test inputs of one task (solveTask) and for
// whole datasets (bench search). When the worker script cannot be found (a bundled build that does
// not ship it), `SearchPool.start` returns null and callers search on their own thread.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Task } from '../arc/types'
import type { SearchOptions, SearchOutcome } from './options'
import type { WorkerJob } from './worker-entry'

interface Job {
  readonly message: WorkerJob
  readonly resolve: (outcome: SearchOutcome) => void
  readonly reject: (error: Error) => void
}

type Reply = { id: number; ok: true; outcome: SearchOutcome } | { id: number; ok: false; message: string }

/** The worker script beside this file: a tsx bootstrap when running from sources. */
function workerScript(): string | null {
  const fromSource = import.meta.url.endsWith('.ts')
  const path = fileURLToPath(new URL(fromSource ? './worker-bootstrap.mjs' : './worker-entry.js', import.meta.url))
  return existsSync(path) ? path : null
}

class PoolThread {
  job: Job | null = null
  constructor(readonly worker: Worker) {}
}

export class SearchPool {
  private readonly queue: Job[] = []
  private nextId = 1
  private closed = false

  private constructor(private readonly threads: PoolThread[]) {
    for (const thread of threads) {
      thread.worker.on('message', (reply: Reply) => {
        const job = thread.job
        thread.job = null
        if (job) {
          if (reply.ok) job.resolve(reply.outcome)
          else job.reject(new Error(reply.message))
        }
        this.pump()
      })
      const fail = (error: Error) => {
        const job = thread.job
        thread.job = null
        this.threads.splice(this.threads.indexOf(thread), 1)
        if (job && !this.closed) job.reject(error)
        if (this.threads.length === 0) for (const waiting of this.queue.splice(0)) waiting.reject(error)
      }
      thread.worker.on('error', (error) => fail(new Error(`search worker crashed: ${error.stack ?? error.message}`)))
      thread.worker.on('exit', (code) => fail(new Error(`search worker exited with code ${code}`)))
    }
  }

  /** A pool of `size` threads, or null if the worker script is not available. */
  static start(size: number): SearchPool | null {
    const script = workerScript()
    if (!script || size < 1) return null
    return new SearchPool(Array.from({ length: size }, () => new PoolThread(new Worker(script))))
  }

  solve(task: Task, testIndex: number, options: SearchOptions): Promise<SearchOutcome> {
    const { signal, ...plain } = options
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('the search pool is closed'))
      this.queue.push({ message: { id: this.nextId++, task, testIndex, options: plain }, resolve, reject })
      this.pump()
      signal?.addEventListener('abort', () => this.close(), { once: true })
    })
  }

  private pump(): void {
    for (const thread of this.threads) {
      if (thread.job || this.queue.length === 0) continue
      thread.job = this.queue.shift()!
      thread.worker.postMessage(thread.job.message)
    }
  }

  /** Stops every thread; jobs not finished are rejected. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    const pending = [...this.queue.splice(0), ...this.threads.flatMap((t) => (t.job ? [t.job] : []))]
    await Promise.all(this.threads.map((t) => t.worker.terminate()))
    for (const job of pending) job.reject(new Error('the search was cancelled'))
  }
}
