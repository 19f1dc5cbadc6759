// Electron glue: wires the engine's API handlers to IPC and opens the main window.
import { app, BrowserWindow, dialog } from 'electron'
import { join } from 'node:path'
import { createHandlers } from '../api/handlers'
import { registerApiHandlers } from './ipc'
import { createMainWindow, isAppUrl } from './main-window'
import { hardenWebContents } from './security'

export async function startApp(): Promise<void> {
  await app.whenReady()
  hardenWebContents()
  const handlers = createHandlers({
    version: app.getVersion(),
    mode: 'electron',
    samplesPath: join(app.getAppPath(), 'resources', 'sample-tasks'),
    recentFile: join(app.getPath('userData'), 'recent-datasets.json'),
    pickFolder: async () => {
      const result = await dialog.showOpenDialog({ title: 'Open an ARC dataset folder', properties: ['openDirectory'] })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    }
  })
  registerApiHandlers(handlers, isAppUrl)
  await createMainWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
