// Validation of untrusted task JSON. Every problem becomes a `ValidationProblem` value naming the
// JSON path and the reason in words; nothing here throws on bad input. The walk follows the task
// schema (at most four levels deep), so pathologically deep JSON cannot overflow the stack.
import { makeGrid } from './grid'
import { MAX_GRID_SIDE, type Grid, type Pair, type Task, type TestPair, type ValidationProblem } from './types'

/** How many bad cells one grid reports before summarising the rest, so a bad grid stays readable. */
const MAX_CELL_PROBLEMS_PER_GRID = 3

export interface TaskValidation {
  /** The task, when it has no problem. */
  readonly task?: Task
  readonly problems: readonly ValidationProblem[]
}

/** Describes a JSON value's kind in words, for messages ("a string \"3\"", "null", "a list"). */
export function describeJson(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list'
  switch (typeof value) {
    case 'string':
      return `a string ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}...` : value)}`
    case 'number':
      return Number.isInteger(value) ? `the number ${value}` : `the non-integer ${value}`
    case 'boolean':
      return `the boolean ${value}`
    case 'object':
      return 'an object'
    default:
      return typeof value
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Validates one grid; returns the frozen grid or undefined, pushing problems as found. */
export function validateGrid(value: unknown, path: string, report: (path: string, reason: string) => void): Grid | undefined {
  if (!Array.isArray(value)) {
    report(path, `expected a grid (a list of rows), got ${describeJson(value)}`)
    return undefined
  }
  if (value.length === 0) {
    report(path, 'expected a grid with at least one row, got an empty list')
    return undefined
  }
  let ok = true
  if (value.length > MAX_GRID_SIDE) {
    report(path, `grid has ${value.length} rows, at most ${MAX_GRID_SIDE} allowed`)
    ok = false
  }
  let width: number | undefined
  let badCells = 0
  value.forEach((row: unknown, r) => {
    const rowPath = `${path}[${r}]`
    if (!Array.isArray(row)) {
      report(rowPath, `expected a row (a list of colours 0..9), got ${describeJson(row)}`)
      ok = false
      return
    }
    if (row.length === 0) {
      report(rowPath, 'expected a row with at least one cell, got an empty list')
      ok = false
      return
    }
    if (width === undefined) {
      width = row.length
      if (width > MAX_GRID_SIDE) {
        report(rowPath, `row has ${width} cells, at most ${MAX_GRID_SIDE} allowed`)
        ok = false
      }
    } else if (row.length !== width) {
      report(rowPath, `ragged rows: row ${r} has ${row.length} cells but row 0 has ${width}`)
      ok = false
    }
    row.forEach((cell: unknown, c) => {
      if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell <= 9) return
      ok = false
      badCells += 1
      if (badCells <= MAX_CELL_PROBLEMS_PER_GRID) {
        report(`${rowPath}[${c}]`, `expected a colour, an integer 0..9, got ${describeJson(cell)}`)
      }
    })
  })
  if (badCells > MAX_CELL_PROBLEMS_PER_GRID) {
    report(path, `${badCells - MAX_CELL_PROBLEMS_PER_GRID} more cells are not integers 0..9`)
  }
  return ok ? makeGrid(value as number[][]) : undefined
}

function validatePairs(
  value: unknown,
  key: 'train' | 'test',
  report: (path: string, reason: string) => void
): (Partial<Pair> & { input?: Grid })[] | undefined {
  if (value === undefined) {
    report(key, `missing: expected a list of ${key === 'train' ? 'demonstration' : 'test'} pairs`)
    return undefined
  }
  if (!Array.isArray(value)) {
    report(key, `expected a list of pairs, got ${describeJson(value)}`)
    return undefined
  }
  if (value.length === 0) {
    report(key, `expected at least one ${key === 'train' ? 'demonstration' : 'test'} pair, got an empty list`)
    return undefined
  }
  return value.map((pair: unknown, i) => {
    const pairPath = `${key}[${i}]`
    if (!isPlainObject(pair)) {
      report(pairPath, `expected a pair object with "input" and "output", got ${describeJson(pair)}`)
      return {}
    }
    const result: { input?: Grid; output?: Grid } = {}
    if (!('input' in pair)) report(`${pairPath}.input`, 'missing: every pair needs an input grid')
    else result.input = validateGrid(pair.input, `${pairPath}.input`, report)
    const outputRequired = key === 'train'
    if ('output' in pair && pair.output !== undefined) {
      result.output = validateGrid(pair.output, `${pairPath}.output`, report)
    } else if (outputRequired) {
      report(`${pairPath}.output`, 'missing: every demonstration needs an output grid')
    }
    return result
  })
}

/** Validates a parsed JSON value as an ARC task: `{"train": [...], "test": [...]}`. */
export function validateTask(value: unknown, taskId: string, file: string): TaskValidation {
  const problems: ValidationProblem[] = []
  const report = (path: string, reason: string): void => {
    problems.push({ file, taskId, path, reason })
  }
  if (!isPlainObject(value)) {
    report('', `expected a task object with "train" and "test", got ${describeJson(value)}`)
    return { problems }
  }
  const train = validatePairs(value.train, 'train', report)
  const test = validatePairs(value.test, 'test', report)
  if (problems.length > 0 || !train || !test) return { problems }
  const task: Task = Object.freeze({
    id: taskId,
    train: Object.freeze(train.map((p) => Object.freeze({ input: p.input!, output: p.output! }))),
    test: Object.freeze(test.map((p): TestPair => Object.freeze(p.output ? { input: p.input!, output: p.output } : { input: p.input! })))
  })
  return { task, problems }
}
