// A request the host refuses, with the code and message the API returns to the UI. Any other
// error thrown while handling a request is reported as 'internal' with its message.
import { ConfigError } from '../engine/experiment/config-values'
import { ProviderMissingError } from '../engine/experiment/provider-check'
import { RunSetupError } from '../engine/experiment/runner'
import { ModelFileError } from '../engine/model/model-files'
import { StoreError } from '../engine/store'
import type { ReplyErrorCode } from './protocol'

export class HostFailure extends Error {
  constructor(
    readonly code: Exclude<ReplyErrorCode, 'internal'>,
    message: string
  ) {
    super(message)
  }
}

/** The reply code of an error: the engine's own setup errors are the user's to fix. */
export function failureCode(error: unknown): ReplyErrorCode {
  if (error instanceof HostFailure) return error.code
  if (error instanceof ProviderMissingError) return 'unsupported'
  if (error instanceof ConfigError || error instanceof RunSetupError || error instanceof ModelFileError) return 'bad-request'
  if (error instanceof StoreError) return error.code === 'unknown-run' ? 'not-found' : error.code === 'invalid-value' ? 'bad-request' : 'internal'
  return 'internal'
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
