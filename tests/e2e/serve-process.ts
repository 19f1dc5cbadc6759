// Starts the real `arc-ttt serve` in a child process and waits for the page URL it prints.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..')

export interface ServeProcess {
  /** The printed page URL, with `?token=`. */
  readonly pageUrl: string
  readonly child: ChildProcess
  /** Output so far, for failure messages. */
  output(): string
  /** Sends SIGTERM and waits for the exit code. */
  stop(): Promise<number | null>
}

export function startServe(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'arc-ttt.mjs'), 'serve', ...args], { cwd: PROJECT_ROOT, env })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  const output = (): string => `stdout:\n${stdout}\nstderr:\n${stderr}`
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null) child.kill('SIGTERM')
    return exited
  }

  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void stop()
      fail(new Error(`arc-ttt serve printed no URL within ${timeoutMs} ms\n${output()}`))
    }, timeoutMs)
    child.stdout.on('data', () => {
      const match = /arc-ttt serve: open (\S+)/.exec(stdout)
      if (!match) return
      clearTimeout(timer)
      done({ pageUrl: match[1]!, child, output, stop })
    })
    void exited.then((code) => {
      clearTimeout(timer)
      fail(new Error(`arc-ttt serve exited with code ${code} before printing its URL\n${output()}`))
    })
  })
}
