// The bundled sample tasks: one task per rule in rules.ts, drawn from a seeded random stream and
// written as one JSON file per task. `arc-ttt make-samples` writes resources/sample-tasks with the
// default seed, and a test checks those files are byte for byte what this code makes, so they are
// never edited by hand.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { MAX_GRID_SIDE, gridKey, gridsEqual, makeGrid, type Grid, type Pair, type Task } from '../arc'
import { createRng, deriveSeed, type Rng } from '../random'
import { SAMPLE_RULES } from './rules'
import type { SampleRule } from './sample-rule'

/** The seed of the bundled sample tasks. */
export const SAMPLE_SEED = 2024

/** Tasks that get two test pairs instead of one, so the tools see both forms. */
const TWO_TEST_TASKS: ReadonlySet<string> = new Set(['gravity', 'fill-enclosed'])

/** Demonstrations per task, drawn from this range. */
const MIN_DEMONSTRATIONS = 3
const MAX_DEMONSTRATIONS = 5

/** Draws allowed for one example before a rule is declared broken. */
const MAX_DRAWS_PER_EXAMPLE = 1000

/** Generates every sample task; the same seed always gives the same tasks. */
export function generateSampleTasks(seed = SAMPLE_SEED): Task[] {
  return SAMPLE_RULES.map((rule) => generateSampleTask(rule, seed))
}

/**
 * Generates one rule's task from its own stream (seeded by the seed and the rule's id), so adding
 * or reordering rules leaves the other tasks unchanged.
 */
function generateSampleTask(rule: SampleRule, seed = SAMPLE_SEED): Task {
  const rng = createRng(deriveSeed(seed, rule.id))
  const demonstrations = rng.int(MIN_DEMONSTRATIONS, MAX_DEMONSTRATIONS)
  const tests = TWO_TEST_TASKS.has(rule.id) ? 2 : 1
  const seenInputs = new Set<string>()
  const pairs = Array.from({ length: demonstrations + tests }, () => drawPair(rule, rng, seenInputs))
  return Object.freeze({
    id: rule.id,
    train: Object.freeze(pairs.slice(0, demonstrations)),
    test: Object.freeze(pairs.slice(demonstrations))
  })
}

/** Why a cell array cannot be an ARC grid, or undefined when it can. */
function gridShapeProblem(rows: readonly (readonly number[])[]): string | undefined {
  const width = rows[0]?.length ?? 0
  if (rows.length < 1 || rows.length > MAX_GRID_SIDE || width < 1 || width > MAX_GRID_SIDE) return `size ${rows.length}x${width}`
  if (rows.some((row) => row.length !== width)) return 'ragged rows'
  if (rows.some((row) => row.some((cell) => !Number.isInteger(cell) || cell < 0 || cell > 9))) return 'a cell outside 0..9'
  return undefined
}

/** `rows` as a grid, or why it cannot be one (`input has ...`). */
function checkedGrid(rows: number[][], side: 'input' | 'output'): Grid | string {
  const problem = gridShapeProblem(rows)
  return problem ? `${side} has ${problem}` : makeGrid(rows)
}

/**
 * Draws inputs until one gives a usable example: both grids 1x1..30x30, the output different from
 * the input, and the input new to this task. Throws, naming the rule and the last reason, when a
 * rule cannot produce one (a bug in the rule, not bad luck).
 */
function drawPair(rule: SampleRule, rng: Rng, seenInputs: Set<string>): Pair {
  let reason = ''
  for (let draw = 0; draw < MAX_DRAWS_PER_EXAMPLE; draw++) {
    const input = checkedGrid(rule.makeInput(rng), 'input')
    if (typeof input === 'string') {
      reason = input
      continue
    }
    const output = checkedGrid(rule.apply(input), 'output')
    if (typeof output === 'string') {
      reason = output
      continue
    }
    if (gridsEqual(input, output)) {
      reason = 'output equals input'
      continue
    }
    const key = gridKey(input)
    if (seenInputs.has(key)) {
      reason = 'input repeats an earlier one'
      continue
    }
    seenInputs.add(key)
    return Object.freeze({ input, output })
  }
  throw new Error(`sample rule "${rule.id}" gave no usable example in ${MAX_DRAWS_PER_EXAMPLE} draws (last: ${reason})`)
}

/** A grid as a JSON list with one row per line, indented by `indent`. */
function formatGrid(grid: Grid, indent: string): string {
  return `[\n${grid.map((row) => `${indent}  [${row.join(', ')}]`).join(',\n')}\n${indent}]`
}

function formatPairs(pairs: readonly { input: Grid; output?: Grid }[]): string {
  const formatted = pairs.map((pair) => {
    const fields = [`      "input": ${formatGrid(pair.input, '      ')}`]
    if (pair.output) fields.push(`      "output": ${formatGrid(pair.output, '      ')}`)
    return `    {\n${fields.join(',\n')}\n    }`
  })
  return `[\n${formatted.join(',\n')}\n  ]`
}

/**
 * A task's file text: standard ARC JSON (`{"train": [...], "test": [...]}`, the id being the file
 * name), one grid row per line so diffs and eyes can follow it, and a trailing newline.
 */
export function formatTaskJson(task: Task): string {
  return `{\n  "train": ${formatPairs(task.train)},\n  "test": ${formatPairs(task.test)}\n}\n`
}

/** Writes `<id>.json` for every sample task into `dir` (created if missing); resolves to the paths written. */
export async function writeSampleTasks(dir: string, seed = SAMPLE_SEED): Promise<string[]> {
  await mkdir(dir, { recursive: true })
  const files: string[] = []
  for (const task of generateSampleTasks(seed)) {
    const file = join(dir, `${task.id}.json`)
    await writeFile(file, formatTaskJson(task), 'utf8')
    files.push(file)
  }
  return files
}
