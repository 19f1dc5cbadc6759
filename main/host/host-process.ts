// The engine host process as the API side holds it: a forked plain Node child of `arc-ttt serve`,
// of the desktop app's API host or of a test. Forked with this process's Node (process.execPath),
// which is never Electron: no Electron process starts the engine host (see api-host-main.ts).
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { HOST_CONFIG_VARIABLE, type HostConfig, type HostRequest } from './protocol'

export interface HostProcess {
  readonly pid: number | undefined
  send(request: HostRequest): void
  onMessage(listener: (message: unknown) => void): void
  /** Called once when the process ends, with how it ended in words ("exited with code 1"). */
  onExit(listener: (how: string) => void): void
  kill(): void
}

export type SpawnHost = (config: HostConfig) => HostProcess

/** The host entry next to this file: a tsx bootstrap when running from sources, else the built host.js. */
export function hostEntryPath(): string {
  const fromSource = import.meta.url.endsWith('.ts')
  return fileURLToPath(new URL(fromSource ? './source-bootstrap.mjs' : './host.js', import.meta.url))
}

export function exitDescription(code: number | null, signal: NodeJS.Signals | string | null): string {
  return signal ? `was killed (${signal})` : `exited with code ${code ?? 'unknown'}`
}

export function hostEnvironment(config: HostConfig): NodeJS.ProcessEnv {
  return { ...process.env, [HOST_CONFIG_VARIABLE]: JSON.stringify(config) }
}

/** Forks the host as a Node child process; its stdout goes to our stderr, so it never mixes with a CLI's output. */
export const forkHostProcess: SpawnHost = (config) => {
  const child = fork(hostEntryPath(), [], { env: hostEnvironment(config), execArgv: [], stdio: ['ignore', 2, 2, 'ipc'], serialization: 'json' })
  return {
    get pid() {
      return child.pid
    },
    send: (request) => {
      if (child.connected) child.send(request)
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code, signal) => listener(exitDescription(code, signal))),
    kill: () => void child.kill('SIGKILL')
  }
}
