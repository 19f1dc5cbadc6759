// Loading ARC datasets: a single task file, a folder of task files (searched recursively), or the
// Kaggle combined format (one challenges file mapping task ids to tasks, and an optional solutions
// file mapping task ids to the test outputs). Every problem becomes a value; valid tasks beside
// invalid ones still load.
import { readdir, realpath, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { describeFileError } from './file-errors'
import { datasetFingerprint } from './fingerprint'
import { readJsonFile } from './read-json'
import type { Task, ValidationProblem } from './types'
import { describeJson, validateGrid, validateTask } from './validate'

/** One task as found on disk: valid when `task` is set, otherwise `problems` says why not. */
export interface TaskEntry {
  readonly id: string
  readonly file: string
  readonly task?: Task
  readonly problems: readonly ValidationProblem[]
}

export interface Dataset {
  readonly path: string
  /** Sorted by task id. */
  readonly entries: readonly TaskEntry[]
  /** Problems that belong to no task entry (an unreadable folder, an orphan solutions file...). */
  readonly problems: readonly ValidationProblem[]
  /** Fingerprint of the valid tasks (see fingerprint.ts). */
  readonly fingerprint: string
}

export interface LoadOptions {
  /** Kaggle solutions file for a challenges file; found beside it by name when not given. */
  readonly solutions?: string
}

export function validTasks(dataset: Dataset): Task[] {
  return dataset.entries.flatMap((entry) => (entry.task ? [entry.task] : []))
}

export function allProblems(dataset: Dataset): ValidationProblem[] {
  return [...dataset.problems, ...dataset.entries.flatMap((entry) => entry.problems)]
}

const CHALLENGES_SUFFIX = 'challenges.json'
const SOLUTIONS_SUFFIX = 'solutions.json'

function taskIdFromFile(file: string): string {
  return basename(file).replace(/\.json$/i, '')
}

/** The solutions file that belongs beside a Kaggle challenges file (`x_challenges.json` -> `x_solutions.json`). */
export function siblingSolutionsFile(challengesFile: string): string {
  const name = basename(challengesFile)
  return join(dirname(challengesFile), `${name.slice(0, -CHALLENGES_SUFFIX.length)}${SOLUTIONS_SUFFIX}`)
}

function isKaggleCollection(file: string, value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  if ('train' in value || 'test' in value) return false
  if (basename(file).toLowerCase().endsWith(CHALLENGES_SUFFIX)) return true
  const values = Object.values(value)
  return values.length > 0 && values.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && 'train' in v)
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false
  )
}

/** Loads any of the supported forms; `path` may be a file or a folder. */
export async function loadDataset(path: string, options: LoadOptions = {}): Promise<Dataset> {
  const entries: TaskEntry[] = []
  const problems: ValidationProblem[] = []
  let info
  try {
    info = await stat(path)
  } catch (error) {
    problems.push({ file: path, taskId: '', path: '', reason: `cannot open: ${describeFileError(error)}` })
  }
  if (info?.isDirectory()) {
    const files = await listJsonFiles(path, problems)
    const fileSet = new Set(files)
    for (const file of files) {
      if (isSolutionsBesideChallenges(file, fileSet)) continue
      await loadFile(file, options.solutions, entries, problems)
    }
  } else if (info) {
    await loadFile(path, options.solutions, entries, problems)
  }
  const checked = markDuplicateIds(entries).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.file < b.file ? -1 : 1))
  return { path, entries: checked, problems, fingerprint: datasetFingerprint(checked.flatMap((e) => (e.task ? [e.task] : []))) }
}

function isSolutionsBesideChallenges(file: string, files: ReadonlySet<string>): boolean {
  const name = basename(file).toLowerCase()
  if (!name.endsWith(SOLUTIONS_SUFFIX)) return false
  const stem = basename(file).slice(0, -SOLUTIONS_SUFFIX.length)
  return files.has(join(dirname(file), `${stem}${CHALLENGES_SUFFIX}`))
}

/** All `.json` files under `root`, sorted, skipping hidden folders and following each real folder once. */
async function listJsonFiles(root: string, problems: ValidationProblem[]): Promise<string[]> {
  const files: string[] = []
  const seen = new Set<string>()
  const walk = async (dir: string): Promise<void> => {
    let real: string
    let names
    try {
      real = await realpath(dir)
      if (seen.has(real)) return
      seen.add(real)
      names = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      problems.push({
        file: dir,
        taskId: '',
        path: '',
        reason: `cannot read folder: ${describeFileError(error)}`
      })
      return
    }
    names.sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of names) {
      if (entry.name.startsWith('.')) continue
      const full = join(dir, entry.name)
      const isDir =
        entry.isDirectory() ||
        (entry.isSymbolicLink() &&
          (await stat(full).then(
            (s) => s.isDirectory(),
            () => false
          )))
      if (isDir) await walk(full)
      else if (entry.name.toLowerCase().endsWith('.json')) files.push(full)
    }
  }
  await walk(root)
  return files
}

