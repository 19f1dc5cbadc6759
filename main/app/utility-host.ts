// The engine host in the desktop app: Electron's utilityProcess (a Node process Electron manages)
// running the same host entry as the browser mode's forked child, built to out/main/host.js.
import { utilityProcess } from 'electron'
import { exitDescription, hostEntryPath, hostEnvironment, type SpawnHost } from '../host/host-process'

export const forkUtilityHost: SpawnHost = (config) => {
  const child = utilityProcess.fork(hostEntryPath(), [], { env: hostEnvironment(config), serviceName: 'ARC TTT engine host', stdio: 'inherit' })
  return {
    get pid() {
      return child.pid
    },
    send: (request) => child.postMessage(request),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', (code) => listener(exitDescription(code, null))),
    kill: () => void child.kill()
  }
}
