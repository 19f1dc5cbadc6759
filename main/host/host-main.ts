// Entry of the engine host process: `child_process.fork` (browser mode, tests; through
// source-bootstrap.mjs when running from sources) or Electron's `utilityProcess.fork` (the built
// app, out/main/host.js). Runs execute here, out of the UI thread and the server's event loop.
// The config comes in the ARC_TTT_HOST_CONFIG environment variable (HostConfig as JSON).
import { failureCode, messageOf } from './host-failure'
import { HOST_CONFIG_VARIABLE, isHostRequest, parseHostConfig, type HostMessage, type HostRequest } from './protocol'
import { RunExecutor } from './run-executor'

interface Transport {
  send(message: HostMessage): void
  onMessage(listener: (message: unknown) => void): void
}

/** Electron's utility process talks through `process.parentPort`; a forked Node child through `process.send`. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

function transport(): Transport {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
  if (parentPort) return { send: (m) => parentPort.postMessage(m), onMessage: (listener) => parentPort.on('message', (e) => listener(e.data)) }
  if (!process.send) throw new Error('the engine host must be started by the workbench (child_process.fork or utilityProcess.fork)')
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
