// The IPC channels of the wire API, shared by the preload script and the main process: calls
// (invoke/handle) and the engine host's live events (main -> renderer).
export const API_IPC_CHANNEL = 'arc-ttt:api'
export const EVENTS_IPC_CHANNEL = 'arc-ttt:events'
