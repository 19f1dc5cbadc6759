// `arc-ttt ttt-data`, `arc-ttt prompts` and `arc-ttt bench ttt-data` through the real launcher, on the
// hand-checkable tasks of tests/engine/ttt/hand-tasks.ts (counts worked out in data.test.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ONE_CELL_TASK, TWO_BY_TWO_TASK, taskFileJson } from '../engine/ttt/hand-tasks'
import { runCli } from './run-cli'

let dir: string
let oneCell: string
let twoByTwo: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arc-ttt-ttt-data-'))
  oneCell = join(dir, 'tasks', 'one-cell.json')
  twoByTwo = join(dir, 'tasks', 'two-by-two.json')
  mkdirSync(join(dir, 'tasks'))
  writeFileSync(oneCell, taskFileJson(ONE_CELL_TASK))
  writeFileSync(twoByTwo, taskFileJson(TWO_BY_TWO_TASK))
  writeFileSync(join(dir, 'ragged.json'), JSON.stringify({ train: [{ input: [[1, 2], [3]], output: [[1]] }], test: [{ input: [[1]] }] }))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('arc-ttt ttt-data', () => {
  it('prints the counts per source and per augmenter and the token lengths', () => {
    const { code, stdout } = runCli(['ttt-data', oneCell])
    expect(code).toBe(0)
    const lines = stdout.split('\n')
    expect(lines[0]).toMatch(/^task one-cell: 3 demonstrations; seed 0, cap 250, context 8192, format leave-one-out/)
    expect(lines).toContainEqual(expect.stringMatching(/^leave-one-out\s+3\s+69\s+0\s+12\s+84\s+24\s+0\s+24\s+24$/))
    expect(lines).toContainEqual(expect.stringMatching(/^leave-two-out\s+6\s+138\s+0\s+24\s+168\s+48\s+0\s+48\s+48$/))
    expect(lines).toContainEqual(expect.stringMatching(/^upscale-2\s+18\s+18$/))
    expect(lines).toContainEqual(expect.stringMatching(/^tile-2x2\s+0\s+0$/))
    // Lengths (see data.test.ts): leave-one-out 6 each of 24, 30, 36, 48; leave-two-out 12 each of
    // 16, 20, 24, 32. The 36th and 37th of the 72 sorted are both 24; the mean is 1932 / 72 = 26.8.
    expect(lines).toContain('72 examples; tokens min 16, median 24, mean 26.8, max 48')
  })

  it('prints byte-identical --json for the same seed, and different output for another seed', () => {
    const first = runCli(['ttt-data', '--json', '--seed', '5', oneCell])
    const second = runCli(['ttt-data', oneCell, '--seed', '5', '--json'])
    expect(first.code).toBe(0)
    expect(second.stdout).toBe(first.stdout)
    expect(runCli(['ttt-data', '--json', '--seed', '6', oneCell]).stdout).not.toBe(first.stdout)
    const parsed = JSON.parse(first.stdout)
    expect(parsed.examples).toHaveLength(72)
    expect(parsed.options).toMatchObject({ seed: 5, cap: 250, maxTokens: 8192, lossMask: 'outputs-except-first' })
    // The first example: demonstrations 1 and 2 (one-cell grids, 4 tokens each), demonstration 0 as test.
    // Targets: demo 2's output body (13..15) and the test output's (21..23).
    expect(parsed.examples[0]).toEqual({
      id: 'leave-one-out/test-0/identity',
      provenance: { source: 'leave-one-out', leaveOut: [0], demonstrationOrder: [1, 2], augmenter: 'identity', colourPermuted: false, shuffled: false },
      demonstrations: [
        { input: [[3]], output: [[4]] },
        { input: [[5]], output: [[6]] }
      ],
      test: { input: [[1]], output: [[2]] },
      tokens: 24,
      lossMask: { targetTokens: 6, ranges: [[13, 16], [21, 24]] }
    })
  })

  it('passes the options through: context, cap, no augmentation, direct-io, loss mask, leave-one-out only', () => {
    const json = (...args: string[]) => JSON.parse(runCli(['ttt-data', '--json', ...args, oneCell]).stdout)
    expect(json('--context', '40').stats.perSource['leave-one-out']).toMatchObject({ droppedForContext: 6, available: 18 })
    expect(json('--cap', '10').examples).toHaveLength(10)
    expect(json('--no-augment').examples.every((e: { provenance: { augmenter: string } }) => e.provenance.augmenter === 'identity')).toBe(true)
    expect(json('--format', 'direct-io').examples.every((e: { demonstrations: unknown[] }) => e.demonstrations.length === 0)).toBe(true)
    expect(json('--loss-mask', 'test-output-only').examples[0].lossMask).toEqual({ targetTokens: 3, ranges: [[21, 24]] })
    expect(json('--loss-mask', 'inputs-and-outputs').examples[0].lossMask.targetTokens).toBe(18)
    expect(json('--leave-one-out-only').examples).toHaveLength(24)
  })

  it('rejects a bad task file with the validator\'s message, exit 1', () => {
    const { code, stderr } = runCli(['ttt-data', join(dir, 'ragged.json')])
    expect(code).toBe(1)
    expect(stderr).toContain(`${join(dir, 'ragged.json')}: task ragged at train[0].input[1]: ragged rows: row 1 has 1 cells but row 0 has 2`)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(runCli(['ttt-data', join(dir, 'missing.json')]).code).toBe(1)
    expect(runCli(['ttt-data', join(dir, 'tasks')]).stderr).toMatch(/holds 2 tasks; give one task file/)
  })

  it.each([[[]], [['--cap', '0']], [['--context', 'many']], [['--format', 'pairs']], [['--loss-mask', 'outputs']], [['--bogus']]])('exits 2 on the usage error %j', (args) => {
    const { code, stderr } = runCli(['ttt-data', ...args, ...(args.length > 0 ? [oneCell] : [])])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^arc-ttt ttt-data: /)
  })
})

