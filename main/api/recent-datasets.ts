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

/** Moves `path` to the front of the list, written atomically (temp file + rename). */
export async function rememberDataset(file: string, path: string): Promise<string[]> {
  const list = [path, ...(await readRecentDatasets(file)).filter((p) => p !== path)].slice(0, MAX_RECENT_DATASETS)
  await mkdir(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, JSON.stringify(list, null, 2))
  await rename(temp, file)
  return list
}
