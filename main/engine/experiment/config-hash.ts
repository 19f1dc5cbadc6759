// The config hash a run is logged with: sha256 over a config's canonical JSON, cut to 16 hex
// digits. Node-side (node:crypto); resolving and parsing configs stays pure in config.ts.
import { createHash } from 'node:crypto'
import { flattenConfig, type ExperimentConfig } from './config'

/** A stable hash of any JSON value; callers make the value canonical (keys in a fixed order). */
export function hashJson(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16)
}

/** A stable hash of the resolved config: every key in schema order, list values in schema order. */
export function configHash(config: ExperimentConfig): string {
  return hashJson(flattenConfig(config))
}
