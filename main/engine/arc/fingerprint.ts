// A dataset fingerprint: a stable hash of the tasks' ids and contents, independent of file order,
// file names, whitespace and extra keys, so two copies of the same tasks get the same fingerprint.
import { createHash } from 'node:crypto'
import type { Grid, Task } from './types'

function gridText(grid: Grid): string {
  return grid.map((row) => row.join(',')).join(';')
}

/** A canonical text of one task: ids and grids in a fixed order, nothing else. */
export function canonicalTaskText(task: Task): string {
  const train = task.train.map((p) => `${gridText(p.input)}>${gridText(p.output)}`).join('/')
  const test = task.test.map((p) => `${gridText(p.input)}>${p.output ? gridText(p.output) : '?'}`).join('/')
  return `${task.id}|${train}|${test}`
}

export function taskHash(task: Task): string {
  return createHash('sha256').update(canonicalTaskText(task)).digest('hex')
}

/** sha256 over the sorted per-task hashes; the empty dataset has a fingerprint too. */
export function datasetFingerprint(tasks: readonly Task[]): string {
  const hashes = tasks.map(taskHash).sort()
  return createHash('sha256').update(hashes.join('\n')).digest('hex')
}
