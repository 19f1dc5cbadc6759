// The IPC side of the wire API: every call is checked to come from the app's own page, then relayed
// to the API host (a plain Node process), which validates and dispatches it exactly as the
// browser-mode bridge does; the engine host's live events go to the app's windows on their own channel.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { ApiResult } from '../api/contract'
import type { HostEventSource } from '../api/runs-contract'
import { API_IPC_CHANNEL, EVENTS_IPC_CHANNEL } from './ipc-channel'

/** Answers one call (method and arguments as the page sent them, unvalidated). */
export type ApiRelay = (method: unknown, args: unknown) => Promise<ApiResult<unknown>>

export function registerApiHandlers(relay: ApiRelay, isAppUrl: (url: string) => boolean): void {
  ipcMain.handle(API_IPC_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<ApiResult<unknown>> => {
    const url = event.senderFrame?.url ?? ''
    if (!isAppUrl(url)) {
      return { ok: false, error: { code: 'unauthorized', message: `calls are only accepted from the workbench page, not ${url}` } }
    }
    return relay(method, args)
  })
}

/** Sends every host event to each window showing the workbench page; returns the function that stops it. */
export function forwardHostEvents(source: HostEventSource, isAppUrl: (url: string) => boolean): () => void {
  return source.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(EVENTS_IPC_CHANNEL, event)
    }
  })
}
