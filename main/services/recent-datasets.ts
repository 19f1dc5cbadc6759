// The "recent folders" list of the dataset chooser, kept in a small JSON file the caller names.
// A missing or corrupt file means an empty list; it is never a reason to fail.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

export const MAX_RECENT_DATASETS = 10

export async function readRecentDatasets(file: string): Promise<string[]> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'))
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_RECENT_DATASETS) : []
  } catch {
    return []
  }
}

/** The write in progress per list file: writes queue behind it, so none loses another's entry. */
const pendingWrites = new Map<string, Promise<unknown>>()
let tempCounter = 0

/**
 * Moves `path` to the front of the list, written atomically (temp file + rename). Calls may
 * overlap (the Task detail view opens a new dataset through several requests at once): each write
 * waits for the one before it and has its own temp file, else the second rename finds its temp
 * file already moved and fails with ENOENT.
 */
export async function rememberDataset(file: string, path: string): Promise<string[]> {
  const write = async (): Promise<string[]> => {
    const list = [path, ...(await readRecentDatasets(file)).filter((p) => p !== path)].slice(0, MAX_RECENT_DATASETS)
    await mkdir(dirname(file), { recursive: true })
    tempCounter += 1
    const temp = `${file}.${process.pid}.${tempCounter}.tmp`
    await writeFile(temp, JSON.stringify(list, null, 2))
    await rename(temp, file)
    return list
  }
  const result = (pendingWrites.get(file) ?? Promise.resolve()).catch(() => undefined).then(write)
  pendingWrites.set(file, result)
  try {
    return await result
  } finally {
    if (pendingWrites.get(file) === result) pendingWrites.delete(file)
  }
}
