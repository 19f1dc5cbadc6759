// The desktop app's API host at work (started by api-host-main.ts): opens the experiment log through
// the API handlers, answers the Electron side's calls through the same `dispatch` as the
// browser-mode bridge, forks the engine host for runs and passes its events up.
import { resolve } from 'node:path'
import { defaultDatabasePath } from '../services/default-db'
import { dispatch } from '../api/dispatch'
import { createHandlers } from '../api/handlers'
import { isApiHostRequest, type ApiHostConfig, type ApiHostMessage } from './api-host-protocol'
import { HostClient } from './host-client'
import { forkHostProcess } from './host-process'

export function serveApi(config: ApiHostConfig, send: (message: ApiHostMessage) => void): void {
  const databasePath = resolve(config.databasePath ?? defaultDatabasePath())
  const engineHost = new HostClient({ config: { databasePath, modelsDir: config.modelsDir, threads: 0 }, spawn: forkHostProcess })
  /** Folder questions waiting for the Electron side's native dialog. */
  const picks = new Map<number, (path: string | null) => void>()
  let nextPick = 1
  const pickFolder = (): Promise<string | null> =>
    new Promise((answer) => {
      const id = nextPick++
      picks.set(id, answer)
      send({ kind: 'pick-folder', id })
    })
  const handlers = createHandlers({ ...config, databasePath, mode: 'electron', host: engineHost, pickFolder })
  engineHost.subscribe((event) => send({ kind: 'event', event }))

  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await engineHost.close().catch(() => undefined)
    process.exit(0)
  }
  process.on('message', (message: unknown) => {
    if (!isApiHostRequest(message)) return
    if (message.kind === 'shutdown') return void stop()
    if (message.kind === 'picked') {
      picks.get(message.id)?.(message.path)
      picks.delete(message.id)
      return
    }
    void dispatch(handlers, message.method, message.args).then((result) => send({ kind: 'result', id: message.id, result }))
  })
  // Ctrl+C in the terminal of `npm start` reaches the whole process group: Electron decides when we stop.
  process.on('SIGINT', () => undefined)
  process.on('SIGTERM', () => void stop())
  // Electron quit or crashed: stop the runs as interrupted (resumable) rather than orphan them.
  process.on('disconnect', () => void stop())
  send({ kind: 'ready', pid: process.pid, databasePath })
}
