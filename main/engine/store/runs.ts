// Runs: creation (with the flattened config, host and versions), status, editable name/tags/notes,
// deletion (the schema cascades to every row of the run) and the full record.
import { randomBytes } from 'node:crypto'
import { canonicalJson, flattenParams, parseJsonObject, requirePlainObject } from './canonical-json'
import type { SqliteDatabase, SqliteStatement } from './database'
import type { WorkbenchVersion } from './host-info'
import type { InputChecks } from './input-checks'
import { RUN_SUMMARY_COLUMNS, runSummaryFromRow, type RunSummaryRow } from './run-list'
import { StoreError } from './store-error'
import { RUN_STATUSES, type HostInfo, type NewRun, type RunParam, type RunRecord, type RunStatus, type RunUpdate } from './types'

const TERMINAL_STATUSES: readonly RunStatus[] = ['completed', 'interrupted', 'failed', 'cancelled']

/** `run-20261126-065301-a1b2`: UTC date and time, then random hex; sorts by creation second. */
function makeRunId(now: Date, randomHex = randomBytes(2).toString('hex')): string {
  const iso = now.toISOString() // 2026-11-26T06:53:01.123Z
  return `run-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${randomHex}`
}

/** What the log adds to a NewRun at creation. */
export interface RunProvenance {
  readonly createdAt: Date
  readonly host: HostInfo
  readonly workbench: WorkbenchVersion
}

interface RunDetailRow extends RunSummaryRow {
  config_json: string
  model_hash: string
  dataset_path: string
  host_json: string
  workbench_version: string
  git_revision: string | null
  artifact_count: number
  metric_key_count: number
}

export class Runs {
  private readonly runNumberById: SqliteStatement
  private readonly insertTag: SqliteStatement
  private readonly insertParam: SqliteStatement

  constructor(
    private readonly db: SqliteDatabase,
    private readonly checks: InputChecks
  ) {
    this.runNumberById = db.prepare('SELECT run_number FROM runs WHERE id = ?').pluck()
    this.insertTag = db.prepare('INSERT INTO run_tags (run_number, tag, position) VALUES (?, ?, ?)')
    this.insertParam = db.prepare('INSERT INTO run_params (run_number, key, value_type, value_text, value_number) VALUES (?, ?, ?, ?, ?)')
  }

  /** The internal key of a run; an 'unknown-run' StoreError when there is none. */
  runNumber(runId: unknown): number {
    const id = this.checks.string('runId', runId)
    const runNumber = this.runNumberById.get(id) as number | undefined
    if (runNumber === undefined) {
      throw new StoreError(
        'unknown-run',
        this.checks.file,
        `The experiment log ${this.checks.file} has no run "${id}". List the runs with \`arc-ttt runs list\`.`
      )
    }
    return runNumber
  }

  create(record: NewRun, provenance: RunProvenance): string {
    const c = this.checks
    c.object('run', record)
    const config = requirePlainObject(record.config, (path, expected, got) => c.fail(path, expected, got))
    const configJson = canonicalJson(config, (path, expected, got) => c.fail(`config.${path}`, expected, got))
    const params = flattenParams(config, (path, expected, got) => c.fail(`config.${path}`, expected, got))
    const tags = c.uniqueStrings('tags', record.tags ?? [])
    const row = {
      name: c.string('name', record.name),
      preset: c.string('preset', record.preset),
      config_json: configJson,
      config_hash: c.string('configHash', record.configHash),
      seed: c.integer('seed', record.seed),
      model_id: c.string('modelId', record.modelId),
      model_hash: c.string('modelHash', record.modelHash),
      dataset_path: c.string('datasetPath', record.datasetPath),
      dataset_fingerprint: c.string('datasetFingerprint', record.datasetFingerprint),
      provider_requested: c.string('provider', record.provider),
      notes: c.string('notes', record.notes ?? '', { allowEmpty: true }),
      host_json: JSON.stringify(provenance.host),
      workbench_version: provenance.workbench.version,
      git_revision: provenance.workbench.gitRevision,
      created_at: provenance.createdAt.toISOString()
    }
    const insert = this.db.transaction(() => {
      let id = makeRunId(provenance.createdAt)
      // Two runs in the same second collide with probability 1/65536; draw again, then widen.
      for (let attempt = 0; this.runNumberById.get(id) !== undefined; attempt += 1) {
        id = makeRunId(provenance.createdAt, randomBytes(attempt < 8 ? 2 : 6).toString('hex'))
      }
      const info = this.db
        .prepare(
          `INSERT INTO runs (id, name, preset, config_json, config_hash, seed, model_id, model_hash, dataset_path,
             dataset_fingerprint, provider_requested, notes, host_json, workbench_version, git_revision, status, created_at)
           VALUES (@id, @name, @preset, @config_json, @config_hash, @seed, @model_id, @model_hash, @dataset_path,
             @dataset_fingerprint, @provider_requested, @notes, @host_json, @workbench_version, @git_revision, 'running', @created_at)`
        )
        .run({ ...row, id })
      const runNumber = Number(info.lastInsertRowid)
      this.writeTags(runNumber, tags)
      for (const p of params) this.insertParam.run(runNumber, p.key, p.type, p.text, p.number)
      return id
    })
    return insert.immediate()
  }

