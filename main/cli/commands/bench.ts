// `arc-ttt bench <what> ...`: benchmarks, one subcommand per file under main/cli/bench/.
import { engineBench } from '../bench/engine'
import { searchBench } from '../bench/search'
import { tttDataBench } from '../bench/ttt-data'
import { tttBench } from '../bench/ttt'
import type { Command } from '../command'
import { subcommandList } from '../subcommand-list'
import { UsageError } from '../usage-error'

/** The subcommands, in the order the help lists them. */
export const BENCHMARKS: readonly Command[] = [engineBench, tttDataBench, tttBench, searchBench]

export const benchCommand: Command = {
  name: 'bench',
  summary: 'benchmarks: the training engine, the TTT data builder, TTT per task, the program search',
  usage: `arc-ttt bench <what> [options]

${subcommandList(BENCHMARKS)}

${BENCHMARKS.map((b) => b.usage).join('\n\n')}`,
  async run(argv) {
    const [what, ...rest] = argv
    const benchmark = BENCHMARKS.find((b) => b.name === what)
    if (!benchmark) {
      throw new UsageError(what === undefined ? 'bench needs a benchmark name' : `unknown benchmark "${what}"; one of ${BENCHMARKS.map((b) => b.name).join(', ')}`)
    }
    return benchmark.run(rest)
  }
}
