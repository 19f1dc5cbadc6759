// The default experiment log file now lives with the wire API (main/api/default-db.ts), which the
// workbench's runs views share with the command line; re-exported here for the CLI's commands.
export { DATABASE_FILE_NAME, DEFAULT_DATABASE_HELP, defaultDatabasePath, type DefaultDatabaseContext } from '../api/default-db'
