// Task selection, the one rule for every run (CLI and UI): all tasks, given ids, a list in its
// order without repeats, or a seeded sample of the valid tasks; an unknown id is an error naming
// it and the nearest known ids; an invalid task the dataset has stays in the selection.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDataset } from '../../../main/engine/arc'
import { editDistance, nearestNames } from '../../../main/engine/experiment/nearest-names'
import { RunSetupError } from '../../../main/engine/experiment/runner'
import { UnknownTasksError, selectTaskIds } from '../../../main/engine/experiment/task-selection'

const dir = mkdtempSync(join(tmpdir(), 'arc-ttt-task-selection-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const task = JSON.stringify({ train: [{ input: [[1]], output: [[2]] }], test: [{ input: [[3]] }] })
mkdirSync(join(dir, 'tasks'))
for (const id of ['a1b2', 'b', 'c', 'd', 'e']) writeFileSync(join(dir, 'tasks', `${id}.json`), task)
writeFileSync(join(dir, 'tasks', 'broken.json'), '{')
writeFileSync(join(dir, 'list.csv'), 'task_id,level\nc,easy\na1b2,hard\nc,easy\n')
writeFileSync(join(dir, 'typo.txt'), 'a1b2\na1b3\n')
const dataset = () => loadDataset(join(dir, 'tasks'))

describe('selectTaskIds', () => {
  it('takes all tasks, given ids, or a list in its order without repeats, then the limit', async () => {
    const tasks = await dataset()
    expect(await selectTaskIds(tasks, { kind: 'all' })).toEqual(['a1b2', 'b', 'broken', 'c', 'd', 'e'])
    expect(await selectTaskIds(tasks, { kind: 'ids', ids: ['e', 'a1b2', 'e'] })).toEqual(['e', 'a1b2'])
    expect(await selectTaskIds(tasks, { kind: 'list', path: join(dir, 'list.csv') })).toEqual(['c', 'a1b2'])
    expect(await selectTaskIds(tasks, { kind: 'all' }, 2)).toEqual(['a1b2', 'b'])
  })

  it('keeps an invalid task the dataset has: the run logs it as skipped with its problems', async () => {
    expect(await selectTaskIds(await dataset(), { kind: 'ids', ids: ['broken'] })).toEqual(['broken'])
  })

  it('refuses unknown ids before anything runs, naming them and the nearest known ids', async () => {
    const tasks = await dataset()
    const attempt = selectTaskIds(tasks, { kind: 'ids', ids: ['b', 'a1b3', 'no-such-task'] })
    await expect(attempt).rejects.toThrow(UnknownTasksError)
    await expect(attempt).rejects.toThrow(/^2 task ids are not in .*tasks: a1b3 \(nearest: a1b2, b, c\); no-such-task \(nearest: /)
    const list = (name: string) => selectTaskIds(tasks, { kind: 'list', path: join(dir, name) })
    await expect(list('typo.txt')).rejects.toThrow(/1 task id is not in .*: a1b3 \(nearest: a1b2/)
    await expect(list('none.txt')).rejects.toThrow(/cannot read the task list .*none.txt: no such file or folder \(ENOENT\)/)
  })

  it('names at most five unknown ids and counts the rest', async () => {
    const ids = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']
    const attempt = selectTaskIds(await dataset(), { kind: 'ids', ids })
    await expect(attempt).rejects.toThrow(/^7 task ids are not in .*x5 \(nearest: [^)]*\), and 2 more$/)
  })

  it('samples valid tasks with a seed: the same seed, the same sample', async () => {
    const tasks = await dataset()
    const first = await selectTaskIds(tasks, { kind: 'random', count: 3, seed: 11 })
    expect(first).toHaveLength(3)
    expect(new Set(first).size).toBe(3)
    expect(first).not.toContain('broken')
    expect(await selectTaskIds(tasks, { kind: 'random', count: 3, seed: 11 })).toEqual(first)
    const seeds = await Promise.all([1, 2, 3, 4, 5].map((seed) => selectTaskIds(tasks, { kind: 'random', count: 3, seed })))
    expect(new Set(seeds.map((s) => s.join())).size).toBeGreaterThan(1)
    await expect(selectTaskIds(tasks, { kind: 'random', count: 6, seed: 1 })).rejects.toThrow(RunSetupError)
    await expect(selectTaskIds(tasks, { kind: 'random', count: 6, seed: 1 })).rejects.toThrow(/has 5 valid tasks/)
  })
})

describe('nearestNames', () => {
  it('measures edits and ranks by them, ties alphabetically', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('same', 'same')).toBe(0)
    expect(nearestNames('007bbfb8', ['ffffffff', '007bbfb7', '007bbf00'], 2)).toEqual(['007bbfb7', '007bbf00'])
    expect(nearestNames('ab', ['ba', 'ac', 'ab'], 3)).toEqual(['ab', 'ac', 'ba'])
  })
})