describe('arc-ttt prompts', () => {
  it('lists the prompts with transform and inverse; --json gives their grids', () => {
    const { code, stdout } = runCli(['prompts', twoByTwo])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^task two-by-two, test input 0: \d+ prompts leaving out 1 demonstration\(s\); 0 dropped for the context of 8192/)
    expect(stdout).toMatch(/^identity:1,2\s+identity\s+identity\s+0\s+2\s+41\s+7$/m)
    expect(stdout).toMatch(/^rotate-90:[\d,]+\s+rotate-90\s+rotate-270\s/m)
    const parsed = JSON.parse(runCli(['prompts', '--json', '--test-index', '1', twoByTwo]).stdout)
    expect(parsed.testIndex).toBe(1)
    expect(parsed.prompts[0].testInput).toEqual([[9, 8], [7, 6]])
  })

  it('falls back to leave-two-out, and exits 1 with the reason when nothing fits', () => {
    expect(runCli(['prompts', '--context', '40', twoByTwo]).stdout).toMatch(/8 prompts leaving out 2 demonstration\(s\)/)
    const none = runCli(['prompts', '--context', '31', twoByTwo])
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/no prompt fits the context of 31 tokens/)
  })

  it('exits 2 on a test index out of range', () => {
    const { code, stderr } = runCli(['prompts', '--test-index', '2', twoByTwo])
    expect(code).toBe(2)
    expect(stderr).toMatch(/--test-index must be 0..1: task two-by-two has 2 test input\(s\), got 2/)
  })
})

describe('arc-ttt bench ttt-data', () => {
  it('builds every task of a folder and prints times and examples per task', () => {
    const { code, stdout } = runCli(['bench', 'ttt-data', join(dir, 'tasks')])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^2 tasks of .*; seed 0, cap 250, context 8192/)
    expect(stdout).toMatch(/^machine: .+, \d+ cores, Node v\d+/m)
    const report = JSON.parse(runCli(['bench', 'ttt-data', '--json', join(dir, 'tasks')]).stdout)
    expect(report.perTask.map((t: { id: string; leaveOneOut: number; final: number }) => [t.id, t.leaveOneOut, t.final])).toContainEqual(['one-cell', 24, 72])
    expect(report.tasks).toBe(2)
  })

  it('exits 2 without a benchmark name or with an unknown one', () => {
    expect(runCli(['bench']).code).toBe(2)
    expect(runCli(['bench', 'nothing']).stderr).toMatch(/unknown benchmark "nothing"; one of engine, ttt-data/)
  })
})
