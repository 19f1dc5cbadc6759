// Electron glue: a thin window and IPC relay. Everything that touches the experiment log or the
// engine runs in the API host, a plain Node child process (main/host/api-host-main.ts) that starts
// the engine host in turn; better-sqlite3 and onnxruntime-node are built for Node's ABI, so no
// Electron process may load them (tests/architecture/electron-processes.test.ts checks it).
import { app, BrowserWindow, dialog } from 'electron'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ApiHostClient } from '../host/api-host-client'
import { forwardHostEvents, registerApiHandlers } from './ipc'
import { createMainWindow, isAppUrl } from './main-window'
import { findNodeBinary } from './node-binary'
import { hardenWebContents } from './security'

/** Built beside this file by electron-vite (electron.vite.config.ts). */
const API_HOST_ENTRY = fileURLToPath(new URL('./api-host.js', import.meta.url))

/** `--db FILE` or `--db=FILE` on the app's command line (as `arc-ttt serve --db`); null: the default log. */
export function databasePathFromArgs(argv: readonly string[]): string | null {
  const at = argv.findIndex((a) => a === '--db' || a.startsWith('--db='))
  if (at < 0) return null
  const value = argv[at]!.startsWith('--db=') ? argv[at]!.slice('--db='.length) : argv[at + 1]
  return value ? resolve(value) : null
}

async function pickFolder(): Promise<string | null> {
  const result = await dialog.showOpenDialog({ title: 'Open an ARC dataset folder', properties: ['openDirectory'] })
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

export async function startApp(): Promise<void> {
  await app.whenReady()
  hardenWebContents()
  let node
  try {
    node = findNodeBinary()
  } catch (error) {
    dialog.showErrorBox('ARC TTT workbench needs Node.js', error instanceof Error ? error.message : String(error))
    app.exit(1)
    return
  }
  const resources = join(app.getAppPath(), 'resources')
  const apiHost = new ApiHostClient({
    nodePath: node.path,
    entry: API_HOST_ENTRY,
    pickFolder,
    config: {
      version: app.getVersion(),
      samplesPath: join(resources, 'sample-tasks'),
      modelsDir: join(resources, 'models'),
      recentFile: join(app.getPath('userData'), 'recent-datasets.json'),
      databasePath: databasePathFromArgs(process.argv)
    }
  })
  // Start loading the engine's modules while the window opens; a failure reaches the page as API errors.
  void apiHost.start().catch((error: unknown) => console.error(`arc-ttt: ${error instanceof Error ? error.message : String(error)}`))
  registerApiHandlers((method, args) => apiHost.call(method, args), isAppUrl)
  forwardHostEvents(apiHost, isAppUrl)
  await createMainWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Stop the runs (marked interrupted, resumable) and the Node processes before the app exits.
  let hostClosed = false
  app.on('will-quit', (event) => {
    if (hostClosed) return
    event.preventDefault()
    void apiHost.close().finally(() => {
      hostClosed = true
      app.quit()
    })
  })
}
