// Starts the runtime worker from TypeScript sources (CLI and tests run the engine through tsx):
// a worker thread does not inherit the parent's loader hooks, so it registers tsx itself.
import { register } from 'tsx/esm/api'

register()
await import('./session-worker.ts')