  private writeTags(runNumber: number, tags: readonly string[]): void {
    this.db.prepare('DELETE FROM run_tags WHERE run_number = ?').run(runNumber)
    tags.forEach((tag, position) => this.insertTag.run(runNumber, tag, position))
  }

  setProviderUsed(runId: string, provider: string): void {
    const runNumber = this.runNumber(runId)
    this.db.prepare('UPDATE runs SET provider_used = ? WHERE run_number = ?').run(this.checks.string('provider', provider), runNumber)
  }

  /** A terminal status sets the end time; 'running' (a resumed run) clears it. */
  setStatus(runId: string, status: RunStatus, message: string | undefined, now: Date): void {
    const runNumber = this.runNumber(runId)
    this.checks.oneOf('status', status, RUN_STATUSES)
    const statusMessage = message === undefined ? null : this.checks.string('message', message, { allowEmpty: true })
    const endedAt = TERMINAL_STATUSES.includes(status) ? now.toISOString() : null
    this.db
      .prepare('UPDATE runs SET status = ?, status_message = ?, ended_at = ? WHERE run_number = ?')
      .run(status, statusMessage, endedAt, runNumber)
  }

  update(runId: string, changes: RunUpdate): void {
    const runNumber = this.runNumber(runId)
    const name = changes.name === undefined ? undefined : this.checks.string('name', changes.name)
    const notes = changes.notes === undefined ? undefined : this.checks.string('notes', changes.notes, { allowEmpty: true })
    const tags = changes.tags === undefined ? undefined : this.checks.uniqueStrings('tags', changes.tags)
    this.db
      .transaction(() => {
        if (name !== undefined) this.db.prepare('UPDATE runs SET name = ? WHERE run_number = ?').run(name, runNumber)
        if (notes !== undefined) this.db.prepare('UPDATE runs SET notes = ? WHERE run_number = ?').run(notes, runNumber)
        if (tags !== undefined) this.writeTags(runNumber, tags)
      })
      .immediate()
  }

  /** Deletes the run and, by cascade, its tags, params, metrics, task results, candidates and artifact rows. */
  delete(runId: string): void {
    const runNumber = this.runNumber(runId)
    this.db.prepare('DELETE FROM runs WHERE run_number = ?').run(runNumber)
  }

  get(runId: string): RunRecord {
    const runNumber = this.runNumber(runId)
    const row = this.db
      .prepare(
        `SELECT ${RUN_SUMMARY_COLUMNS}, r.config_json, r.model_hash, r.dataset_path, r.host_json, r.workbench_version, r.git_revision,
           (SELECT count(*) FROM artifacts a WHERE a.run_number = r.run_number) AS artifact_count,
           (SELECT count(*) FROM metric_summaries m WHERE m.run_number = r.run_number) AS metric_key_count
         FROM runs r WHERE r.run_number = ?`
      )
      .get(runNumber) as RunDetailRow
    const params = this.db
      .prepare(
        'SELECT key, value_type AS type, value_text AS text, value_number AS number FROM run_params WHERE run_number = ? ORDER BY key'
      )
      .all(runNumber) as RunParam[]
    return {
      ...runSummaryFromRow(row),
      config: parseJsonObject(row.config_json),
      params,
      modelHash: row.model_hash,
      datasetPath: row.dataset_path,
      host: JSON.parse(row.host_json) as HostInfo,
      workbenchVersion: row.workbench_version,
      gitRevision: row.git_revision,
      artifactCount: row.artifact_count,
      metricKeyCount: row.metric_key_count
    }
  }
}
