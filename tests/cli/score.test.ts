// `arc-ttt score` through the real launcher, on tasks and submissions built here, so every expected
// number can be checked by hand.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatTaskCount } from '../../main/cli/commands/score'
import { runCli } from './run-cli'

const X = [[1, 2], [3, 4]]
const Y = [[5]]
const WRONG = [[9, 9]]
const demo = { input: [[0]], output: [[0]] }
const entry = (attempt1: number[][], attempt2: number[][] = [[0]]) => ({ attempt_1: attempt1, attempt_2: attempt2 })

// Four scored tasks (c has two test outputs) and one without test outputs, which is not scored.
const TASKS = {
  a: { train: [demo], test: [{ input: [[0]], output: X }] },
  b: { train: [demo], test: [{ input: [[0]], output: Y }] },
  c: { train: [demo], test: [{ input: [[0]], output: X }, { input: [[1]], output: Y }] },
  d: { train: [demo], test: [{ input: [[0]], output: X }] },
  e: { train: [demo], test: [{ input: [[0]] }] }
}

let dir: string
let data: string
const file = (name: string) => join(dir, name)
const writeJson = (name: string, value: unknown) => writeFileSync(file(name), JSON.stringify(value))

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arc-ttt-score-'))
  data = join(dir, 'data')
  mkdirSync(data)
  for (const [id, task] of Object.entries(TASKS)) writeFileSync(join(data, `${id}.json`), JSON.stringify(task))
  writeJson('all-right.json', { a: [entry(X)], b: [entry(Y)], c: [entry(X), entry(Y)], d: [entry(X)], e: [entry(Y)] })
  writeJson('all-wrong.json', { a: [entry(WRONG)], b: [entry(WRONG)], c: [entry(WRONG), entry(WRONG)], d: [entry(WRONG)], e: [entry(WRONG)] })
  writeJson('attempt-2-right.json', { a: [entry(WRONG, X)], b: [entry(WRONG, Y)], c: [entry(WRONG, X), entry(WRONG, Y)], d: [entry(WRONG, X)] })
  // a right, b right by attempt 2, c half right, d and e missing, and one task that is not in the data.
  writeJson('mixed.json', { a: [entry(X)], b: [entry(WRONG, Y)], c: [entry(X), entry(X)], stranger: [entry(Y)] })
  writeJson('bad-cell.json', { a: [entry(X)], b: [entry(Y)], c: [entry(X), entry([[1, 2], [3, 10]])], d: [entry(X)] })
  writeJson('bad-count.json', { a: [entry(X), entry(X)] })
  writeFileSync(file('not-json.json'), '{"a": [')
  // The Kaggle form of tasks a and c: challenges without outputs, solutions beside them.
  mkdirSync(join(dir, 'kaggle'))
  writeJson('kaggle/x_challenges.json', { a: { train: [demo], test: [{ input: [[0]] }] }, c: { train: [demo], test: [{ input: [[0]] }, { input: [[1]] }] } })
  writeJson('kaggle/x_solutions.json', { a: [X], c: [X, Y] })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const score = (submission: string, ...flags: string[]) => runCli(['score', '--data', data, '--submission', file(submission), ...flags])

