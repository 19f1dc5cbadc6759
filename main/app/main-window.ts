// The main window: sandboxed renderer, context isolation, no Node integration.
import { BrowserWindow } from 'electron'
import { fileURLToPath, pathToFileURL } from 'node:url'

const PRELOAD_FILE = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))
const RENDERER_FILE = fileURLToPath(new URL('../renderer/index.html', import.meta.url))

/** The dev server URL in `electron-vite dev`, otherwise the built renderer file. */
export function rendererUrl(): string {
  return process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(RENDERER_FILE).href
}

export function isAppUrl(url: string): boolean {
  const base = rendererUrl()
  return url === base || url.startsWith(base.replace(/index\.html$/, '')) || url.startsWith(`${base}?`)
}

export async function createMainWindow(): Promise<BrowserWindow> {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'ARC TTT workbench',
    show: false,
    webPreferences: {
      preload: PRELOAD_FILE,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true
    }
  })
  window.once('ready-to-show', () => window.show())
  await window.loadURL(rendererUrl())
  return window
}
