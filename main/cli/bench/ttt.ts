// `arc-ttt bench ttt [--set key=value]... [--model DIR] [--ep NAME] [--threads N] [--json]`:
// TTT and inference seconds per task on a fixed set of bundled tasks of about 1,000 tokens.
import { join } from 'node:path'
import { loadDataset, validTasks } from '../../engine/arc'
import { runTttBench } from '../../engine/bench/ttt-bench'
import { parseOverrides, resolveConfig } from '../../engine/experiment/config'
import { ConfigError } from '../../engine/experiment/config-values'
import { chooseModel } from '../../engine/model/model-choice'
import { EXECUTION_PROVIDERS } from '../../engine/runtime/providers'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatTable } from '../format-table'
import { choiceFlag, integerFlag } from '../integer-flag'
import { BUNDLED_MODELS_DIR, SAMPLE_TASKS_PATH } from '../project-paths'
import { EXIT_OK, UsageError } from '../usage-error'

/** Bundled sample tasks of 756 to 1,272 tokens (mean 963): the "about 1,000 tokens" set. */
export const TTT_BENCH_TASKS = ['draw-border', 'connect-pairs', 'recolour-largest-object', 'fill-enclosed']

export const tttBench: Command = {
  name: 'ttt',
  summary: 'seconds of TTT and of augmented inference per task, tokens/s, peak memory',
  usage: `arc-ttt bench ttt [--set key=value]... [--model DIR] [--ep NAME] [--threads N] [--json]

Runs the default config (preset ttt, with any --set overrides) on the bundled tasks
${TTT_BENCH_TASKS.join(', ')} (about 1,000 tokens each) and prints, per task and on average,
the seconds of test-time training (data + training) and of augmented inference, the training
tokens per second and the peak resident memory. --json prints tttSecondsPerTask,
inferenceSecondsPerTask, tokensPerSecond, peakRssMb and the per-task rows.`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('set[]', 'model', 'ep', 'threads', 'json?'))
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`)
    let config
    try {
      config = resolveConfig('ttt', parseOverrides(values.set ?? []))
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message)
      throw error
    }
    const provider = choiceFlag('--ep', values.ep, EXECUTION_PROVIDERS, 'cpu')
    const threads = integerFlag('--threads', values.threads, 0, 0)
    const { model, notice } = await chooseModel(BUNDLED_MODELS_DIR, values.model)
    if (notice) process.stderr.write(`bench ttt: ${notice}\n`)
    const tasks = validTasks(await loadDataset(SAMPLE_TASKS_PATH)).filter((t) => TTT_BENCH_TASKS.includes(t.id))
    const report = await runTttBench(tasks, config, model, { provider, intraOpThreads: threads }, (m) => process.stderr.write(`bench ttt: ${m}\n`))
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
      return EXIT_OK
    }
    const rows = report.tasks.map((t) => [t.taskId, t.tokens, t.steps, t.tttSeconds.toFixed(1), t.inferenceSeconds.toFixed(1), Math.round(t.trainingTokens / Math.max(t.tttSeconds, 1e-9))])
    process.stdout.write(`model ${report.modelId}, provider ${report.provider}, data ${join('resources', 'sample-tasks')}\n\n`)
    process.stdout.write(`${formatTable(['task', 'tokens', 'TTT steps', 'TTT s', 'inference s', 'train tok/s'], rows)}\n\n`)
    process.stdout.write(`TTT ${report.tttSecondsPerTask.toFixed(1)} s per task, inference ${report.inferenceSecondsPerTask.toFixed(1)} s per task, ${Math.round(report.tokensPerSecond)} training tokens/s, peak memory ${Math.round(report.peakRssMb)} MB\n`)
    return EXIT_OK
  }
}
