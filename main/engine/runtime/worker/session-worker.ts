// Worker-thread entry: owns onnxruntime sessions so that their blocking `run` calls never stall
// the caller's event loop (a UI, an IPC handler or the browser-mode server).
import { parentPort } from 'node:worker_threads'
import { GraphSession } from '../session'
import type { WorkerRequest, WorkerResponse } from './protocol'

const sessions = new Map<string, GraphSession>()

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.kind) {
    case 'create': {
      await sessions.get(request.key)?.release()
      const session = await GraphSession.create(request.model, request.options)
      sessions.set(request.key, session)
      return { provider: session.provider, inputNames: session.inputNames, outputNames: session.outputNames }
    }
    case 'run': {
      const session = sessions.get(request.key)
      if (!session) throw new Error(`no session "${request.key}" in the runtime worker`)
      return session.run(request.feeds, request.outputs)
    }
    case 'release': {
      await sessions.get(request.key)?.release()
      sessions.delete(request.key)
      return null
    }
  }
}

parentPort!.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (value) => parentPort!.postMessage({ id: request.id, ok: true, value } satisfies WorkerResponse),
    (error: unknown) => parentPort!.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse)
  )
})
