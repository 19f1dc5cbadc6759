// The shape of one CLI command, and argument parsing that turns bad flags into usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './usage-error'

export interface Command {
  readonly name: string
  /** One line for the command list. */
  readonly summary: string
  /** The full usage text, shown by `arc-ttt <command> --help` and after a usage error. */
  readonly usage: string
  /** Runs the command; resolves to the process exit code. */
  run(argv: readonly string[]): Promise<number>
}

type Options = NonNullable<ParseArgsConfig['options']>

/** `parseArgs` in strict mode, with its errors turned into `UsageError`s. */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}
