// Where a run ran: the host's CPU, memory and operating system, and the workbench's own version and
// git revision, recorded with every run so results can be traced to a machine and a code version.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { availableParallelism, cpus, hostname, release, totalmem, version } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { HostInfo } from './types'

export function hostInfo(): HostInfo {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cpuCores: availableParallelism(),
    totalMemoryBytes: totalmem(),
    platform: process.platform,
    osRelease: release(),
    osVersion: version(),
    arch: process.arch,
    hostname: hostname(),
    nodeVersion: process.versions.node,
    electronVersion: process.versions['electron'] ?? null
  }
}

export interface WorkbenchVersion {
  /** The `version` of the workbench's package.json, or 'unknown' when none is found. */
  readonly version: string
  /** `git rev-parse HEAD` in the workbench's folder, or null (no git, not a checkout, a packaged app). */
  readonly gitRevision: string | null
}

const PACKAGE_NAME = 'arc-ttt-workbench'

/** The workbench's root: the nearest folder above this module whose package.json is the workbench's. */
function workbenchRoot(): string | null {
  let folder = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const file = join(folder, 'package.json')
    if (existsSync(file)) {
      try {
        const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }
        if (json.name === PACKAGE_NAME) return folder
      } catch {
        // not a readable package.json: keep looking above
      }
    }
    const parent = dirname(folder)
    if (parent === folder) return null
    folder = parent
  }
}

function gitRevision(folder: string): string | null {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: folder,
      encoding: 'utf8',
      timeout: 2000,
      stdio: ['ignore', 'pipe', 'ignore']
    })
    const revision = out.trim()
    return /^[0-9a-f]{40,64}$/.test(revision) ? revision : null
  } catch {
    return null
  }
}

/** Never throws: a missing package.json or git gives 'unknown' and null. */
export function workbenchVersion(): WorkbenchVersion {
  const root = workbenchRoot()
  if (root === null) return { version: 'unknown', gitRevision: null }
  let packageVersion = 'unknown'
  try {
    const json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown }
    if (typeof json.version === 'string') packageVersion = json.version
  } catch {
    // keep 'unknown'
  }
  return { version: packageVersion, gitRevision: gitRevision(root) }
}
