// Starts the search worker from TypeScript sources (the CLI and tests run the engine through tsx): a
// worker thread does not inherit its parent's loader hooks, so it registers tsx itself.
import { register } from 'tsx/esm/api'

register()
await import('./worker-entry.ts')
