// Errors of the experiment log as values a user can act on: every StoreError names the database
// file, says what went wrong in words, and what to do about it. SQLite's own error codes are mapped
// here, in one place, so no caller has to know them.

export type StoreErrorCode =
  /** The file is not a SQLite database, or its pages are damaged. */
  | 'not-a-database'
  /** A SQLite database, but some other program's, not an experiment log. */
  | 'not-an-experiment-log'
  /** Written by a newer workbench: its schema version is above the latest this one knows. */
  | 'newer-schema'
  /** Its schema version is one this workbench knows, but its tables lack what that version has. */
  | 'schema-mismatch'
  /** Another connection held the write lock for longer than the busy timeout. */
  | 'locked'
  /** The file or its folder cannot be written, or the log was opened with `readonly: true`. */
  | 'read-only'
  /** The file or its folder cannot be opened or created at all. */
  | 'cannot-open'
  /** No run with the given id. */
  | 'unknown-run'
  /** A value passed in does not have the documented shape. */
  | 'invalid-value'
  /** The log was used after `close()`. */
  | 'closed'

export class StoreError extends Error {
  override readonly name = 'StoreError'

  constructor(
    readonly code: StoreErrorCode,
    /** The database file the error concerns. */
    readonly file: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

/** The SQLite error code of a driver error ('SQLITE_BUSY', ...), or undefined for any other error. */
function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined
}

function detail(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** What a database file the workbench could not write looks like to the user, whatever the cause. */
export function readOnlyError(file: string, why: string, cause?: unknown): StoreError {
  return new StoreError(
    'read-only',
    file,
    `The experiment log ${file} cannot be written: ${why}. ` +
      'Make the file and its folder writable by this user, or pass another database file (--db FILE).',
    { cause }
  )
}

/**
 * Maps an error thrown while working on `file` to a StoreError when it is one SQLite reports for a
 * condition the user can fix (locked, read-only, damaged, cannot open); returns any other error as is.
 * `action` is what was being done, in words ("open", "record the task result"), for the message.
 */
export function translateStoreError(error: unknown, file: string, action: string, busyTimeoutMs: number): unknown {
  if (error instanceof StoreError) return error
  if (error instanceof TypeError && /database connection is not open/.test(error.message)) {
    return new StoreError('closed', file, `The experiment log ${file} is closed; cannot ${action}. Open it again.`, { cause: error })
  }
  const code = sqliteCode(error)
  if (code === undefined) return error
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError(
      'not-a-database',
      file,
      `${file} is not a SQLite database or is damaged (${detail(error)}); cannot ${action}. ` +
        'Pass another database file (--db FILE), or move this one away to start a new experiment log.',
      { cause: error }
    )
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(
      'locked',
      file,
      `The experiment log ${file} is locked by another writer (waited ${busyTimeoutMs} ms); cannot ${action}. ` +
        'Only the process that runs experiments writes to the log: wait for the other run to finish, ' +
        'or close the other workbench or arc-ttt process using this file, then try again.',
      { cause: error }
    )
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return readOnlyError(file, `SQLite refused to ${action} (${detail(error)})`, error)
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new StoreError(
      'cannot-open',
      file,
      `Cannot open the experiment log ${file} to ${action} (${detail(error)}). ` +
        'Check that the path names a file (not a folder) in a folder this user can read and write.',
      { cause: error }
    )
  }
  return error
}

/** An error for a value that does not have the documented shape; `what` names the field. */
export function invalidValue(file: string, what: string, expected: string, got: unknown): StoreError {
  let shown: string
  try {
    shown = JSON.stringify(got) ?? String(got)
  } catch {
    shown = String(got)
  }
  if (shown.length > 80) shown = `${shown.slice(0, 80)}...`
  return new StoreError('invalid-value', file, `Experiment log ${file}: ${what} must be ${expected}, got ${shown}`)
}
