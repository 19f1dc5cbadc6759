// Opening the experiment log's SQLite file: the only module that imports the SQLite driver
// (architecture.md section 2). WAL mode (readers never block the writer, and the writer never blocks
// readers); synchronous=NORMAL (a committed transaction survives the process being killed, which is
// what resume needs; a power cut may lose the last few but never corrupts the file); foreign keys on
// (deleting a run cascades); a busy timeout; a check that the file is an experiment log; then the
// pending migrations.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { EXPERIMENT_LOG_APPLICATION_ID, applyMigrations } from './migrations'
import { StoreError, readOnlyError, translateStoreError } from './store-error'

export type SqliteDatabase = Database.Database
export type SqliteStatement = Database.Statement

/** How long a write waits for another writer's lock before it fails with a 'locked' StoreError. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000

/**
 * How long a run's process waits for another writer. Runs are long background jobs that write a few
 * rows per task; two `arc-ttt run` processes on one log (two shells, two cores) must wait for each
 * other's writes rather than fail a run. On a loaded two-core machine a wait of over 5 s was seen.
 */
export const RUN_BUSY_TIMEOUT_MS = 120_000

export interface OpenDatabaseOptions {
  /** Open for reading only: no folder is created, no migration runs, and every write fails. */
  readonly readonly: boolean
  readonly busyTimeoutMs: number
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : ''
}

function isPermissionError(error: unknown): boolean {
  return ['EACCES', 'EPERM', 'EROFS'].includes(errorCode(error))
}

/** Creates the parent folder and checks the file and folder can be written (WAL adds files beside it). */
function prepareWritableLocation(file: string): void {
  const folder = dirname(file)
  try {
    mkdirSync(folder, { recursive: true })
  } catch (error) {
    if (isPermissionError(error)) throw readOnlyError(file, `its folder ${folder} cannot be created`, error)
    throw new StoreError('cannot-open', file, `Cannot create the folder ${folder} of the experiment log ${file}: ${String(error)}`, {
      cause: error
    })
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new StoreError('cannot-open', file, `The experiment log path ${file} is a folder; pass a file path (--db FILE).`)
  }
  for (const [path, what] of [
    [file, 'the file is read-only'],
    [folder, `its folder ${folder} is read-only (SQLite writes a journal beside the file)`]
  ] as const) {
    if (!existsSync(path)) continue
    try {
      accessSync(path, constants.W_OK)
    } catch (error) {
      throw readOnlyError(file, what, error)
    }
  }
}

/** Refuses a SQLite file that some other program made: it has tables but is not marked as ours. */
function checkIsExperimentLog(db: SqliteDatabase, file: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number
  if (applicationId === EXPERIMENT_LOG_APPLICATION_ID) return
  const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number }
  if (applicationId === 0 && tables.n === 0) return // a new, empty database
  throw new StoreError(
    'not-an-experiment-log',
    file,
    `${file} is a SQLite database but not an experiment log of the workbench (application id ${applicationId}, ` +
      `${tables.n} tables). Pass another database file (--db FILE); this one is left untouched.`
  )
}

/** Opens (creating when allowed) and migrates the experiment log at `file`. Throws StoreErrors. */
export function openDatabase(file: string, options: OpenDatabaseOptions): SqliteDatabase {
  const path = resolve(file)
  if (options.readonly) {
    if (!existsSync(path)) {
      throw new StoreError(
        'cannot-open',
        path,
        `The experiment log ${path} does not exist; a read-only open never creates one. Run an experiment first, or pass another --db FILE.`
      )
    }
  } else {
    prepareWritableLocation(path)
  }
  let db: SqliteDatabase
  try {
    db = new Database(path, { readonly: options.readonly, fileMustExist: options.readonly, timeout: options.busyTimeoutMs })
  } catch (error) {
    throw translateStoreError(error, path, 'open it', options.busyTimeoutMs)
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    checkIsExperimentLog(db, path)
    applyMigrations(db, path, { readonly: options.readonly })
  } catch (error) {
    db.close()
    throw translateStoreError(error, path, 'open it', options.busyTimeoutMs)
  }
  return db
}
