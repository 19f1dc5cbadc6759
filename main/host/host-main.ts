// Entry of the engine host process, a plain Node child started by `child_process.fork` from the
// process that answers the API: `arc-ttt serve`, the desktop app's API host (api-host-main.ts) or
// a test; through source-bootstrap.mjs when running from sources, else the built out/main/host.js.
// Runs execute here, out of the UI thread and the API's event loop. Never an Electron process:
// onnxruntime-node and better-sqlite3 are built for Node's ABI.
// The config comes in the ARC_TTT_HOST_CONFIG environment variable (HostConfig as JSON).
import { failureCode, messageOf } from './host-failure'
import { HOST_CONFIG_VARIABLE, isHostRequest, parseHostConfig, type HostMessage, type HostRequest } from './protocol'
import { RunExecutor } from './run-executor'

interface Transport {
  send(message: HostMessage): void
  onMessage(listener: (message: unknown) => void): void
}

/** The IPC channel of `child_process.fork`. */
function transport(): Transport {
  if (!process.send) throw new Error('the engine host must be started by the workbench (child_process.fork with an IPC channel)')
  return {
    send: (m) => {
      // After the parent is gone there is nobody to tell; the shutdown below marks the runs.
      if (process.connected) process.send!(m)
    },
    onMessage: (listener) => process.on('message', listener)
  }
}

/** Answers requests until a shutdown, the parent's departure or SIGTERM. */
function serve(channel: Transport, executor: RunExecutor): void {
  let stopping = false
  const stop = async (reason: string): Promise<void> => {
    if (stopping) return
    stopping = true
    await executor.shutdown(reason).catch(() => undefined)
    process.exit(0)
  }
  const answer = async (request: HostRequest): Promise<void> => {
    try {
      const value = await executor.handle(request)
      channel.send({ kind: 'reply', id: request.id, ok: true, value })
    } catch (error) {
      channel.send({ kind: 'reply', id: request.id, ok: false, code: failureCode(error), message: messageOf(error) })
    }
    // Let the reply leave before the process ends.
    if (request.kind === 'shutdown') setTimeout(() => process.exit(0), 50)
  }
  channel.onMessage((message) => {
    if (!isHostRequest(message) || stopping) return
    if (message.kind === 'shutdown') stopping = true
    void answer(message)
  })
  // Ctrl+C in a terminal reaches the whole process group: the parent decides when the host stops.
  process.on('SIGINT', () => undefined)
  process.on('SIGTERM', () => void stop('the engine host was asked to stop (SIGTERM) during the run'))
  // A forked child whose parent died (or closed the channel) stops its runs as interrupted.
  process.on('disconnect', () => void stop('the workbench closed during the run'))
  channel.send({ kind: 'ready', pid: process.pid })
}

const channel = transport()
let executor: RunExecutor | undefined
try {
  executor = new RunExecutor(parseHostConfig(process.env[HOST_CONFIG_VARIABLE]), (m) => channel.send(m))
} catch (error) {
  // The config or the log is unusable: say why, give the message time to leave, and exit.
  channel.send({ kind: 'fatal', message: messageOf(error) })
  setTimeout(() => process.exit(1), 100)
}
if (executor) serve(channel, executor)
