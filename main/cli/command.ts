// The shape of one CLI command, and argument parsing that turns bad flags into usage errors in the
// CLI's own words (Node's parser explains how to pass a positional starting with '-' instead).
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { editDistance, nearestNames } from '../engine/experiment/nearest-names'
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

/** At most this many edits away, a known option is offered as what the user meant. */
const MAX_OPTION_TYPO = 2

function unknownOption(flag: string, options: Options): string {
  const known = Object.keys(options).map((name) => `--${name}`)
  const [nearest] = nearestNames(flag, known, 1)
  if (nearest !== undefined && editDistance(flag, nearest) <= MAX_OPTION_TYPO) return `unknown option ${flag} (did you mean ${nearest}?)`
  if (known.length === 0) return `unknown option ${flag}: this command takes none`
  return `unknown option ${flag}; the options are ${known.join(', ')}`
}

/** Node's parse error as one sentence naming the flag and what is wrong with it. */
export function parseErrorMessage(error: unknown, options: Options): string {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: string } | undefined)?.code
  const flag = /'(-{1,2}[^' <]+)/.exec(message)?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) return unknownOption(flag, options)
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    const spec = options[flag.replace(/^-+/, '')]
    return spec?.type === 'boolean' ? `${flag} takes no value` : `${flag} needs a value`
  }
  return message.split('. ')[0]!
}

/** `name` takes a value, `name[]` takes one each time it is given, `name?` takes none (a switch). */
type FlagName<F extends string> = F extends `${infer N}[]` ? N : F extends `${infer N}?` ? N : F
type FlagSpec<F extends string> =
  F extends `${string}[]` ? { type: 'string'; multiple: true } : F extends `${string}?` ? { type: 'boolean' } : { type: 'string' }
export type FlagTable<F extends string> = { [K in F as FlagName<K>]: FlagSpec<K> }

/** The option table for `parseArgs` from the flags written as above, in the order the errors list them. */
export function flagTable<F extends string>(...flags: F[]): FlagTable<F> {
  const table: Record<string, { type: 'string' | 'boolean'; multiple?: true }> = {}
  for (const flag of flags) {
    if (flag.endsWith('[]')) table[flag.slice(0, -2)] = { type: 'string', multiple: true }
    else if (flag.endsWith('?')) table[flag.slice(0, -1)] = { type: 'boolean' }
    else table[flag] = { type: 'string' }
  }
  return table as FlagTable<F>
}

/** `parseArgs` in strict mode, with its errors turned into `UsageError`s. */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(parseErrorMessage(error, options))
  }
}
