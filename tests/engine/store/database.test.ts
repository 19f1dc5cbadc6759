// Opening the experiment log: pragmas, migrations (idempotent, an old file upgraded with its data),
// and a clear StoreError for a damaged, foreign, newer, locked or read-only database.
import { randomFillSync } from 'node:crypto'
import { accessSync, chmodSync, constants, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { ExperimentLog, LATEST_SCHEMA_VERSION, MIGRATIONS, StoreError } from '../../../main/engine/store'
import { openDatabase } from '../../../main/engine/store/database'
import { applyMigrations } from '../../../main/engine/store/migrations'
import { doneTask, newRun, removeTemporaryFolders, temporaryFolder } from './store-fixtures'

afterAll(removeTemporaryFolders)

const databaseFile = () => join(temporaryFolder(), 'experiments.sqlite')

/** A log at `file` holding one run, closed again: the run's id. */
function writeOneRun(file: string): string {
  const log = ExperimentLog.open(file)
  const runId = log.createRun(newRun())
  log.close()
  return runId
}

/** Whether this process is refused writes by file modes (not so for root, which bypasses them). */
function fileModesAreEnforced(folder: string): boolean {
  const probe = join(folder, 'mode-probe')
  writeFileSync(probe, '')
  chmodSync(probe, 0o444)
  try {
    accessSync(probe, constants.W_OK)
    return false
  } catch {
    return true
  }
}

function expectStoreError(open: () => unknown, code: StoreError['code'], file: string, words: RegExp): void {
  let caught: unknown
  try {
    open()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(StoreError)
  const error = caught as StoreError
  expect(error.code).toBe(code)
  expect(error.file).toBe(file)
  expect(error.message).toContain(file)
  expect(error.message).toMatch(words)
}

describe('opening and migrating', () => {
  it('uses WAL, synchronous=NORMAL, foreign keys and the busy timeout, and reaches the latest schema version', () => {
    const file = databaseFile()
    const db = openDatabase(file, { readonly: false, busyTimeoutMs: 1234 })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(1) // NORMAL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    db.close()
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThanOrEqual(2)
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
    const log = ExperimentLog.open(file)
    expect(log.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    log.close()
  })

  it('is idempotent: opening again keeps the version and the data', () => {
    const file = databaseFile()
    const runId = writeOneRun(file)
    for (let i = 0; i < 2; i += 1) {
      const again = ExperimentLog.open(file)
      expect(again.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
      expect(again.listRuns().runs.map((r) => r.id)).toEqual([runId])
      again.close()
    }
  })

  it('upgrades a version 1 database and keeps its rows', () => {
    const file = databaseFile()
    const db = new Database(file)
    applyMigrations(db, file, { readonly: false, target: 1 })
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    db.prepare(
      `INSERT INTO runs (id, name, preset, config_json, config_hash, seed, model_id, model_hash, dataset_path, dataset_fingerprint,
         provider_requested, host_json, workbench_version, status, created_at, tasks_done, tasks_skipped, tasks_scored,
         official_score_sum, all_or_nothing_sum, task_seconds_sum)
       VALUES ('run-20250101-000000-0001', 'old run', 'ttt', '{"ttt":{"lora":{"rank":4}}}', 'h', 3, 'm', 'mh', '/d', 'fp',
         'cpu', '{}', '0.0.1', 'completed', '2025-01-01T00:00:00.000Z', 3, 1, 4, 2.5, 2, 30)`
    ).run()
    db.prepare(`INSERT INTO run_params VALUES (1, 'ttt.lora.rank', 'number', '4', 4)`).run()
    db.close()

    const log = ExperimentLog.open(file)
    expect(log.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    const listed = log.listRuns({ orderBy: 'accuracyOfficial', filter: { params: { 'ttt.lora.rank': 4 } } })
    expect(listed.runs).toHaveLength(1)
    expect(listed.runs[0]).toMatchObject({ name: 'old run', status: 'completed', tasksDone: 3, tasksSkipped: 1, accuracyOfficial: 2.5 / 4, accuracyAllOrNothing: 0.5, secondsPerTask: 10 })
    // The upgraded file takes new data as well.
    log.recordTaskResult('run-20250101-000000-0001', doneTask('new-task'))
    expect(log.getRun('run-20250101-000000-0001')).toMatchObject({ tasksDone: 4, accuracyOfficial: 3.5 / 5 })
    log.close()
  })
})

describe('clear errors', () => {
  it('names a file that is not a SQLite database', () => {
    const file = databaseFile()
    writeFileSync(file, randomFillSync(Buffer.alloc(8192)))
    expectStoreError(() => ExperimentLog.open(file), 'not-a-database', file, /not a SQLite database or is damaged/)
    expectStoreError(() => ExperimentLog.open(file, { readonly: true }), 'not-a-database', file, /move this one away/)
  })

  it('refuses another program’s SQLite database and leaves it untouched', () => {
    const file = databaseFile()
    const db = new Database(file)
    db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)')
    db.close()
    expectStoreError(() => ExperimentLog.open(file), 'not-an-experiment-log', file, /not an experiment log/)
    const check = new Database(file, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(0)
    check.close()
  })

  it('refuses a database from a newer workbench', () => {
    const file = databaseFile()
    ExperimentLog.open(file).close()
    const db = new Database(file)
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    db.close()
    expectStoreError(() => ExperimentLog.open(file), 'newer-schema', file, new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 1}.*up to ${LATEST_SCHEMA_VERSION}.*Update the workbench`))
  })

  it('names a log whose tables lack a column of its schema version (a development build wrote it)', () => {
    const file = databaseFile()
    ExperimentLog.open(file).close()
    const db = new Database(file)
    db.exec('ALTER TABLE task_results DROP COLUMN solved_by')
    db.close()
    expectStoreError(() => ExperimentLog.open(file), 'schema-mismatch', file, /says schema version \d+ but its tables do not match.*solved_by.*Move it aside/)
  })

  it('says the log is locked when another writer holds it past the busy timeout', () => {
    const file = databaseFile()
    const log = ExperimentLog.open(file, { busyTimeoutMs: 50 })
    const runId = log.createRun(newRun())
    const other = new Database(file)
    other.exec('BEGIN EXCLUSIVE')
    try {
      expectStoreError(() => log.recordTaskResult(runId, doneTask('t1')), 'locked', file, /locked by another writer \(waited 50 ms\).*process that runs experiments/)
      // Readers are not blocked in WAL mode.
      expect(log.getRun(runId).tasksDone).toBe(0)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    log.recordTaskResult(runId, doneTask('t1'))
    expect(log.getRun(runId).tasksDone).toBe(1)
    log.close()
  })

  it('says the log is locked when an upgrade at open has to wait for another writer', () => {
    const file = databaseFile()
    const db = new Database(file)
    applyMigrations(db, file, { readonly: false, target: 1 })
    db.pragma('journal_mode = WAL')
    db.exec('BEGIN EXCLUSIVE')
    try {
      expectStoreError(() => ExperimentLog.open(file, { busyTimeoutMs: 50 }), 'locked', file, /cannot open it/)
    } finally {
      db.exec('ROLLBACK')
      db.close()
    }
  })

  it('refuses writes to a log opened read-only, while reading works', () => {
    const file = databaseFile()
    const runId = writeOneRun(file)
    const reader = ExperimentLog.open(file, { readonly: true })
    expect(reader.getRun(runId).name).toBe('baseline')
    expectStoreError(() => reader.recordTaskResult(runId, doneTask('t1')), 'read-only', file, /opened read-only.*process that runs experiments/)
    expectStoreError(() => reader.createRun(newRun()), 'read-only', file, /cannot be written/)
    reader.close()
    expect(ExperimentLog.open(file, { readonly: true }).taskResults(runId)).toEqual([])
    const missing = join(temporaryFolder(), 'missing.sqlite')
    expectStoreError(() => ExperimentLog.open(missing, { readonly: true }), 'cannot-open', missing, /does not exist; a read-only open never creates one/)
  })

  it('refuses to open a read-only file or folder for writing (modes enforced), or a read-only open (root)', () => {
    const folder = temporaryFolder()
    const file = join(folder, 'experiments.sqlite')
    const runId = writeOneRun(file)
    chmodSync(file, 0o444)
    if (fileModesAreEnforced(folder)) {
      expectStoreError(() => ExperimentLog.open(file), 'read-only', file, /the file is read-only.*Make the file and its folder writable/)
      chmodSync(file, 0o644)
      const lockedFolder = join(folder, 'locked')
      mkdirSync(lockedFolder)
      chmodSync(lockedFolder, 0o555)
      const inLockedFolder = join(lockedFolder, 'new.sqlite')
      expectStoreError(() => ExperimentLog.open(inLockedFolder), 'read-only', inLockedFolder, /folder .* is read-only/)
    } else {
      // Root writes whatever the modes say, so exercise SQLite's own refusal on the same file instead.
      const reader = ExperimentLog.open(file, { readonly: true })
      expectStoreError(() => reader.setRunStatus(runId, 'completed'), 'read-only', file, /cannot be written/)
      reader.close()
    }
  })
})
