// `arc-ttt ttt-data TASK_FILE [...]`: the test-time-training examples of one task (recipe sections 3
// and 4): a summary by default, every example with its grids and loss mask with --json.
import {
  buildTttData,
  encodeTttExample,
  maskRanges,
  LOSS_MASK_VARIANTS,
  TTT_DATA_FORMATS,
  TTT_SOURCES,
  DEFAULT_TTT_DATA_OPTIONS,
  type TttData,
  type TttDataOptions,
  type TttExample
} from '../../engine/ttt/data'
import type { Task } from '../../engine/arc'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatJson } from '../format-json'
import { formatTable } from '../format-table'
import { choiceFlag, integerFlag } from '../integer-flag'
import { loadOneTask } from '../load-one-task'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

const defaults = DEFAULT_TTT_DATA_OPTIONS

function exampleJson(example: TttExample, options: TttDataOptions): object {
  const { lossMask, targetTokens } = encodeTttExample(example, options.lossMask)
  return { ...example, lossMask: { targetTokens, ranges: maskRanges(lossMask) } }
}

function summaryLines(task: Task, options: TttDataOptions, data: TttData): string[] {
  const { stats } = data
  const sourceRows = TTT_SOURCES.flatMap((source) => {
    const s = stats.perSource[source]
    return s
      ? [[source, s.leaveOutTasks, s.augmented, s.droppedForSize, s.copies, s.beforeDedup, s.afterDedup, s.droppedForContext, s.available, s.selected]]
      : []
  })
  const augmenterRows = Object.entries(stats.perAugmenter).map(([id, c]) => [id, c!.available, c!.selected])
  const lengths = stats.tokenLengths
  return [
    `task ${task.id}: ${stats.demonstrations} demonstrations; seed ${options.seed}, cap ${options.cap}, context ${options.maxTokens}, ` +
      `format ${options.format}, augment ${options.augment ? 'yes' : 'no'}, leave-two-out top-up ${options.leaveTwoOutTopUp ? 'yes' : 'no'}, loss mask ${options.lossMask}`,
    '',
    formatTable(['source', 'tasks', 'augmented', 'over 30x30', 'copies', 'generated', 'distinct', 'too long', 'available', 'selected'], sourceRows),
    '',
    formatTable(['augmenter', 'available', 'selected'], augmenterRows),
    '',
    lengths
      ? `${stats.examples} examples; tokens min ${lengths.min}, median ${lengths.median}, mean ${lengths.mean.toFixed(1)}, max ${lengths.max}`
      : '0 examples',
    ...stats.notes.map((note) => `note: ${note}`)
  ]
}

export const tttDataCommand: Command = {
  name: 'ttt-data',
  summary: "build a task's test-time-training examples (leave-one-out, augmented) and show them",
  usage: `arc-ttt ttt-data TASK_FILE [--seed N] [--cap N] [--context N] [--no-augment] [--format FORMAT]
                         [--loss-mask VARIANT] [--leave-one-out-only] [--json]

  TASK_FILE             one ARC task (.json); its test pairs are never used
  --seed N              seed of every random draw (default ${defaults.seed}); same seed, same output
  --cap N               most examples (default ${defaults.cap}); shuffled and cut when over
  --context N           drop examples longer than N tokens (default ${defaults.maxTokens})
  --no-augment          ablation: no augmenters and no colour permutation (shuffled copies only)
  --format FORMAT       ${TTT_DATA_FORMATS.join(' | ')} (default ${defaults.format}); direct-io = each
                        demonstration alone, no demonstrations in context
  --loss-mask VARIANT   ${LOSS_MASK_VARIANTS.join(' | ')}
                        (default ${defaults.lossMask}: demonstration outputs 2..n and the test output)
  --leave-one-out-only  ablation: no leave-two-out top-up when short of the cap
  --json                every example with its grids, provenance and loss mask (target token
                        ranges [start, end)), and the counts

The summary gives, per source (leave-one-out, leave-two-out top-up, direct-io), the leave-out
tasks, augmented tasks, those dropped for a grid over 30x30, the colour-permuted shuffled copies,
the count before and after deduplication, those dropped for the context, and those selected;
then the examples per augmenter and the token lengths.
Exit status: 0 when built, 1 when the task file is not valid, 2 on a usage error.`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable(
      'seed', 'cap', 'context', 'no-augment?', 'format', 'loss-mask', 'leave-one-out-only?', 'json?'
    ))
    if (positionals.length !== 1) throw new UsageError('ttt-data needs exactly one TASK_FILE')
    const options: TttDataOptions = {
      seed: integerFlag('--seed', values.seed, defaults.seed),
      cap: integerFlag('--cap', values.cap, defaults.cap, 1),
      maxTokens: integerFlag('--context', values.context, defaults.maxTokens, 1),
      augment: values['no-augment'] !== true,
      format: choiceFlag('--format', values.format, TTT_DATA_FORMATS, defaults.format),
      leaveTwoOutTopUp: values['leave-one-out-only'] !== true,
      lossMask: choiceFlag('--loss-mask', values['loss-mask'], LOSS_MASK_VARIANTS, defaults.lossMask)
    }
    const loaded = await loadOneTask(positionals[0]!, 'ttt-data')
    if (!loaded.ok) {
      for (const line of loaded.lines) process.stderr.write(`${line}\n`)
      return EXIT_FAILURE
    }
    const data = buildTttData(loaded.task, options)
    if (values.json) {
      const payload = { taskId: loaded.task.id, options, stats: data.stats, examples: data.examples.map((e) => exampleJson(e, options)) }
      process.stdout.write(`${formatJson(payload)}\n`)
    } else {
      process.stdout.write(`${summaryLines(loaded.task, options, data).join('\n')}\n`)
    }
    return EXIT_OK
  }
}
