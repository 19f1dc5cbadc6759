// Runs the real `arc-ttt` launcher in a child process and captures its output and exit code.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..')

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export function runCli(args: readonly string[], cwd = PROJECT_ROOT): CliResult {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, 'bin', 'arc-ttt.mjs'), ...args], { cwd, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
