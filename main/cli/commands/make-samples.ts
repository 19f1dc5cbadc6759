// `arc-ttt make-samples [--out DIR]`: regenerates the bundled sample tasks from their seeded rules
// (main/engine/samples), one <task id>.json per task.
import { SAMPLE_SEED, writeSampleTasks } from '../../engine/samples/generate'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { SAMPLE_TASKS_PATH } from '../project-paths'
import { EXIT_OK, UsageError } from '../usage-error'

export const makeSamplesCommand: Command = {
  name: 'make-samples',
  summary: 'regenerate the bundled sample tasks from their seeded rules',
  usage: `arc-ttt make-samples [--out DIR]

  --out DIR  the folder to write <task id>.json files to, created if missing
             (default: the bundled resources/sample-tasks)`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('out'))
    if (positionals.length > 0) throw new UsageError(`make-samples takes no positional arguments, got ${positionals.join(' ')}`)
    const dir = values.out ?? SAMPLE_TASKS_PATH
    const files = await writeSampleTasks(dir)
    for (const file of files) process.stdout.write(`wrote ${file}\n`)
    process.stdout.write(`${files.length} sample tasks written to ${dir} (seed ${SAMPLE_SEED})\n`)
    return EXIT_OK
  }
}
