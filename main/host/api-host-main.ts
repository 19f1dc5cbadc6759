// Entry of the desktop app's API host: a plain Node child process of the Electron main process
// (spawned by api-host-client.ts with a Node binary, never Electron's own). It opens the
// experiment log (better-sqlite3), answers every wire API call, starts the engine host
// (onnxruntime-node) as its own child, and passes the engine host's events up
// (api-host-serve.ts). Native modules built for Node's ABI load here, never in Electron.
// The engine's modules load after the IPC channel is up, so a module that cannot load (a native
// module built for another Node, a missing file) reaches the app as a message, not a silent exit.
import { API_HOST_CONFIG_VARIABLE, parseApiHostConfig, type ApiHostMessage } from './api-host-protocol'

function send(message: ApiHostMessage): void {
  // After the parent is gone there is nobody to tell; the shutdown stops the runs.
  if (process.connected) process.send!(message)
}

if (!process.send) throw new Error('the API host must be started by the desktop app (a child process with an IPC channel)')
try {
  const config = parseApiHostConfig(process.env[API_HOST_CONFIG_VARIABLE])
  const { serveApi } = await import('./api-host-serve')
  serveApi(config, send)
} catch (error) {
  send({ kind: 'fatal', message: error instanceof Error ? error.message : String(error) })
  setTimeout(() => process.exit(1), 100)
}
