// The static import graph of the project's own TypeScript sources, as the bundler and Node see it:
// static imports and re-exports, dynamic `import()` and `require()`; type-only imports are left out
// because they are erased before anything runs. Bare specifiers (packages) are leaves.
import { readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

export const ROOT = resolve(import.meta.dirname, '..', '..')

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause
  if (!clause) return false
  if (clause.isTypeOnly) return true
  const bindings = clause.namedBindings
  if (clause.name !== undefined || bindings === undefined || !ts.isNamedImports(bindings)) return false
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)
}

/** The module specifiers a file loads at run time. */
export function runtimeImports(text: string, fileName = 'module.ts'): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyImport(node)) found.push(node.moduleSpecifier.text)
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) found.push(node.moduleSpecifier.text)
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression
      const loads = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')
      if (loads) found.push(node.arguments[0].text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

const EXTENSIONS = ['', '.ts', '.mts', '.js', '.mjs', '/index.ts']

/** A relative specifier's file (project-relative), or undefined for a package or a missing file. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  const base = resolve(ROOT, dirname(from), specifier)
  for (const extension of EXTENSIONS) {
    const candidate = base + extension
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return relative(ROOT, candidate)
  }
  return undefined
}

export interface Reach {
  /** Every project file reached, each with the chain of files that led to it. */
  readonly files: ReadonlyMap<string, readonly string[]>
  /** Every package reached, each with the chain of files that imported it. */
  readonly packages: ReadonlyMap<string, readonly string[]>
}

/** Walks the graph from the entry files (project-relative paths). */
export function reachableFrom(entries: readonly string[]): Reach {
  const files = new Map<string, readonly string[]>()
  const packages = new Map<string, readonly string[]>()
  const queue = entries.map((entry) => ({ file: entry, chain: [entry] }))
  for (const { file, chain } of queue) files.set(file, chain)
  while (queue.length > 0) {
    const { file, chain } = queue.shift()!
    for (const specifier of runtimeImports(readFileSync(join(ROOT, file), 'utf8'), file)) {
      const target = resolveSpecifier(file, specifier)
      if (target === undefined) {
        if (!specifier.startsWith('.') && !packages.has(specifier)) packages.set(specifier, chain)
        continue
      }
      if (files.has(target)) continue
      files.set(target, [...chain, target])
      queue.push({ file: target, chain: [...chain, target] })
    }
  }
  return { files, packages }
}

/** The package name of a specifier: `better-sqlite3/lib/x` -> `better-sqlite3`, `@scope/a/b` -> `@scope/a`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!
}
