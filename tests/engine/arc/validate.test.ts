// Every accept and reject case of the data layer: each bad input yields a problem value that names
// the JSON path and a reason a user understands; nothing throws.
import { describe, expect, it } from 'vitest'
import { parseJsonText, validateTask, type ValidationProblem } from '../../../main/engine/arc'

const G = [[1, 2], [3, 4]]
const pair = { input: G, output: G }
const ok = { train: [pair], test: [{ input: G, output: G }] }

/** Parses text like a file would be, then validates it. */
function check(text: string): { valid: boolean; problems: ValidationProblem[] } {
  const parsed = parseJsonText(text)
  if (!parsed.ok) return { valid: false, problems: [{ file: 'f.json', taskId: 't', path: '', reason: parsed.reason }] }
  const { task, problems } = validateTask(parsed.value, 't', 'f.json')
  expect(task === undefined).toBe(problems.length > 0)
  return { valid: task !== undefined, problems: [...problems] }
}

const json = (value: unknown): string => JSON.stringify(value)
const square = (n: number, colour = 1): number[][] => Array.from({ length: n }, () => Array(n).fill(colour))

describe('accepted inputs', () => {
  const accepted: [string, string][] = [
    ['a plain task', json(ok)],
    ['a UTF-8 byte-order mark', `\uFEFF${json(ok)}`],
    ['unknown extra keys, at the top and in pairs', json({ ...ok, name: 'x', train: [{ ...pair, note: 1 }] })],
    ['1x1 grids', json({ train: [{ input: [[0]], output: [[9]] }], test: [{ input: [[5]] }] })],
    ['30x30 grids', json({ train: [{ input: square(30), output: square(30, 2) }], test: [{ input: square(30) }] })],
    ['test pairs without outputs (prediction-only)', json({ train: [pair], test: [{ input: G }, { input: G }] })],
    ['non-square grids', json({ train: [{ input: [[1, 2, 3]], output: [[1], [2], [3]] }], test: [{ input: G }] })]
  ]
  it.each(accepted)('accepts %s', (_name, text) => {
    const result = check(text)
    expect(result.problems).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('freezes the grids it returns', () => {
    const { task } = validateTask(ok, 't', 'f.json')
    expect(Object.isFrozen(task!.train[0]!.input)).toBe(true)
    expect(Object.isFrozen(task!.train[0]!.input[0])).toBe(true)
    expect(() => (task!.train[0]!.input[0] as number[]).push(1)).toThrow()
  })

  it('keeps a missing test output absent', () => {
    const { task } = validateTask({ train: [pair], test: [{ input: G }] }, 't', 'f.json')
    expect(task!.test[0]!.output).toBeUndefined()
  })
})

describe('rejected inputs', () => {
  const deep = '['.repeat(200_000) + ']'.repeat(200_000)
  const rejected: [string, string, string, RegExp][] = [
    ['an empty file', '', '', /empty/],
    ['only whitespace', '  \n ', '', /empty/],
    ['not JSON', '{"train": [', '', /not valid JSON/],
    ['a top level list', json([ok]), '', /expected a task object.*got a list/],
    ['a top level string', json('task'), '', /expected a task object.*got a string/],
    ['train missing', json({ test: ok.test }), 'train', /missing/],
    ['train not a list', json({ train: pair, test: ok.test }), 'train', /expected a list of pairs, got an object/],
    ['train empty', json({ train: [], test: ok.test }), 'train', /at least one demonstration/],
    ['test missing', json({ train: ok.train }), 'test', /missing/],
    ['test empty', json({ train: ok.train, test: [] }), 'test', /at least one test/],
    ['a pair that is not an object', json({ train: [G], test: ok.test }), 'train[0]', /expected a pair object/],
    ['a pair without input', json({ train: [{ output: G }], test: ok.test }), 'train[0].input', /missing/],
    ['a test pair without input', json({ train: ok.train, test: [{ output: G }] }), 'test[0].input', /missing/],
    ['a demonstration without output', json({ train: [{ input: G }], test: ok.test }), 'train[0].output', /missing/],
    ['a grid that is a number', json({ train: [{ input: 3, output: G }], test: ok.test }), 'train[0].input', /expected a grid.*the number 3/],
    ['a grid that is a flat list', json({ train: [{ input: [1, 2], output: G }], test: ok.test }), 'train[0].input[0]', /expected a row.*the number 1/],
    ['a string cell', json({ train: [{ input: [[1, '2']], output: G }], test: ok.test }), 'train[0].input[0][1]', /integer 0..9, got a string "2"/],
    ['a float cell', json({ train: [{ input: [[1.5]], output: G }], test: ok.test }), 'train[0].input[0][0]', /non-integer 1.5/],
    ['a boolean cell', json({ train: [{ input: [[true]], output: G }], test: ok.test }), 'train[0].input[0][0]', /boolean true/],
    ['a null cell', json({ train: [pair], test: [{ input: [[null]] }] }), 'test[0].input[0][0]', /got null/],
    ['a negative cell', json({ train: [{ input: [[-1]], output: G }], test: ok.test }), 'train[0].input[0][0]', /the number -1/],
    ['a cell of 10', json({ train: [{ input: G, output: [[10]] }], test: ok.test }), 'train[0].output[0][0]', /the number 10/],
    ['ragged rows', json({ train: [{ input: [[1, 2], [3], [4, 5]], output: G }], test: ok.test }), 'train[0].input[1]', /ragged rows: row 1 has 1 cells but row 0 has 2/],
    ['an empty grid', json({ train: [{ input: [], output: G }], test: ok.test }), 'train[0].input', /at least one row/],
    ['an empty row', json({ train: [{ input: [[]], output: G }], test: ok.test }), 'train[0].input[0]', /at least one cell/],
    ['31 rows', json({ train: [{ input: Array.from({ length: 31 }, () => [1]), output: G }], test: ok.test }), 'train[0].input', /31 rows, at most 30/],
    ['31 columns', json({ train: [{ input: [Array(31).fill(1)], output: G }], test: ok.test }), 'train[0].input[0]', /31 cells, at most 30/],
    ['pathologically deep JSON', json({ train: [{ input: 0, output: G }], test: ok.test }).replace('"input":0', `"input":${deep}`), 'train[0].input[0][0]', /integer 0..9, got a list/]
  ]
  it.each(rejected)('rejects %s', (_name, text, path, reason) => {
    const result = check(text)
    expect(result.valid).toBe(false)
    const match = result.problems.find((p) => p.path === path && reason.test(p.reason))
    expect(match, `expected a problem at "${path}" matching ${reason}, got ${JSON.stringify(result.problems)}`).toBeDefined()
    expect(match!.file).toBe('f.json')
  })

  it('reports every problem of a task, not only the first', () => {
    const { problems } = validateTask({ train: [{ input: [[1, 'x']], output: [] }], test: [{ input: [[11]] }] }, 't', 'f.json')
    expect(problems.map((p) => p.path)).toEqual(['train[0].input[0][1]', 'train[0].output', 'test[0].input[0][0]'])
  })

  it('summarises a grid full of bad cells instead of listing them all', () => {
    const { problems } = validateTask({ train: [{ input: [Array(10).fill('a')], output: G }], test: ok.test }, 't', 'f.json')
    expect(problems).toHaveLength(4)
    expect(problems[3]!.reason).toBe('7 more cells are not integers 0..9')
  })
})
