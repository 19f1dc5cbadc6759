// `arc-ttt validate`, `arc-ttt tasks` and `arc-ttt demo` through the real launcher.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli'

const good = { train: [{ input: [[1, 2]], output: [[2, 1]] }], test: [{ input: [[3, 4]], output: [[4, 3]] }] }
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arc-ttt-cli-'))
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text)
  write('good-1.json', JSON.stringify(good))
  mkdirSync(join(dir, 'sub'))
  write('sub/good-2.json', JSON.stringify(good))
  write('empty.json', '')
  write('not-json.json', 'hello')
  write('ragged.json', JSON.stringify({ train: [{ input: [[1, 2], [3]], output: [[1]] }], test: [{ input: [[1]] }] }))
  write('no-train.json', JSON.stringify({ test: [{ input: [[1]] }] }))
  write('colour-ten.json', JSON.stringify({ train: [{ input: [[10]], output: [[1]] }], test: [{ input: [[1]] }] }))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('arc-ttt validate', () => {
  it('prints one line per bad file naming file, path and reason, counts the valid ones, exits 1', () => {
    const { code, stdout, stderr } = runCli(['validate', dir])
    expect(code).toBe(1)
    const lines = stdout.trim().split('\n')
    expect(lines.at(-1)).toBe('2 tasks valid, 5 invalid')
    expect(lines).toContain(`${join(dir, 'empty.json')}: task empty: file is empty: expected a JSON task object`)
    expect(lines).toContain(`${join(dir, 'ragged.json')}: task ragged at train[0].input[1]: ragged rows: row 1 has 1 cells but row 0 has 2`)
    expect(lines).toContain(`${join(dir, 'no-train.json')}: task no-train at train: missing: expected a list of demonstration pairs`)
    expect(lines).toContain(`${join(dir, 'colour-ten.json')}: task colour-ten at train[0].input[0][0]: expected a colour, an integer 0..9, got the number 10`)
    expect(lines.find((l) => l.startsWith(join(dir, 'not-json.json')))).toMatch(/not valid JSON/)
    expect(lines).toHaveLength(6)
    expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at /) // no stack trace
  })

  it('exits 0 with the summary when all are valid, and writes JSON with --json', () => {
    const text = runCli(['validate', join(dir, 'sub')])
    expect(text).toMatchObject({ code: 0, stdout: '1 tasks valid, 0 invalid\n' })
    const asJson = runCli(['validate', '--json', join(dir, 'sub'), join(dir, 'good-1.json')])
    expect(asJson.code).toBe(0)
    expect(JSON.parse(asJson.stdout)).toMatchObject({ valid: 2, invalid: 0, problems: 0 })
  })

  it('exits 2 on a usage error', () => {
    expect(runCli(['validate']).code).toBe(2)
    expect(runCli(['validate', '--bogus', dir]).code).toBe(2)
    expect(runCli(['no-such-command']).code).toBe(2)
  })
})

describe('arc-ttt tasks', () => {
  it('lists id, demonstrations, test inputs, largest grid and tokens', () => {
    const { code, stdout } = runCli(['tasks', '--json', join(dir, 'sub')])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual([
      { id: 'good-2', demonstrations: 1, testInputs: 1, testOutputs: 1, largestGrid: { height: 1, width: 2 }, maxSide: 2, tokens: 20, file: join(dir, 'sub', 'good-2.json'), valid: true }
    ])
    const table = runCli(['tasks', join(dir, 'sub')]).stdout.split('\n')
    expect(table[0]).toMatch(/^task\s+demos\s+tests\s+largest\s+tokens$/)
    expect(table[2]).toMatch(/^good-2\s+1\s+1\s+1x2\s+20$/)
  })
})

describe('arc-ttt demo', () => {
  it('validates the tasks, runs the method on them, logs the run and prints a results table', () => {
    const db = join(dir, 'demo.sqlite')
    const { code, stdout } = runCli(['demo', '--data', join(dir, 'sub'), '--db', db])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^1 tasks valid, 0 invalid/)
    expect(stdout).toMatch(/^task\s+result\s+solved by\s+program\s+TTT steps\s+final loss\s+seconds$/m)
    expect(stdout).toMatch(/^good-2\s+(solved|not solved)\s+(search|ttt|both|-)\s+.+?\s+\d+\s+(-|[\d.]+)\s+[\d.]+$/m)
    expect(stdout).toMatch(/official: [\d.]+% \(\d+\/1 tasks\)/)
    expect(stdout).toMatch(/details: arc-ttt runs show run-/)
  })
})
