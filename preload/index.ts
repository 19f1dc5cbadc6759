// The preload script: exposes the wire API to the renderer as one narrow object, `window.arcTtt`,
// through contextBridge. Context isolation and the sandbox stay on; the renderer gets no Node or
// Electron access beyond these calls, and the main process validates every argument again.
import { contextBridge, ipcRenderer } from 'electron'
import { API_METHODS, type ApiClient } from '../main/api/contract'
import { API_IPC_CHANNEL } from '../main/app/ipc-channel'

const api = Object.fromEntries(
  API_METHODS.map((method) => [method, (args: unknown) => ipcRenderer.invoke(API_IPC_CHANNEL, method, args ?? {})])
) as ApiClient

contextBridge.exposeInMainWorld('arcTtt', api)
