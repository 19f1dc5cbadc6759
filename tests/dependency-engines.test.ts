// Every package in the lock file accepts the Node that package.json states (>= 20.19), so `npm
// install` prints no EBADENGINE warning on it. The README's quick start promises that Node.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')
type Version = readonly [number, number, number]

/** A full or partial version ("20", "20.x", "20.19.0"); missing or wildcard parts are undefined. */
function parts(text: string): (number | undefined)[] {
  return text
    .replace(/^v/, '')
    .split('.')
    .slice(0, 3)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : undefined))
}

const compare = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]
const lowest = (p: (number | undefined)[]): Version => [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0]

/** Whether `version` meets one comparator of a node-semver range (>=, >, <=, <, =, ^, ~, x-ranges). */
function meets(version: Version, comparator: string): boolean {
  const [, op = '', rest = ''] = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(comparator)!
  const p = parts(rest)
  const low = lowest(p)
  const known = p.filter((x) => x !== undefined).length
  if (known === 0) return true
  if (op === '>=') return compare(version, low) >= 0
  if (op === '>') return compare(version, low) > 0
  if (op === '<') return compare(version, low) < 0
  if (op === '<=') return compare(version, low) <= 0
  if (op === '^') {
    const lead = low[0] !== 0 ? 0 : low[1] !== 0 || known < 3 ? 1 : 2
    return compare(version, low) >= 0 && version.slice(0, lead + 1).every((x, i) => x === low[i])
  }
  if (op === '~') return compare(version, low) >= 0 && version[0] === low[0] && (known < 2 || version[1] === low[1])
  return version.slice(0, known).every((x, i) => x === low[i]) // "=", a bare or partial version
}

/** node-semver's range grammar as package.json `engines` use it: `a || b`, each a list of comparators. */
function satisfies(version: string, range: string): boolean {
  const v = lowest(parts(version))
  return range.split('||').some((set) => {
    const hyphen = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(set)
    if (hyphen) return meets(v, `>=${hyphen[1]}`) && meets(v, `<=${hyphen[2]}`)
    const comparators = set
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
    return comparators.every((c) => meets(v, c))
  })
}

describe('dependency engines', () => {
  it('reads node-semver ranges as npm does', () => {
    expect(satisfies('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true)
    expect(satisfies('20.19.0', '>=22.12.0')).toBe(false)
    expect(satisfies('20.19.0', '^22.22.2 || ^24.15.0 || >=26.0.0')).toBe(false)
    expect(satisfies('20.19.0', '>= 12.20.55')).toBe(true)
    expect(satisfies('20.19.0', '18 || 20 || >=22')).toBe(true)
    expect(satisfies('20.19.0', '>=6 <7 || >=8')).toBe(true)
    expect(satisfies('20.19.0', '^18.17.0')).toBe(false)
    expect(satisfies('20.19.0', '~20.18.0')).toBe(false)
    expect(satisfies('20.19.0', '20.x || 22.x')).toBe(true)
    expect(satisfies('20.19.0', '*')).toBe(true)
  })

  it("every locked package accepts package.json's Node minimum and the Node running the tests", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }
    const minimum = /^>=\s*(\d+(\.\d+){0,2})$/.exec(manifest.engines.node)?.[1]
    expect(minimum, `package.json engines.node should read ">=X.Y", got ${manifest.engines.node}`).toBeDefined()
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>
    }
    const refusals = Object.entries(lock.packages).flatMap(([path, entry]) => {
      const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined
      if (!range || !path) return []
      return [minimum!, process.versions.node]
        .filter((v) => !satisfies(v, range))
        .map((v) => `${path}@${entry.version}: node ${range} refuses ${v}`)
    })
    expect(refusals).toEqual([])
  })
})
