// The experiment log's schema as numbered migrations (architecture.md section 4). `PRAGMA
// user_version` holds the number of the last migration applied; each pending migration runs in its own
// write transaction, its steps and the new user_version together, so a crash leaves the database at
// one version or the next, never between. Never edit a released migration: append a new one.
//
// Layout, and the queries it is shaped for (the runs table, compare views, resume):
// - runs: one row per run. `run_number` is the internal key that child tables hold (an integer is
//   far smaller than the text id across millions of metric points); `id` is the public sortable id.
//   The summary columns (tasks_*, *_sum) are kept up to date as task results are recorded, so the
//   runs table lists thousands of runs without reading one task row.
// - run_tags, run_params: tags and the flattened config (`ttt.lora.rank` -> 8), indexed by key and
//   value for the runs table's filters and the compare view's config diff.
// - metric_points: series (run, key, task, phase, step) -> value, in recording order; the unique
//   index serves one curve (run, key, task, phase), all tasks of a key (mean band over tasks), and a
//   task's curves across runs. metric_summaries: per (run, key) count, sum, min, max, last.
// - task_results -> task_test_outputs -> task_candidates: per task, per test input, per distinct
//   candidate, deleted together by cascade. Primary keys lead with the run, so a tasks x runs matrix
//   is one index range per run.
// - artifacts: files a run produced (adapters, exports), with size and hash.
import { StoreError, readOnlyError } from './store-error'

/**
 * What migrating needs of a database: statements, pragmas and write transactions. database.ts's
 * SqliteDatabase has all three; naming only these keeps this file free of the driver, and
 * database.ts (which opens, checks, then migrates) the one file that depends on it.
 */
export interface MigratableDatabase {
  exec(sql: string): unknown
  pragma(source: string, options?: { simple?: boolean }): unknown
  transaction(work: () => void): { immediate(): void }
}

export interface Migration {
  /** 1, 2, 3...: the user_version the database has once this migration is applied. */
  readonly version: number
  readonly description: string
  /** SQL statements, one each, run in order. */
  readonly steps: readonly string[]
}

/** `PRAGMA application_id` of an experiment log: 'ARCT' in ASCII, so other SQLite files are recognised. */
export const EXPERIMENT_LOG_APPLICATION_ID = 0x41524354

const RUN_STATUSES_SQL = `'running', 'completed', 'interrupted', 'failed', 'cancelled'`
const RUN_REFERENCE = 'run_number INTEGER NOT NULL REFERENCES runs (run_number) ON DELETE CASCADE'

