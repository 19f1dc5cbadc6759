// Lines of the engine's sources stay under 140 characters, so a file reads without sideways
// scrolling in a review (every folder of it, experiment/ and search/ included).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const MAX_LINE = 140

function engineSources(): string[] {
  return readdirSync(join(ROOT, 'main/engine'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
}

/** `file:line (length)` for every line longer than the limit. */
function longLines(file: string, text: string, limit = MAX_LINE): string[] {
  return text.split('\n').flatMap((line, i) => (line.length > limit ? [`${file}:${i + 1} (${line.length})`] : []))
}

describe('line length', () => {
  it(`keeps every engine line under ${MAX_LINE} characters`, () => {
    const offenders = engineSources().flatMap((file) => longLines(file, readFileSync(join(ROOT, file), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('finds a long line (guards against a vacuous pass)', () => {
    expect(longLines('a.ts', `short\n${'x'.repeat(MAX_LINE + 1)}\n`)).toEqual([`a.ts:2 (${MAX_LINE + 1})`])
    expect(engineSources().length).toBeGreaterThan(100)
  })
})
