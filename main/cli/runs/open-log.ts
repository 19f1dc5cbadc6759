// Opening the experiment log for the `runs` commands: the --db flag or the default file, read-only
// unless a command records something (export --out), and the failures a user can act on.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { ExperimentLog, StoreError, type RunRecord } from '../../engine/store'
import { defaultDatabasePath } from '../../services/default-db'

/** A failure the user can act on: the CLI prints the message (no stack trace) and exits 1. */
export class RunsFailure extends Error {}

/** The database file: --db when given, else the default one. */
export function databasePath(dbFlag: string | undefined): string {
  return resolve(dbFlag ?? defaultDatabasePath())
}

/**
 * Opens the log at `file` (an absolute path). Never creates one: a missing file is a RunsFailure
 * that says how to get one. `writable` only for commands that record something.
 */
export function openLog(file: string, options: { readonly writable?: boolean } = {}): ExperimentLog {
  if (!existsSync(file)) throw new RunsFailure(`no experiment log at ${file}; run \`arc-ttt run\` first or pass --db`)
  return ExperimentLog.open(file, { readonly: options.writable !== true })
}

/** Opens the log, runs `work` with it and closes it, whatever happens. */
export async function withLog<R>(file: string, options: { readonly writable?: boolean }, work: (log: ExperimentLog) => R | Promise<R>): Promise<R> {
  const log = openLog(file, options)
  try {
    return await work(log)
  } finally {
    log.close()
  }
}

/** The run's record; an unknown id is a RunsFailure that says how to see the ids. */
export function readRun(log: ExperimentLog, runId: string): RunRecord {
  try {
    return log.getRun(runId)
  } catch (error) {
    if (error instanceof StoreError && error.code === 'unknown-run') {
      throw new RunsFailure(`no run "${runId}" in the experiment log ${log.file}; \`arc-ttt runs list --db ${log.file}\` shows the run ids`)
    }
    throw error
  }
}

/** `text` as one shell word, quoted only when it needs to be, for commands the user may paste. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`
}
