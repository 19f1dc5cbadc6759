// Where the experiment log lives when no --db is given: one file in the user's data folder, shared
// by `arc-ttt run` (the writer) and `arc-ttt runs` (readers).
//
//   $ARC_TTT_DB                                          when set (and not empty)
//   Linux and others: $XDG_DATA_HOME/arc-ttt/experiments.sqlite, or ~/.local/share/arc-ttt/...
//                     (XDG base directory spec: a relative $XDG_DATA_HOME is ignored)
//   macOS:            ~/Library/Application Support/arc-ttt/experiments.sqlite
//   Windows:          %APPDATA%\arc-ttt\experiments.sqlite, or ~\AppData\Roaming\arc-ttt\...
import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'

export const DATABASE_FILE_NAME = 'experiments.sqlite'
const APP_FOLDER = 'arc-ttt'

/** What the resolution depends on; defaults to this process's environment, platform and home. */
export interface DefaultDatabaseContext {
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly platform?: NodeJS.Platform
  readonly home?: string
}

/** The experiment log file to use when the user did not pass --db. Creates nothing. */
export function defaultDatabasePath(context: DefaultDatabaseContext = {}): string {
  const env = context.env ?? process.env
  const platform = context.platform ?? process.platform
  const home = context.home ?? homedir()
  const explicit = env['ARC_TTT_DB']
  if (explicit !== undefined && explicit !== '') return explicit
  if (platform === 'win32') {
    const appData = env['APPDATA']
    return win32.join(appData !== undefined && appData !== '' ? appData : win32.join(home, 'AppData', 'Roaming'), APP_FOLDER, DATABASE_FILE_NAME)
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_FOLDER, DATABASE_FILE_NAME)
  const xdg = env['XDG_DATA_HOME']
  const dataHome = xdg !== undefined && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.local', 'share')
  return posix.join(dataHome, APP_FOLDER, DATABASE_FILE_NAME)
}

/** One paragraph for usage texts: where the default database is. */
export const DEFAULT_DATABASE_HELP = `Without --db, the experiment log is $ARC_TTT_DB when set, else ${APP_FOLDER}/${DATABASE_FILE_NAME}
in the user's data folder: $XDG_DATA_HOME or ~/.local/share on Linux, ~/Library/Application Support
on macOS, %APPDATA% on Windows.`