const INITIAL_SCHEMA: Migration = {
  version: 1,
  description: 'initial schema: runs, tags, params, metrics, task results, candidates, artifacts',
  steps: [
    `PRAGMA application_id = ${EXPERIMENT_LOG_APPLICATION_ID}`,
    `CREATE TABLE runs (
      run_number INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      preset TEXT NOT NULL,
      config_json TEXT NOT NULL,
      config_hash TEXT NOT NULL,
      seed INTEGER NOT NULL,
      model_id TEXT NOT NULL,
      model_hash TEXT NOT NULL,
      dataset_path TEXT NOT NULL,
      dataset_fingerprint TEXT NOT NULL,
      provider_requested TEXT NOT NULL,
      provider_used TEXT,
      notes TEXT NOT NULL DEFAULT '',
      host_json TEXT NOT NULL,
      workbench_version TEXT NOT NULL,
      git_revision TEXT,
      status TEXT NOT NULL CHECK (status IN (${RUN_STATUSES_SQL})),
      status_message TEXT,
      created_at TEXT NOT NULL,
      ended_at TEXT,
      tasks_done INTEGER NOT NULL DEFAULT 0,
      tasks_skipped INTEGER NOT NULL DEFAULT 0,
      tasks_scored INTEGER NOT NULL DEFAULT 0,
      official_score_sum REAL NOT NULL DEFAULT 0,
      all_or_nothing_sum INTEGER NOT NULL DEFAULT 0,
      task_seconds_sum REAL NOT NULL DEFAULT 0
    )`,
    'CREATE INDEX runs_by_created_at ON runs (created_at)',
    'CREATE INDEX runs_by_status ON runs (status)',
    'CREATE INDEX runs_by_preset ON runs (preset)',
    `CREATE TABLE run_tags (
      ${RUN_REFERENCE},
      tag TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (run_number, tag)
    ) WITHOUT ROWID`,
    'CREATE INDEX run_tags_by_tag ON run_tags (tag)',
    `CREATE TABLE run_params (
      ${RUN_REFERENCE},
      key TEXT NOT NULL,
      value_type TEXT NOT NULL CHECK (value_type IN ('string', 'number', 'boolean', 'null', 'array', 'object')),
      value_text TEXT NOT NULL,
      value_number REAL,
      PRIMARY KEY (run_number, key)
    ) WITHOUT ROWID`,
    'CREATE INDEX run_params_by_key_and_value ON run_params (key, value_text)',
    `CREATE TABLE metric_points (
      point_number INTEGER PRIMARY KEY,
      ${RUN_REFERENCE},
      key TEXT NOT NULL,
      task_id TEXT NOT NULL DEFAULT '',
      phase TEXT NOT NULL DEFAULT '',
      step INTEGER NOT NULL,
      value REAL
    )`,
    'CREATE UNIQUE INDEX metric_points_by_series ON metric_points (run_number, key, task_id, phase, step)',
    // value_sum, min_value, max_value cover the non-NULL (non-NaN) values, numeric_count of them;
    // value_sum is NULL only where +Infinity and -Infinity cancelled. last_value is NULL for a NaN.
    `CREATE TABLE metric_summaries (
      ${RUN_REFERENCE},
      key TEXT NOT NULL,
      count INTEGER NOT NULL,
      numeric_count INTEGER NOT NULL,
      value_sum REAL,
      min_value REAL,
      max_value REAL,
      last_value REAL,
      last_step INTEGER NOT NULL,
      PRIMARY KEY (run_number, key)
    ) WITHOUT ROWID`,
    `CREATE TABLE task_results (
      ${RUN_REFERENCE},
      task_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('done', 'skipped')),
      skip_reason TEXT CHECK ((status = 'skipped') = (skip_reason IS NOT NULL)),
      official_score REAL CHECK (official_score BETWEEN 0 AND 1),
      all_or_nothing INTEGER CHECK (all_or_nothing IN (0, 1)),
      ttt_steps INTEGER NOT NULL CHECK (ttt_steps >= 0),
      final_loss REAL,
      timings_json TEXT NOT NULL,
      total_seconds REAL NOT NULL,
      recorded_at TEXT NOT NULL,
      CHECK ((official_score IS NULL) = (all_or_nothing IS NULL)),
      PRIMARY KEY (run_number, task_id)
    ) WITHOUT ROWID`,
    'CREATE INDEX task_results_by_task ON task_results (task_id)',
    `CREATE TABLE task_test_outputs (
      run_number INTEGER NOT NULL,
      task_id TEXT NOT NULL,
      test_index INTEGER NOT NULL CHECK (test_index >= 0),
      attempts_json TEXT NOT NULL,
      correct INTEGER CHECK (correct IN (0, 1)),
      provenance_json TEXT NOT NULL,
      PRIMARY KEY (run_number, task_id, test_index),
      FOREIGN KEY (run_number, task_id) REFERENCES task_results (run_number, task_id) ON DELETE CASCADE
    ) WITHOUT ROWID`,
    `CREATE TABLE task_candidates (
      run_number INTEGER NOT NULL,
      task_id TEXT NOT NULL,
      test_index INTEGER NOT NULL,
      position INTEGER NOT NULL,
      grid_json TEXT NOT NULL,
      transforms_json TEXT NOT NULL,
      prompt_ids_json TEXT NOT NULL,
      votes INTEGER NOT NULL CHECK (votes >= 0),
      score REAL,
      PRIMARY KEY (run_number, task_id, test_index, position),
      FOREIGN KEY (run_number, task_id, test_index)
        REFERENCES task_test_outputs (run_number, task_id, test_index) ON DELETE CASCADE
    ) WITHOUT ROWID`,
    `CREATE TABLE artifacts (
      artifact_number INTEGER PRIMARY KEY,
      ${RUN_REFERENCE},
      kind TEXT NOT NULL,
      path TEXT NOT NULL,
      bytes INTEGER NOT NULL CHECK (bytes >= 0),
      sha256 TEXT NOT NULL,
      task_id TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (run_number, path)
    )`
  ]
}

/**
 * The runs table sorts by accuracy and by time per task. They are generated from the summary
 * columns, so they can never disagree with them, and indexed so sorting needs no full sort.
 */
