// The IPC side of the wire API: every call is checked to come from the app's own page, then
// validated and dispatched exactly as the browser-mode bridge does.
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { ApiResult } from '../api/contract'
import { dispatch } from '../api/dispatch'
import type { Handlers } from '../api/handlers'
import { API_IPC_CHANNEL } from './ipc-channel'

export function registerApiHandlers(handlers: Handlers, isAppUrl: (url: string) => boolean): void {
  ipcMain.handle(API_IPC_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, args: unknown): Promise<ApiResult<unknown>> => {
    const url = event.senderFrame?.url ?? ''
    if (!isAppUrl(url)) {
      return { ok: false, error: { code: 'unauthorized', message: `calls are only accepted from the workbench page, not ${url}` } }
    }
    return dispatch(handlers, method, args)
  })
}
