// Finds the Node binary the desktop app runs its API host with. The native modules (better-sqlite3,
// onnxruntime-node) are built by `npm install` for that Node's ABI, never Electron's, so the app
// must not use Electron's own binary (ELECTRON_RUN_AS_NODE) for them. In order:
//   $ARC_TTT_NODE          a path the user chose (an error when it is not a usable Node)
//   $npm_node_execpath     the Node that runs `npm start` (npm sets it), usually the one that installed
//   node                   the first `node` on PATH
import { execFileSync } from 'node:child_process'

export const MINIMUM_NODE: readonly [number, number] = [20, 19]

export interface NodeBinary {
  readonly path: string
  /** As `node --version` prints it, e.g. "v20.20.2". */
  readonly version: string
}

/** Runs `<path> --version`; throws when it cannot be run. */
export type VersionProbe = (path: string) => string

const probeVersion: VersionProbe = (path) => {
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: undefined }
  return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000, env }).trim()
}

/** True for "v20.19.0" and later. */
export function isSupportedNodeVersion(version: string): boolean {
  const match = /^v(\d+)\.(\d+)\.\d+/.exec(version)
  if (!match) return false
  const [major, minor] = [Number(match[1]), Number(match[2])]
  return major > MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor >= MINIMUM_NODE[1])
}

/** What to do about a missing or unusable Node, in one paragraph. */
export class NodeBinaryError extends Error {}

export function findNodeBinary(env: NodeJS.ProcessEnv = process.env, probe: VersionProbe = probeVersion): NodeBinary {
  const wanted = `Node.js >= ${MINIMUM_NODE.join('.')}`
  const chosen = env['ARC_TTT_NODE']
  const candidates = chosen ? [chosen] : [env['npm_node_execpath'], 'node'].filter((c): c is string => c !== undefined && c !== '')
  const tried: string[] = []
  for (const path of candidates) {
    let version: string
    try {
      version = probe(path)
    } catch {
      tried.push(`${path}: cannot be run`)
      continue
    }
    if (isSupportedNodeVersion(version)) return { path, version }
    tried.push(`${path}: ${version || 'no version'} is too old`)
  }
  const how = chosen ? 'fix ARC_TTT_NODE (the path of a node binary)' : 'put it on PATH, or set ARC_TTT_NODE to the path of a node binary'
  throw new NodeBinaryError(
    `The workbench opens its experiment log and runs the engine in a Node.js process, and needs ${wanted}: ${how}. ` +
      `It must be the Node that ran \`npm install\`, since the native modules are built for it. Tried: ${tried.join('; ')}.`
  )
}
