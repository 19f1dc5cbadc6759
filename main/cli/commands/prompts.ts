// `arc-ttt prompts TASK_FILE [...]`: the augmented-inference prompts for one test input (recipe
// section 6), each with its transform and the inverse to apply to its prediction.
import { DEFAULT_INFERENCE_PROMPT_OPTIONS, buildInferencePrompts, type InferencePromptOptions } from '../../engine/ttt/prompts'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatJson } from '../format-json'
import { formatTable } from '../format-table'
import { integerFlag } from '../integer-flag'
import { loadOneTask } from '../load-one-task'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

const defaults = DEFAULT_INFERENCE_PROMPT_OPTIONS

export const promptsCommand: Command = {
  name: 'prompts',
  summary: 'list the augmented-inference prompts of a test input with their transforms',
  usage: `arc-ttt prompts TASK_FILE [--test-index N] [--seed N] [--context N] [--no-augment] [--all-symmetries] [--json]

  TASK_FILE         one ARC task (.json)
  --test-index N    which test input (default 0)
  --seed N          seed of the demonstration orders and transform variants (default ${defaults.seed})
  --context N       context length in tokens: a prompt fits when its tokens plus room for the
                    answer (its longest demonstration output) are at most N (default ${defaults.maxTokens})
  --no-augment      ablation: one identity prompt with all demonstrations
  --all-symmetries  one prompt per each of the 7 non-identity symmetries instead of 5
  --json            every prompt with its grids

Prompts: each leave-one-out variant (original order and ${defaults.orders} random orders, deduplicated), then
one per geometric transform of a random variant; leave-two-out when nothing fits. When even
those do not fit, no prompt is printed and the reason goes to stderr (exit status 1).
Exit status: 0 with prompts, 1 when the task file is not valid or no prompt fits, 2 on a usage error.`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable(
      'test-index', 'seed', 'context', 'no-augment?', 'all-symmetries?', 'json?'
    ))
    if (positionals.length !== 1) throw new UsageError('prompts needs exactly one TASK_FILE')
    const testIndex = integerFlag('--test-index', values['test-index'], 0, 0)
    const options: InferencePromptOptions = {
      ...defaults,
      seed: integerFlag('--seed', values.seed, defaults.seed),
      maxTokens: integerFlag('--context', values.context, defaults.maxTokens, 1),
      augment: values['no-augment'] !== true,
      allSymmetries: values['all-symmetries'] === true
    }
    const loaded = await loadOneTask(positionals[0]!, 'prompts')
    if (!loaded.ok) {
      for (const line of loaded.lines) process.stderr.write(`${line}\n`)
      return EXIT_FAILURE
    }
    const { task } = loaded
    if (testIndex >= task.test.length) throw new UsageError(`--test-index must be 0..${task.test.length - 1}: task ${task.id} has ${task.test.length} test input(s), got ${testIndex}`)
    const set = buildInferencePrompts(task, testIndex, options)
    if (values.json) {
      process.stdout.write(`${formatJson({ options, ...set })}\n`)
    } else {
      const rows = set.prompts.map((p) => [p.id, p.transform, p.inverse, p.leaveOut.join(',') || '-', p.demonstrations.length, p.tokens, p.outputReserve])
      process.stdout.write(`task ${task.id}, test input ${testIndex}: ${set.prompts.length} prompts leaving out ${set.leaveOutCount} demonstration(s); ${set.droppedForContext} dropped for the context of ${options.maxTokens}\n\n`)
      if (rows.length > 0) process.stdout.write(`${formatTable(['prompt', 'transform', 'inverse', 'left out', 'demos', 'tokens', 'answer room'], rows)}\n`)
    }
    if (set.reason) process.stderr.write(`arc-ttt prompts: ${set.reason}\n`)
    return set.prompts.length > 0 ? EXIT_OK : EXIT_FAILURE
  }
}