const RUN_ACCURACY_COLUMNS: Migration = {
  version: 2,
  description: 'runs: accuracy in both conventions and seconds per task as indexed generated columns',
  steps: [
    `ALTER TABLE runs ADD COLUMN accuracy_official REAL
      GENERATED ALWAYS AS (CASE WHEN tasks_scored > 0 THEN official_score_sum / tasks_scored END) VIRTUAL`,
    `ALTER TABLE runs ADD COLUMN accuracy_all_or_nothing REAL
      GENERATED ALWAYS AS (CASE WHEN tasks_scored > 0 THEN CAST(all_or_nothing_sum AS REAL) / tasks_scored END) VIRTUAL`,
    `ALTER TABLE runs ADD COLUMN seconds_per_task REAL
      GENERATED ALWAYS AS (CASE WHEN tasks_done > 0 THEN task_seconds_sum / tasks_done END) VIRTUAL`,
    'CREATE INDEX runs_by_accuracy_official ON runs (accuracy_official)',
    'CREATE INDEX runs_by_accuracy_all_or_nothing ON runs (accuracy_all_or_nothing)',
    'CREATE INDEX runs_by_seconds_per_task ON runs (seconds_per_task)'
  ]
}

/** The tasks a run was asked to do, in order, so `--resume` finishes exactly that selection. */
const RUN_TASK_SELECTION: Migration = {
  version: 3,
  description: 'run_tasks: the ordered task selection of each run',
  steps: [
    `CREATE TABLE run_tasks (
      ${RUN_REFERENCE},
      position INTEGER NOT NULL CHECK (position >= 0),
      task_id TEXT NOT NULL,
      PRIMARY KEY (run_number, position)
    ) WITHOUT ROWID`
  ]
}

/**
 * Where each candidate came from: the solver ('ttt' or 'search'), the program that produced it (search),
 * and how many demonstrations that program reproduces (older rows are TTT candidates); and per task,
 * which solver's candidates its right attempts were ('search', 'ttt' or 'both'; null when unsolved).
 */
const CANDIDATE_SOURCES: Migration = {
  version: 4,
  description: 'task_candidates: solver, program text and demonstrations explained; task_results: solved_by',
  steps: [
    "ALTER TABLE task_candidates ADD COLUMN source TEXT NOT NULL DEFAULT 'ttt'",
    'ALTER TABLE task_candidates ADD COLUMN program TEXT',
    'ALTER TABLE task_candidates ADD COLUMN demos_explained INTEGER',
    'ALTER TABLE task_candidates ADD COLUMN demos INTEGER',
    "ALTER TABLE task_results ADD COLUMN solved_by TEXT CHECK (solved_by IN ('search', 'ttt', 'both'))"
  ]
}

/** Every migration, in order; entry i has version i + 1. */
export const MIGRATIONS: readonly Migration[] = [INITIAL_SCHEMA, RUN_ACCURACY_COLUMNS, RUN_TASK_SELECTION, CANDIDATE_SOURCES]

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length

export function schemaVersion(db: MigratableDatabase): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the database up to `target` (default: the latest). Refuses a database from a newer
 * workbench, and a read-only one that needs an upgrade. Each migration re-reads the version inside
 * its write transaction, so two processes opening the same old file upgrade it once.
 */
export function applyMigrations(db: MigratableDatabase, file: string, options: { readonly: boolean; target?: number }): void {
  const target = options.target ?? LATEST_SCHEMA_VERSION
  const current = schemaVersion(db)
  if (current > LATEST_SCHEMA_VERSION) {
    throw new StoreError(
      'newer-schema',
      file,
      `The experiment log ${file} was written by a newer workbench (schema version ${current}; this workbench ` +
        `knows versions up to ${LATEST_SCHEMA_VERSION}). Update the workbench, or pass another database file (--db FILE).`
    )
  }
  if (current >= target) return
  if (options.readonly) {
    throw readOnlyError(
      file,
      `it has schema version ${current} and needs an upgrade to ${target}, which writes; open it once with write access`
    )
  }
  for (const migration of MIGRATIONS.slice(current, target)) {
    const apply = db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return
      for (const step of migration.steps) db.exec(step)
      db.pragma(`user_version = ${migration.version}`)
    })
    apply.immediate()
  }
}
