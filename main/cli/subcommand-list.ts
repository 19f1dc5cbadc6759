// The list of a command's subcommands in its help: names in a column as wide as the longest, then each one's summary.
import type { Command } from './command'

export function subcommandList(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')
}
