// The experiment log: one SQLite file per workbench (architecture.md section 4). Open it with
// `ExperimentLog.open(file)`; the process that runs experiments is the one writer, others open it
// with `{ readonly: true }`.
export * from './types'
export { ExperimentLog, type ExperimentLogOptions } from './experiment-log'
export { StoreError, type StoreErrorCode } from './store-error'
export { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations'
export { DEFAULT_BUSY_TIMEOUT_MS, RUN_BUSY_TIMEOUT_MS } from './database'
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './run-list'
export { hostInfo, workbenchVersion, type WorkbenchVersion } from './host-info'
