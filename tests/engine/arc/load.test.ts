// Loading the three dataset forms (task file, folder searched recursively, Kaggle combined files)
// and the dataset fingerprint.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { allProblems, loadDataset, validTasks } from '../../../main/engine/arc'

const taskA = { train: [{ input: [[1]], output: [[2]] }], test: [{ input: [[3]], output: [[4]] }] }
const taskB = { train: [{ input: [[5, 5]], output: [[6, 6]] }, { input: [[7, 7]], output: [[8, 8]] }], test: [{ input: [[0, 0]] }] }

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arc-ttt-load-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function write(relative: string, content: unknown): string {
  const file = join(dir, relative)
  mkdirSync(join(file, '..'), { recursive: true })
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

describe('single task file', () => {
  it('loads a task whose id is the file name', async () => {
    const file = write('abc123.json', taskA)
    const dataset = await loadDataset(file)
    expect(dataset.entries).toHaveLength(1)
    expect(dataset.entries[0]!.id).toBe('abc123')
    expect(validTasks(dataset)[0]!.test[0]!.output).toEqual([[4]])
  })

  it('reports a missing path as a problem, not an exception', async () => {
    const dataset = await loadDataset(join(dir, 'nope'))
    expect(dataset.entries).toEqual([])
    expect(dataset.problems[0]!.reason).toBe('cannot open: no such file or folder (ENOENT)')
  })
})

describe('folder of task files', () => {
  it('searches subfolders, ignores non-JSON and hidden files, and keeps valid tasks beside invalid ones', async () => {
    write('a.json', taskA)
    write('nested/deeper/b.json', taskB)
    write('README.md', '# not a task')
    write('.hidden/c.json', taskA)
    write('broken.json', '{"train": [')
    write('bad-cell.json', { train: [{ input: [[1, 'x']], output: [[1]] }], test: [{ input: [[1]] }] })
    const dataset = await loadDataset(dir)
    expect(dataset.entries.map((e) => e.id)).toEqual(['a', 'b', 'bad-cell', 'broken'])
    expect(validTasks(dataset).map((t) => t.id)).toEqual(['a', 'b'])
    const problems = allProblems(dataset)
    expect(problems).toHaveLength(2)
    expect(problems.find((p) => p.taskId === 'bad-cell')).toMatchObject({ file: join(dir, 'bad-cell.json'), path: 'train[0].input[0][1]' })
    expect(problems.find((p) => p.taskId === 'broken')!.reason).toMatch(/not valid JSON/)
  })

  it('marks a second file with the same task id as a duplicate', async () => {
    write('one/x.json', taskA)
    write('two/x.json', taskB)
    const dataset = await loadDataset(dir)
    expect(validTasks(dataset)).toHaveLength(1)
    expect(allProblems(dataset)[0]!.reason).toMatch(/duplicate task id "x": already loaded from .*one\/x\.json/)
  })
})

describe('Kaggle combined format', () => {
  const challenges = { t1: { train: taskA.train, test: [{ input: [[3]] }] }, t2: taskB }

  it('loads a challenges file alone as prediction-only tasks', async () => {
    const dataset = await loadDataset(write('arc-agi_evaluation_challenges.json', challenges))
    expect(dataset.entries.map((e) => e.id)).toEqual(['t1', 't2'])
    expect(validTasks(dataset)[0]!.test[0]!.output).toBeUndefined()
  })

  it('attaches the solutions file found beside the challenges file, in a folder too', async () => {
    write('kaggle/arc-agi_evaluation_challenges.json', challenges)
    write('kaggle/arc-agi_evaluation_solutions.json', { t1: [[[4]]], t2: [[[9, 9]]] })
    const dataset = await loadDataset(dir)
    expect(allProblems(dataset)).toEqual([])
    expect(validTasks(dataset).map((t) => t.test[0]!.output)).toEqual([[[4]], [[9, 9]]])
  })

  it('takes an explicit solutions file', async () => {
    const file = write('c.json', challenges)
    const solutions = write('elsewhere/s.json', { t1: [[[4]]] })
    const dataset = await loadDataset(file, { solutions })
    expect(validTasks(dataset)[0]!.test[0]!.output).toEqual([[4]])
    expect(validTasks(dataset)[1]!.test[0]!.output).toBeUndefined()
  })

  it('reports bad solutions per task, naming the solutions file', async () => {
    write('x_challenges.json', challenges)
    const solutions = write('x_solutions.json', { t1: [[[4]], [[5]]], t2: [[[1, 'b']]], t9: [[[0]]] })
    const dataset = await loadDataset(dir)
    const problems = allProblems(dataset)
    expect(problems).toContainEqual({ file: solutions, taskId: 't1', path: '', reason: 'expected 1 output grid(s), one per test input, got 2' })
    expect(problems).toContainEqual(expect.objectContaining({ file: solutions, taskId: 't2', path: 'test[0].output[0][1]' }))
    expect(problems).toContainEqual(expect.objectContaining({ file: solutions, taskId: 't9', reason: expect.stringMatching(/not in x_challenges.json/) }))
    expect(validTasks(dataset)).toEqual([])
  })

  it('explains a solutions file loaded without its challenges file', async () => {
    const dataset = await loadDataset(write('y_solutions.json', { t1: [[[4]]] }))
    expect(allProblems(dataset)[0]!.reason).toMatch(/Kaggle solutions file; load its challenges file \(expected y_challenges.json/)
  })

  it('validates each task of the challenges file separately', async () => {
    const dataset = await loadDataset(write('z_challenges.json', { good: taskA, bad: { train: [] , test: [{ input: [[1]] }] } }))
    expect(validTasks(dataset).map((t) => t.id)).toEqual(['good'])
    expect(allProblems(dataset)[0]).toMatchObject({ taskId: 'bad', path: 'train' })
  })
})

describe('fingerprint', () => {
  it('depends on contents, not on file names, order, formatting or extra keys', async () => {
    write('first/p.json', taskA)
    write('first/q.json', taskB)
    write('second/z/q.json', JSON.stringify({ ...taskB, extra: true }, null, 4))
    write('second/p.json', `\uFEFF${JSON.stringify(taskA)}`)
    const [first, second] = await Promise.all([loadDataset(join(dir, 'first')), loadDataset(join(dir, 'second'))])
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(second.fingerprint).toBe(first.fingerprint)
  })

  it('changes when one cell or one task id changes', async () => {
    write('a/p.json', taskA)
    write('b/p.json', { ...taskA, test: [{ input: [[3]], output: [[5]] }] })
    write('c/renamed.json', taskA)
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((d) => loadDataset(join(dir, d))))
    expect(new Set([a!.fingerprint, b!.fingerprint, c!.fingerprint]).size).toBe(3)
  })
})
