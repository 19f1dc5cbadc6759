// Architecture rules of architecture.md section 2, checked over the source tree:
// main/engine is a plain Node library (no electron, no DOM), and only main/app and preload import electron.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|vue|mts)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
}

/** Module specifiers of static imports, dynamic imports and requires. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm]
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!))
}

describe('architecture', () => {
  it('the engine imports no electron', () => {
    const offenders = sourceFiles('main/engine').filter((f) => importsOf(f).some((s) => s === 'electron' || s.startsWith('electron/')))
    expect(offenders).toEqual([])
  })

  it('the engine uses no DOM globals', () => {
    const offenders = sourceFiles('main/engine').filter((f) => /\b(window|document|navigator)\./.test(readFileSync(join(ROOT, f), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('only main/app, main/index.ts and preload import electron', () => {
    const files = [...sourceFiles('main'), ...sourceFiles('renderer'), ...sourceFiles('preload')]
    const allowed = (f: string) => f.startsWith('main/app/') || f === 'main/index.ts' || f.startsWith('preload/')
    const offenders = files.filter((f) => !allowed(f) && importsOf(f).includes('electron'))
    expect(offenders).toEqual([])
  })

  it('the renderer imports no Node built-ins', () => {
    const offenders = sourceFiles('renderer').filter((f) => importsOf(f).some((s) => s.startsWith('node:') || s === 'fs' || s === 'path'))
    expect(offenders).toEqual([])
  })

  it('exactly one module imports onnxruntime-node, at most one the SQLite driver', () => {
    const files = [...sourceFiles('main'), ...sourceFiles('preload'), ...sourceFiles('renderer')]
    expect(files.filter((f) => importsOf(f).includes('onnxruntime-node'))).toEqual(['main/engine/runtime/session.ts'])
    expect(files.filter((f) => importsOf(f).includes('better-sqlite3')).length).toBeLessThanOrEqual(1)
  })

  it('main/api holds the wire API only: the engine, the services and the CLI take no shared service from it', () => {
    const fromApi = (f: string) => importsOf(f).filter((s) => /(^|\/)api\//.test(s) && !/api\/(runs-)?contract$/.test(s))
    const files = [...sourceFiles('main/engine'), ...sourceFiles('main/services'), ...sourceFiles('main/cli')]
    const offenders = files.flatMap((f) => fromApi(f).map((s) => `${f} -> ${s}`))
    // `arc-ttt serve` is a transport of the API, like main/server: it builds the handlers.
    expect(offenders).toEqual(['main/cli/commands/serve.ts -> ../../api/handlers'])
  })

  it('the rule itself detects an electron import (guards against a vacuous pass)', () => {
    expect(importsOf('main/app/ipc.ts')).toContain('electron')
  })
})
