// The `arc-ttt` command line: one command per file under commands/, all over the same engine.
import type { Command } from './command'
import { benchCommand } from './commands/bench'
import { demoCommand } from './commands/demo'
import { gradcheckCommand } from './commands/gradcheck'
import { makeSamplesCommand } from './commands/make-samples'
import { modelsCommand } from './commands/models'
import { pretrainCommand } from './commands/pretrain'
import { promptsCommand } from './commands/prompts'
import { runsCommand } from './commands/runs'
import { runCommand } from './commands/run'
import { scoreCommand } from './commands/score'
import { serveCommand } from './commands/serve'
import { tasksCommand } from './commands/tasks'
import { tttDataCommand } from './commands/ttt-data'
import { validateCommand } from './commands/validate'
import { CommandFailure } from './command-failure'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './usage-error'

export const COMMANDS: readonly Command[] = [validateCommand, tasksCommand, demoCommand, makeSamplesCommand, serveCommand, scoreCommand, gradcheckCommand, tttDataCommand, promptsCommand, benchCommand, runCommand, runsCommand, pretrainCommand, modelsCommand]

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)
  return `arc-ttt: the ARC test-time-training workbench on the command line

Usage: arc-ttt <command> [options]   (arc-ttt <command> --help for its options)

Commands:
${lines.join('\n')}`
}

/** Runs one command line; resolves to the exit code. Never throws for a user's mistake. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${overview()}\n`)
    return name === undefined ? EXIT_USAGE : EXIT_OK
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    process.stderr.write(`arc-ttt: unknown command "${name}"\n\n${overview()}\n`)
    return EXIT_USAGE
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`)
    return EXIT_OK
  }
  try {
    return await command.run(rest)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`arc-ttt ${command.name}: ${error.message}\n\nUsage: ${command.usage}\n`)
      return EXIT_USAGE
    }
    if (error instanceof CommandFailure) {
      process.stderr.write(`arc-ttt ${command.name}: ${error.message}\n`)
      return EXIT_FAILURE
    }
    // A bug, not a user's mistake: say so plainly, with the stack for a bug report.
    process.stderr.write(`arc-ttt ${command.name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return EXIT_FAILURE
  }
}
