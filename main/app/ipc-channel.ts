// The one IPC channel of the wire API, shared by the preload script and the main process.
export const API_IPC_CHANNEL = 'arc-ttt:api'
