// `arc-ttt runs <list|show|export|compare> ...`: reading the experiment log that `arc-ttt run` writes. One
// subcommand per file under main/cli/runs/; all open the log read-only except `export --out`.
import { StoreError } from '../../engine/store'
import type { Command } from '../command'
import { subcommandList } from '../subcommand-list'
import { DEFAULT_DATABASE_HELP } from '../../services/default-db'
import { compareRunsCommand } from '../runs/compare'
import { exportRunCommand } from '../runs/export'
import { listRunsCommand } from '../runs/list'
import { RunsFailure } from '../runs/open-log'
import { showRunCommand } from '../runs/show'
import { EXIT_FAILURE, EXIT_USAGE, UsageError } from '../usage-error'

/** The subcommands, in the order the help lists them. */
export const RUNS_SUBCOMMANDS: readonly Command[] = [listRunsCommand, showRunCommand, exportRunCommand, compareRunsCommand]

export const runsCommand: Command = {
  name: 'runs',
  summary: 'list, show, export and compare the runs of the experiment log',
  usage: `arc-ttt runs <list|show|export|compare> [options]

${subcommandList(RUNS_SUBCOMMANDS)}

${RUNS_SUBCOMMANDS.map((c) => c.usage).join('\n\n')}

${DEFAULT_DATABASE_HELP}

Exit status: 0 on success, 1 when the log or the run cannot be read (or the export written),
2 on a usage error.`,
  async run(argv) {
    const [name, ...rest] = argv
    const subcommand = RUNS_SUBCOMMANDS.find((c) => c.name === name)
    if (!subcommand) {
      const names = RUNS_SUBCOMMANDS.map((c) => c.name).join(', ')
      throw new UsageError(name === undefined ? `runs needs a subcommand: one of ${names}` : `unknown runs subcommand "${name}"; one of ${names}`)
    }
    try {
      return await subcommand.run(rest)
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`arc-ttt runs ${subcommand.name}: ${error.message}\n\nUsage: ${subcommand.usage}\n`)
        return EXIT_USAGE
      }
      // The log's own errors (damaged, newer, locked, read-only) already say what to do.
      if (error instanceof RunsFailure || error instanceof StoreError) {
        process.stderr.write(`arc-ttt runs ${subcommand.name}: ${error.message}\n`)
        return EXIT_FAILURE
      }
      throw error
    }
  }
}
