// Writing and reading submission files: stable text, a round trip, and problems as values.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseJsonText } from '../../../main/engine/arc'
import { makeGrid } from '../../../main/engine/arc/grid'
import type { Task } from '../../../main/engine/arc/types'
import {
  buildSubmission,
  formatSubmission,
  readSubmissionFile,
  submissionEntry,
  validateSubmission,
  writeSubmissionFile,
  type Submission
} from '../../../main/engine/scoring'

const X = makeGrid([[1, 2], [3, 4]])
const Y = makeGrid([[7]])
const t1: Task = { id: 't1', train: [{ input: Y, output: Y }], test: [{ input: Y, output: X }, { input: Y }] }
const t2: Task = { id: 't2', train: [{ input: Y, output: Y }], test: [{ input: Y, output: Y }] }
const dir = mkdtempSync(join(tmpdir(), 'arc-ttt-submission-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function parsed(text: string): unknown {
  const read = parseJsonText(text)
  if (!read.ok) throw new Error(read.reason)
  return read.value
}

describe('writing', () => {
  it('sorts tasks by id, orders keys attempt_1 then attempt_2, one task a line, [[0]] for no answer', () => {
    const submission: Submission = new Map([
      ['t2', [{ attempt_2: Y, attempt_1: X } as never]],
      ['t1', [submissionEntry([X, Y]), submissionEntry([])]]
    ])
    expect(formatSubmission(submission)).toBe(
      '{\n' +
        '  "t1": [{"attempt_1":[[1,2],[3,4]],"attempt_2":[[7]]},{"attempt_1":[[0]],"attempt_2":[[0]]}],\n' +
        '  "t2": [{"attempt_1":[[1,2],[3,4]],"attempt_2":[[7]]}]\n' +
        '}\n'
    )
    expect(formatSubmission(new Map())).toBe('{}\n')
  })

  it('builds one entry per test input, in order', () => {
    const submission = buildSubmission([t1, t2], (task, index) => (task.id === 't1' && index === 0 ? [X] : undefined))
    expect(submission.get('t1')).toEqual([submissionEntry([X]), submissionEntry([])])
    expect(submission.get('t2')).toEqual([submissionEntry([])])
  })

  it('reads back what it writes', async () => {
    const submission = buildSubmission([t1, t2], () => [X, Y])
    const file = join(dir, 'round-trip.json')
    await writeSubmissionFile(file, submission)
    const read = await readSubmissionFile(file, [t1, t2])
    expect(read.problems).toEqual([])
    expect(read.submission).toEqual(submission)
    expect(formatSubmission(read.submission!)).toBe(readFileSync(file, 'utf8'))
  })
})

describe('reading', () => {
  const check = (value: unknown) => validateSubmission(value, 'sub.json', [t1, t2])
  const ok = { t1: [submissionEntry([X]), submissionEntry([Y, X])], t2: [submissionEntry([Y])] }

  it('accepts a good submission', () => {
    const read = check(parsed(JSON.stringify(ok)))
    expect(read).toMatchObject({ problems: [], warnings: [] })
    expect(read.submission!.get('t1')![1]).toEqual({ attempt_1: Y, attempt_2: X })
  })

  it('names file, task, JSON path and reason for a bad cell', () => {
    const bad = parsed('{"t1": [{"attempt_1": [[0]], "attempt_2": [[0]]}, {"attempt_1": [[0]], "attempt_2": [[1,2],[3,4],[5,6],[7,"x"]]}], "t2": [{"attempt_1": [[0]], "attempt_2": [[0]]}]}')
    expect(check(bad)).toEqual({
      problems: [{ file: 'sub.json', taskId: 't1', path: 't1[1].attempt_2[3][1]', reason: 'expected a colour, an integer 0..9, got a string "x"' }],
      warnings: []
    })
  })

  it('reports an entry count that differs from the test inputs', () => {
    const read = check({ ...ok, t2: [submissionEntry([Y]), submissionEntry([Y])] })
    expect(read.submission).toBeUndefined()
    expect(read.problems).toEqual([{ file: 'sub.json', taskId: 't2', path: 't2', reason: 'expected 1 entries, one per test input, got 2' }])
  })

  it('reports missing attempts, non-object entries, non-list tasks and a non-object file', () => {
    const read = check({ t1: [{ attempt_1: [[1]] }, 3], t2: 'nope' })
    expect(read.problems.map((p) => [p.path, p.reason])).toEqual([
      ['t1[0].attempt_2', 'missing: every entry needs "attempt_1" and "attempt_2" grids ([[0]] for no answer)'],
      ['t1[1]', 'expected an object with "attempt_1" and "attempt_2" grids, got the number 3'],
      ['t2', 'expected a list of 1 {"attempt_1", "attempt_2"} entries, one per test input, got a string "nope"']
    ])
    expect(check([1, 2]).problems).toEqual([{ file: 'sub.json', taskId: '', path: '', reason: 'expected an object mapping task ids to lists of {"attempt_1", "attempt_2"} entries, got a list' }])
    // Without tasks there is no count to check; the grids are still checked.
    expect(validateSubmission({ t1: [{ attempt_1: [], attempt_2: [[1]] }] }, 'sub.json').problems).toEqual([{ file: 'sub.json', taskId: 't1', path: 't1[0].attempt_1', reason: 'expected a grid with at least one row, got an empty list' }])
  })

  it('warns about a task id that is not in the data, and still gives the submission', () => {
    const read = check({ ...ok, stranger: [submissionEntry([Y])] })
    expect(read.problems).toEqual([])
    expect(read.warnings).toEqual([{ file: 'sub.json', taskId: 'stranger', path: 'stranger', reason: 'not a task of the data; ignored' }])
    expect(read.submission!.has('t1')).toBe(true)
  })

  it('turns unreadable, empty and non-JSON files into problems', async () => {
    const empty = join(dir, 'empty.json')
    const garbage = join(dir, 'garbage.json')
    writeFileSync(empty, '')
    writeFileSync(garbage, '{"t1": [')
    expect((await readSubmissionFile(empty)).problems).toEqual([{ file: empty, taskId: '', path: '', reason: 'file is empty: expected a JSON submission object' }])
    expect((await readSubmissionFile(garbage)).problems[0]!.reason).toMatch(/^not valid JSON/)
    expect((await readSubmissionFile(join(dir, 'absent.json'))).problems[0]!.reason).toBe('cannot read file: no such file or folder (ENOENT)')
  })
})