async function loadFile(
  file: string,
  solutionsOption: string | undefined,
  entries: TaskEntry[],
  problems: ValidationProblem[]
): Promise<void> {
  const read = await readJsonFile(file)
  const fileTaskId = taskIdFromFile(file)
  if (!read.ok) {
    entries.push({ id: fileTaskId, file, problems: [{ file, taskId: fileTaskId, path: '', reason: read.reason }] })
    return
  }
  if (isKaggleCollection(file, read.value)) {
    const solutionsFile = solutionsOption ?? siblingSolutionsFile(file)
    const solutions = solutionsOption !== undefined || (await exists(solutionsFile)) ? await readJsonFile(solutionsFile) : undefined
    entries.push(...kaggleEntries(file, read.value, solutionsFile, solutions, problems))
    return
  }
  if (basename(file).toLowerCase().endsWith(SOLUTIONS_SUFFIX)) {
    const challenges = `${basename(file).slice(0, -SOLUTIONS_SUFFIX.length)}${CHALLENGES_SUFFIX}`
    const reason = `this looks like a Kaggle solutions file; load its challenges file (expected ${challenges} beside it)`
    entries.push({ id: fileTaskId, file, problems: [{ file, taskId: fileTaskId, path: '', reason }] })
    return
  }
  const { task, problems: taskProblems } = validateTask(read.value, fileTaskId, file)
  entries.push(task ? { id: fileTaskId, file, task, problems: [] } : { id: fileTaskId, file, problems: taskProblems })
}

type JsonReadResult = Awaited<ReturnType<typeof readJsonFile>>

function kaggleEntries(
  file: string,
  challenges: Record<string, unknown>,
  solutionsFile: string,
  solutions: JsonReadResult | undefined,
  problems: ValidationProblem[]
): TaskEntry[] {
  let solutionMap: Record<string, unknown> = {}
  if (solutions && !solutions.ok) {
    problems.push({ file: solutionsFile, taskId: '', path: '', reason: solutions.reason })
  } else if (solutions?.ok) {
    const value = solutions.value
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) solutionMap = value as Record<string, unknown>
    else
      problems.push({
        file: solutionsFile,
        taskId: '',
        path: '',
        reason: `expected an object mapping task ids to lists of output grids, got ${describeJson(value)}`
      })
  }
  for (const id of Object.keys(solutionMap)) {
    if (!(id in challenges))
      problems.push({ file: solutionsFile, taskId: id, path: '', reason: `solutions for task "${id}", which is not in ${basename(file)}` })
  }
  return Object.entries(challenges).map(([id, value]) => {
    const { task, problems: taskProblems } = validateTask(value, id, file)
    if (!task || !(id in solutionMap)) return { id, file, ...(task ? { task } : {}), problems: taskProblems }
    return attachSolutions(task, solutionMap[id], file, solutionsFile)
  })
}

/** Adds Kaggle solutions (a list with one output grid per test input) to a validated task. */
function attachSolutions(task: Task, value: unknown, file: string, solutionsFile: string): TaskEntry {
  const problems: ValidationProblem[] = []
  const report = (path: string, reason: string): void => {
    problems.push({ file: solutionsFile, taskId: task.id, path, reason })
  }
  if (!Array.isArray(value)) report('', `expected a list of ${task.test.length} output grid(s), got ${describeJson(value)}`)
  else if (value.length !== task.test.length)
    report('', `expected ${task.test.length} output grid(s), one per test input, got ${value.length}`)
  if (problems.length > 0 || !Array.isArray(value)) return { id: task.id, file, problems }
  const outputs = value.map((grid: unknown, i) => validateGrid(grid, `test[${i}].output`, report))
  if (problems.length > 0) return { id: task.id, file, problems }
  const test = Object.freeze(task.test.map((pair, i) => Object.freeze({ input: pair.input, output: outputs[i]! })))
  return { id: task.id, file, task: Object.freeze({ ...task, test }), problems: [] }
}

function markDuplicateIds(entries: TaskEntry[]): TaskEntry[] {
  const firstFile = new Map<string, string>()
  return entries.map((entry) => {
    const first = firstFile.get(entry.id)
    if (first === undefined) {
      firstFile.set(entry.id, entry.file)
      return entry
    }
    const duplicate = {
      file: entry.file,
      taskId: entry.id,
      path: '',
      reason: `duplicate task id "${entry.id}": already loaded from ${first}`
    }
    return { id: entry.id, file: entry.file, problems: [...entry.problems, duplicate] }
  })
}
