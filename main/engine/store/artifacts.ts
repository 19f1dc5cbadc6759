// Files a run produced (per-task adapters, submissions, exports): where they are, their size and
// content hash, so a moved or changed file can be noticed. Adding the same path again replaces the row.
import type { SqliteDatabase, SqliteStatement } from './database'
import type { InputChecks } from './input-checks'
import { ARTIFACT_KINDS, type ArtifactKind, type ArtifactRecord, type NewArtifact } from './types'

interface ArtifactRow {
  kind: ArtifactKind
  path: string
  bytes: number
  sha256: string
  task_id: string | null
  created_at: string
}

export class Artifacts {
  private readonly upsert: SqliteStatement

  constructor(
    private readonly db: SqliteDatabase,
    private readonly checks: InputChecks
  ) {
    this.upsert = db.prepare(
      `INSERT INTO artifacts (run_number, kind, path, bytes, sha256, task_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (run_number, path) DO UPDATE SET
         kind = excluded.kind, bytes = excluded.bytes, sha256 = excluded.sha256, task_id = excluded.task_id,
         created_at = excluded.created_at`
    )
  }

  add(runNumber: number, artifact: NewArtifact, now: Date): void {
    const c = this.checks
    c.object('artifact', artifact)
    const sha256 = c.string('artifact.sha256', artifact.sha256).toLowerCase()
    if (!/^[0-9a-f]{64}$/.test(sha256)) c.fail('artifact.sha256', 'a hex sha256 (64 digits)', artifact.sha256)
    this.upsert.run(
      runNumber,
      c.oneOf('artifact.kind', artifact.kind, ARTIFACT_KINDS),
      c.string('artifact.path', artifact.path),
      c.integer('artifact.bytes', artifact.bytes, 0),
      sha256,
      artifact.taskId === undefined ? null : c.string('artifact.taskId', artifact.taskId),
      now.toISOString()
    )
  }

  list(runNumber: number): ArtifactRecord[] {
    const rows = this.db
      .prepare('SELECT kind, path, bytes, sha256, task_id, created_at FROM artifacts WHERE run_number = ? ORDER BY artifact_number')
      .all(runNumber) as ArtifactRow[]
    return rows.map((row) => ({
      kind: row.kind,
      path: row.path,
      bytes: row.bytes,
      sha256: row.sha256,
      taskId: row.task_id,
      createdAt: row.created_at
    }))
  }
}