describe('arc-ttt score', () => {
  it('all right: 100% in both conventions over the 4 tasks with test outputs', () => {
    expect(score('all-right.json')).toEqual({
      code: 0,
      stdout: 'official: 100.00% (4/4 tasks)\nall-or-nothing: 100.00% (4/4 tasks)\n',
      stderr: 'note: 1 task(s) without test outputs not scored: e\n'
    })
  })

  it('all wrong: 0%', () => {
    expect(score('all-wrong.json')).toMatchObject({ code: 0, stdout: 'official: 0.00% (0/4 tasks)\nall-or-nothing: 0.00% (0/4 tasks)\n' })
  })

  it('attempt 2 right: counts as solved', () => {
    expect(score('attempt-2-right.json')).toMatchObject({ code: 0, stdout: 'official: 100.00% (4/4 tasks)\nall-or-nothing: 100.00% (4/4 tasks)\n' })
  })

  it('a half-right two-output task counts 0.5 officially and 0 all-or-nothing; missing tasks are listed', () => {
    // a 1 + b 1 + c 0.5 + d 0 (missing) = 2.5 of 4 tasks = 62.50%; all-or-nothing: a and b = 2 of 4.
    const { code, stdout, stderr } = score('mixed.json')
    expect(code).toBe(0)
    expect(stdout).toBe('official: 62.50% (2.5/4 tasks)\nall-or-nothing: 50.00% (2/4 tasks)\n')
    expect(stderr.split('\n')).toEqual([
      '1 task(s) missing from the submission, scored as unsolved:',
      '  d',
      'note: 1 task(s) without test outputs not scored: e',
      'warning: 1 submission task(s) not in the data, ignored: stranger',
      ''
    ])
  })

  it('--json gives per-task and per-output results and the totals', () => {
    const { code, stdout } = score('mixed.json', '--json')
    expect(code).toBe(0)
    const result = JSON.parse(stdout)
    expect(result).toMatchObject({
      ok: true,
      taskCount: 4,
      officialSolved: 2.5,
      official: 0.625,
      allOrNothingSolved: 2,
      allOrNothing: 0.5,
      missingTaskIds: ['d'],
      unscoredTaskIds: ['e'],
      unknownTaskIds: ['stranger']
    })
    expect(result.tasks.find((t: { taskId: string }) => t.taskId === 'c')).toEqual({
      taskId: 'c',
      missing: false,
      outputs: [
        { index: 0, solved: true, solvedBy: 'attempt_1', answered: true },
        { index: 1, solved: false, solvedBy: null, answered: true }
      ],
      solvedOutputs: 1,
      official: 0.5,
      allOrNothing: 0
    })
  })

  it('scores a Kaggle challenges file against the solutions beside it', () => {
    const { code, stdout } = runCli(['score', '--data', file('kaggle/x_challenges.json'), '--submission', file('mixed.json')])
    expect(code).toBe(0)
    expect(stdout).toBe('official: 75.00% (1.5/2 tasks)\nall-or-nothing: 50.00% (1/2 tasks)\n')
  })

  it('a malformed submission: one clear line per problem, exit 1, nothing scored, no stack trace', () => {
    const bad = score('bad-cell.json')
    expect(bad.code).toBe(1)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toBe(
      `${file('bad-cell.json')}: task c at c[1].attempt_1[1][1]: expected a colour, an integer 0..9, got the number 10\n` +
        'arc-ttt score: the submission has 1 problem(s); nothing was scored\n'
    )
    const count = score('bad-count.json')
    expect(count.code).toBe(1)
    expect(count.stderr).toContain(`${file('bad-count.json')}: task a at a: expected 1 entries, one per test input, got 2\n`)
    const notJson = score('not-json.json')
    expect(notJson.code).toBe(1)
    expect(notJson.stderr).toMatch(/not-json\.json: not valid JSON/)
    const absent = score('absent.json')
    expect(absent.code).toBe(1)
    expect(absent.stderr).toContain('absent.json: cannot read file: no such file or folder (ENOENT)')
    for (const run of [bad, count, notJson, absent]) expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('a malformed submission with --json: the problems as JSON, exit 1', () => {
    const { code, stdout } = score('bad-cell.json', '--json')
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, problems: [{ taskId: 'c', path: 'c[1].attempt_1[1][1]' }] })
  })

  it('exits 1 when the data has no valid task', () => {
    const { code, stderr } = runCli(['score', '--data', file('no-such-folder'), '--submission', file('all-right.json')])
    expect(code).toBe(1)
    expect(stderr).toContain('no valid task')
  })

  it('exits 2 on usage errors', () => {
    expect(runCli(['score', '--data', data]).code).toBe(2)
    expect(runCli(['score', '--submission', file('all-right.json')]).code).toBe(2)
    expect(runCli(['score', '--data', data, '--submission', file('all-right.json'), 'extra']).code).toBe(2)
    expect(runCli(['score', '--bogus']).code).toBe(2)
  })
})

describe('formatTaskCount', () => {
  it('shows at most two decimals and drops trailing zeros', () => {
    expect([12.5, 3, 0, 1 / 3, 2 / 3, 399.75].map(formatTaskCount)).toEqual(['12.5', '3', '0', '0.33', '0.67', '399.75'])
  })
})
