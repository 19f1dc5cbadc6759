// The experiment log as the API side sees it: one connection, opened on first use (so a workbench
// that never looks at runs creates no file), and the log's errors turned into typed API errors.
// The engine host writes runs; this side reads them and makes the small edits the UI asks for
// (name, tags, notes, delete) and marks runs interrupted when the host dies. WAL mode and the busy
// timeout let the two processes share the file.
import { ExperimentLog, StoreError } from '../engine/store'
import { ApiFailure } from './api-failure'

export class LogAccess {
  private log: ExperimentLog | undefined

  constructor(readonly file: string) {}

  /** Runs `work` with the open log; an unknown run is not-found, a bad value a bad request. */
  use<R>(work: (log: ExperimentLog) => R): R {
    try {
      this.log ??= ExperimentLog.open(this.file)
      return work(this.log)
    } catch (error) {
      if (error instanceof StoreError && error.code === 'unknown-run') throw new ApiFailure('not-found', error.message)
      if (error instanceof StoreError && error.code === 'invalid-value') throw new ApiFailure('bad-request', error.message)
      throw error
    }
  }

  close(): void {
    this.log?.close()
    this.log = undefined
  }
}
