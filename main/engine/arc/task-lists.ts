// Saved task lists and difficulty levels kept next to ARC datasets: text files with one task id per
// line, or CSV files whose first column is the id (like dev80-task-levels.csv, `task_id,level`).
// Shared by run preparation (`arc-ttt run --task-list`, the Adapt view's list choice) and the Compare
// view's levels.
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { describeFileError } from './file-errors'

export class TaskListError extends Error {}

const ID_HEADERS = new Set(['task_id', 'task', 'id'])
const LEVEL_HEADERS = new Set(['level', 'difficulty'])
/** Files larger than this are not task lists (a list of every ARC task is ~20 KB). */
const MAX_LIST_BYTES = 1024 * 1024
const LIST_EXTENSIONS = new Set(['.csv', '.txt'])
const TASK_ID = /^[\w.-]{1,128}$/

function rows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))
    .map((line) => line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '')))
}

/** The task ids of a list's text, in order, with a header row (task_id, task or id) skipped. */
export function parseTaskList(text: string): string[] {
  const ids = rows(text)
    .map((cells) => cells[0]!)
    .filter((id) => id !== '')
  if (ids.length > 0 && ID_HEADERS.has(ids[0]!.toLowerCase())) ids.shift()
  return ids
}

export async function readTaskList(file: string): Promise<string[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new TaskListError(`cannot read the task list ${file}: ${describeFileError(error)}`)
  }
  const ids = parseTaskList(text)
  if (ids.length === 0) throw new TaskListError(`the task list ${file} names no task`)
  return ids
}

/** The folders where lists of a dataset are looked for: the dataset folder (or a file's folder) and its parent. */
async function listFolders(datasetPath: string): Promise<string[]> {
  const isFolder = await stat(datasetPath).then(
    (s) => s.isDirectory(),
    () => false
  )
  const own = isFolder ? datasetPath : dirname(datasetPath)
  return [...new Set([own, dirname(own)])]
}

async function candidateFiles(datasetPath: string): Promise<string[]> {
  const files: string[] = []
  for (const folder of await listFolders(datasetPath)) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      if (entry.isFile() && LIST_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(join(folder, entry.name))
    }
  }
  return files.sort()
}

async function smallText(file: string): Promise<string | undefined> {
  const size = await stat(file).then(
    (s) => s.size,
    () => Infinity
  )
  return size <= MAX_LIST_BYTES ? readFile(file, 'utf8').catch(() => undefined) : undefined
}

export interface FoundTaskList {
  readonly path: string
  readonly label: string
  readonly count: number
}

/**
 * Task lists in or next to each dataset: a CSV whose header's first column is task_id, task or id,
 * or a .txt file of ids only. Other files (READMEs, licences, data) are not lists and are skipped.
 */
export async function findTaskLists(datasetPaths: readonly string[]): Promise<FoundTaskList[]> {
  const found = new Map<string, FoundTaskList>()
  for (const datasetPath of datasetPaths) {
    for (const file of await candidateFiles(datasetPath)) {
      if (found.has(file)) continue
      const text = await smallText(file)
      if (text === undefined) continue
      const table = rows(text)
      const isCsv = extname(file).toLowerCase() === '.csv'
      const headed = table.length > 0 && ID_HEADERS.has(table[0]![0]!.toLowerCase())
      const ids = parseTaskList(text)
      const plausible =
        ids.length > 0 && ids.every((id) => TASK_ID.test(id)) && (isCsv ? headed : table.every((cells) => cells.length === 1))
      if (plausible) found.set(file, { path: file, label: `${basename(dirname(file))}/${basename(file)}`, count: ids.length })
    }
  }
  return [...found.values()]
}

/** Task id -> level from every levels CSV (an id column and a level column) in or next to the dataset. */
export async function readTaskLevels(datasetPath: string): Promise<Record<string, string>> {
  const levels: Record<string, string> = {}
  for (const file of await candidateFiles(datasetPath)) {
    if (extname(file).toLowerCase() !== '.csv') continue
    const text = await smallText(file)
    if (text === undefined) continue
    const [header, ...body] = rows(text)
    if (!header) continue
    const names = header.map((h) => h.toLowerCase())
    const idColumn = names.findIndex((h) => ID_HEADERS.has(h))
    const levelColumn = names.findIndex((h) => LEVEL_HEADERS.has(h))
    if (idColumn < 0 || levelColumn < 0) continue
    for (const cells of body) {
      const id = cells[idColumn]
      const level = cells[levelColumn]
      if (id && level && !(id in levels)) levels[id] = level
    }
  }
  return levels
}
