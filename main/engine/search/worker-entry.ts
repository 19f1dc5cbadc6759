// Worker-thread entry of the search pool: solves one (task, test input) per message, with the
// options it is sent (an AbortSignal cannot cross threads: the pool terminates the worker instead).
import { parentPort } from 'node:worker_threads'
import type { Task } from '../arc/types'
import type { SearchOptions } from './options'
import { solveTestInput } from './solve'

export interface WorkerJob {
  readonly id: number
  readonly task: Task
  readonly testIndex: number
  readonly options: Omit<SearchOptions, 'signal'>
}

parentPort!.on('message', (job: WorkerJob) => {
  try {
    parentPort!.postMessage({ id: job.id, ok: true, outcome: solveTestInput(job.task, job.testIndex, job.options) })
  } catch (error) {
    parentPort!.postMessage({ id: job.id, ok: false, message: error instanceof Error ? error.message : String(error) })
  }
})
