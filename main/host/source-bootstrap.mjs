// Starts the engine host from TypeScript sources (`arc-ttt serve` and the tests run through tsx):
// a forked process does not inherit the parent's loader hooks, so it registers tsx itself.
import { register } from 'tsx/esm/api'

register()
await import('./host-main.ts')
