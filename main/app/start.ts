// Electron glue: starts the engine host (a utility process), wires the API handlers to IPC and the
// host's events to the window, and opens the main window. Runs execute in the host, so the main
// process and the window stay responsive during training.
import { app, BrowserWindow, dialog } from 'electron'
import { join, resolve } from 'node:path'
import { defaultDatabasePath } from '../api/default-db'
import { createHandlers } from '../api/handlers'
import { HostClient } from '../host/host-client'
import { forwardHostEvents, registerApiHandlers } from './ipc'
import { createMainWindow, isAppUrl } from './main-window'
import { hardenWebContents } from './security'
import { forkUtilityHost } from './utility-host'

/** `--db FILE` or `--db=FILE` on the app's command line (as `arc-ttt serve --db`), else the default log. */
function databasePathFromArgs(argv: readonly string[]): string {
  const at = argv.findIndex((a) => a === '--db' || a.startsWith('--db='))
  if (at < 0) return defaultDatabasePath()
  const value = argv[at]!.startsWith('--db=') ? argv[at]!.slice('--db='.length) : argv[at + 1]
  return value ? resolve(value) : defaultDatabasePath()
}

export async function startApp(): Promise<void> {
  await app.whenReady()
  hardenWebContents()
  const databasePath = databasePathFromArgs(process.argv)
  const modelsDir = join(app.getAppPath(), 'resources', 'models')
  const engineHost = new HostClient({ config: { databasePath, modelsDir, threads: 0 }, spawn: forkUtilityHost })
  const handlers = createHandlers({
    version: app.getVersion(),
    mode: 'electron',
    samplesPath: join(app.getAppPath(), 'resources', 'sample-tasks'),
    recentFile: join(app.getPath('userData'), 'recent-datasets.json'),
    databasePath,
    modelsDir,
    host: engineHost,
    pickFolder: async () => {
      const result = await dialog.showOpenDialog({ title: 'Open an ARC dataset folder', properties: ['openDirectory'] })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    }
  })
  registerApiHandlers(handlers, isAppUrl)
  forwardHostEvents(engineHost, isAppUrl)
  await createMainWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Stop the host's runs (marked interrupted, resumable) before the app exits.
  let hostClosed = false
  app.on('will-quit', (event) => {
    if (hostClosed) return
    event.preventDefault()
    void engineHost.close().finally(() => {
      hostClosed = true
      app.quit()
    })
  })
}
