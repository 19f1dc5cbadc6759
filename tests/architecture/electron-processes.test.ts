// The rule of issue 14 item 6 (architecture.md section 2): no Electron process loads a native
// module. better-sqlite3 and onnxruntime-node are built by `npm install` for Node's ABI; Electron's
// main process would fail to load them. So the Electron entry points (main process and preload)
// must not reach them, or any module that imports them, through their runtime imports; the desktop
// app's API host (a plain Node child) owns them. Checked on the sources and, once built, on out/.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageName, reachableFrom, ROOT, runtimeImports } from './import-graph'

/** Modules built for Node's ABI: they must load only in plain Node processes. */
const NATIVE_PACKAGES = ['better-sqlite3', 'onnxruntime-node']
const ELECTRON_ENTRIES = ['main/index.ts', 'preload/index.ts']
/** The plain Node processes that own the native modules: the API host (the log) and the engine host it forks. */
const NODE_ENTRIES = ['main/host/api-host-main.ts', 'main/host/host-main.ts']

function nativeChains(entries: readonly string[]): Record<string, string> {
  const { packages } = reachableFrom(entries)
  const found: Record<string, string> = {}
  for (const [specifier, chain] of packages) {
    if (NATIVE_PACKAGES.includes(packageName(specifier))) found[specifier] = chain.join(' -> ')
  }
  return found
}

describe('runtime imports', () => {
  it('keep type-only imports out and dynamic imports and requires in', () => {
    const text = [
      "import type { A } from './types-only'",
      "import { type B, type C } from './also-types'",
      "import { type D, e } from './mixed'",
      "export type { F } from './re-exported-types'",
      "export { g } from './re-exported'",
      "const h = await import('./lazy')",
      "const i = require('better-sqlite3')",
      "import './side-effect'"
    ].join('\n')
    expect(runtimeImports(text).sort()).toEqual(['./lazy', './mixed', './re-exported', './side-effect', 'better-sqlite3'])
  })
})

describe('Electron processes load no native module', () => {
  it('the walk from the Node processes reaches both native modules (the walk finds what it looks for)', () => {
    expect([...new Set(Object.keys(nativeChains(NODE_ENTRIES)).map(packageName))].sort()).toEqual(NATIVE_PACKAGES)
    expect(Object.keys(nativeChains(['main/host/api-host-main.ts'])).map(packageName)).toContain('better-sqlite3')
  })

  it('the Electron main process and the preload script reach none', () => {
    expect(nativeChains(ELECTRON_ENTRIES)).toEqual({})
  })

  it('every Electron-glue file under main/app reaches none', () => {
    const { files } = reachableFrom(ELECTRON_ENTRIES)
    const appFiles = [...files.keys()].filter((f) => f.startsWith('main/app/'))
    expect(appFiles).toContain('main/app/start.ts')
    expect(nativeChains(appFiles)).toEqual({})
  })

  it('the Electron main process reaches no engine or API-handler module', () => {
    const { files } = reachableFrom(ELECTRON_ENTRIES)
    const isHeavy = (f: string) => f.startsWith('main/engine/') || f === 'main/api/handlers.ts' || f === 'main/api/dispatch.ts'
    const heavy = [...files.keys()].filter(isHeavy)
    expect(heavy).toEqual([])
  })

  it('no Electron process starts a Node process with Electron itself (utilityProcess, ELECTRON_RUN_AS_NODE)', () => {
    const { files } = reachableFrom(ELECTRON_ENTRIES)
    const electronAsNode = /\butilityProcess\b|ELECTRON_RUN_AS_NODE\s*[:=]\s*['"1]/
    const offenders = [...files.keys()].filter((f) => electronAsNode.test(readFileSync(join(ROOT, f), 'utf8')))
    expect(offenders).toEqual([])
  })
})

/** Relative imports of a built ES module file, resolved to project-relative paths. */
function builtImports(file: string): { files: string[]; packages: string[] } {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]!)
  const local = specifiers.filter((s) => s.startsWith('.')).map((s) => relative(ROOT, join(ROOT, dirname(file), s)))
  return { files: local, packages: specifiers.filter((s) => !s.startsWith('.')).map(packageName) }
}

function builtPackages(entry: string): Set<string> {
  const seen = new Set([entry])
  const packages = new Set<string>()
  const queue = [entry]
  while (queue.length > 0) {
    const { files, packages: found } = builtImports(queue.shift()!)
    found.forEach((p) => packages.add(p))
    for (const file of files) if (!seen.has(file) && existsSync(join(ROOT, file))) (seen.add(file), queue.push(file))
  }
  return packages
}

describe.skipIf(!existsSync(join(ROOT, 'out/main/index.js')))('the built bundles (npm run build)', () => {
  it('the built Node processes load the native modules, the built main process and preload none', () => {
    const node = new Set([...builtPackages('out/main/api-host.js'), ...builtPackages('out/main/host.js')])
    expect(NATIVE_PACKAGES.filter((p) => node.has(p))).toEqual(NATIVE_PACKAGES)
    const electron = new Set([...builtPackages('out/main/index.js'), ...builtPackages('out/preload/index.cjs')])
    expect(NATIVE_PACKAGES.filter((p) => electron.has(p))).toEqual([])
  })
})
