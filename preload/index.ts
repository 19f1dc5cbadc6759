// The preload script: exposes the wire API to the renderer as one narrow object, `window.arcTtt`,
// through contextBridge. Context isolation and the sandbox stay on; the renderer gets no Node or
// Electron access beyond these calls and `subscribe` (the engine host's live events), and the main
// process validates every argument again.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { API_METHODS, type ApiClient } from '../main/api/contract'
import type { HostEvent, HostEventSource } from '../main/api/runs-contract'
import { API_IPC_CHANNEL, EVENTS_IPC_CHANNEL } from '../main/app/ipc-channel'

const methods = Object.fromEntries(
  API_METHODS.map((method) => [method, (args: unknown) => ipcRenderer.invoke(API_IPC_CHANNEL, method, args ?? {})])
) as ApiClient

const events: HostEventSource = {
  subscribe(listener) {
    // The page gets the event only, never the IpcRendererEvent (which would expose the sender).
    const forward = (_event: IpcRendererEvent, hostEvent: HostEvent) => listener(hostEvent)
    ipcRenderer.on(EVENTS_IPC_CHANNEL, forward)
    return () => void ipcRenderer.off(EVENTS_IPC_CHANNEL, forward)
  }
}

contextBridge.exposeInMainWorld('arcTtt', { ...methods, subscribe: events.subscribe })
