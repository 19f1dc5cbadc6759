// Opening the path a command was given: one that cannot be opened at all is one line in words
// (CommandFailure) before anything is printed; problems inside a dataset stay values.
import { stat } from 'node:fs/promises'
import { loadDataset, type Dataset, type LoadOptions } from '../engine/arc'
import { describeFileError } from '../engine/arc/file-errors'
import { CommandFailure } from './command-failure'

/** Throws CommandFailure when `path` cannot be opened ("no such file or folder", "permission denied"). */
export async function requireOpenablePath(path: string): Promise<void> {
  try {
    await stat(path)
  } catch (error) {
    throw new CommandFailure(`${path}: ${describeFileError(error)}`)
  }
}

export async function openDataset(path: string, options: LoadOptions = {}): Promise<Dataset> {
  await requireOpenablePath(path)
  return loadDataset(path, options)
}
