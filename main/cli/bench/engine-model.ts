// `arc-ttt bench engine --model DIR|SHAPE [--random-weights] [--sequence N] [--decode N] [--repeats N]
// [--threads N] [--ep NAME] [--json]`: prefill, decode and LoRA train-step speed of a Hugging Face
// Llama-family model (main/engine/model/hf/bench.ts).
import { parseHfConfig } from '../../engine/model/hf/config'
import { randomHfWeights, runHfModelBench } from '../../engine/model/hf/bench'
import { loadHfModel, readHfConfig } from '../../engine/model/hf/model-folder'
import { HF_MODEL_SHAPES } from '../../engine/model/hf/shapes'
import { EXECUTION_PROVIDERS } from '../../engine/runtime/providers'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatTable } from '../format-table'
import { choiceFlag, integerFlag } from '../integer-flag'
import { EXIT_OK, UsageError } from '../usage-error'

const SHAPE_NAMES = Object.keys(HF_MODEL_SHAPES).join('|')

export const ENGINE_MODEL_USAGE = `arc-ttt bench engine --model DIR|${SHAPE_NAMES} [--random-weights]
                    [--sequence N] [--decode N] [--repeats N] [--threads N] [--ep NAME] [--json]

  --model DIR|SHAPE  a Hugging Face model folder, or the name of a known shape (random weights)
  --random-weights   random weights of the folder's config instead of its checkpoint
  --sequence N       prompt and training length, a context bucket (default 256)
  --decode N         tokens decoded after a sequence/2-token prompt (default 16)
  --repeats N        timed runs per figure after one warm-up (default 1; the median is reported)

Reports prefill tokens/s and KV-cache decode tokens/s of one sequence, LoRA train-step tokens/s
(rank 16 on q, v, gate, up, down; AdamW) and the process's peak resident memory.`

export const engineModelBench: Command = {
  name: 'engine',
  summary: 'prefill, decode and LoRA train-step speed of a Hugging Face model',
  usage: ENGINE_MODEL_USAGE,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable(
      'model', 'random-weights?', 'sequence', 'decode', 'repeats', 'threads', 'ep', 'json?'
    ))
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`)
    const name = values.model!
    const shape = HF_MODEL_SHAPES[name]
    const progress = (m: string) => process.stderr.write(`bench engine: ${m}\n`)
    let config
    let weights
    if (shape) {
      config = parseHfConfig({ ...shape }, name)
      progress(`random weights of the ${name} shape`)
      weights = randomHfWeights(config, 1)
    } else if (values['random-weights']) {
      config = readHfConfig(name)
      weights = randomHfWeights(config, 1)
    } else {
      const loaded = loadHfModel(name)
      ;({ config, weights } = loaded)
    }
    const report = await runHfModelBench({
      config,
      weights,
      runtime: {
        provider: choiceFlag('--ep', values.ep, EXECUTION_PROVIDERS, 'cpu'),
        intraOpThreads: integerFlag('--threads', values.threads, 0, 0)
      },
      sequence: integerFlag('--sequence', values.sequence, 256, 1),
      decodeTokens: integerFlag('--decode', values.decode, 16, 1),
      repeats: integerFlag('--repeats', values.repeats, 1, 1),
      onProgress: progress
    })
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ model: name, ...report }, null, 2)}\n`)
      return EXIT_OK
    }
    const f = (x: number) => x.toFixed(1)
    const parameters = report.parameters.toLocaleString('en-US')
    process.stdout.write(`${name}: ${report.architecture}, ${parameters} parameters, intra-op threads ${report.threads || 'all'}\n\n`)
    const rows = [
      [`prefill (${report.sequence} tokens)`, f(report.prefillTokensPerSecond)],
      ['decode (KV cache)', report.decodeTokensPerSecond === null ? 'below timer resolution' : f(report.decodeTokensPerSecond)],
      [`LoRA r16 train step (${report.sequence} tokens)`, f(report.loraTrainTokensPerSecond)]
    ]
    process.stdout.write(`${formatTable(['figure', 'tokens/s'], rows)}\n\n`)
    const c = report.cpuSeconds
    const cpu = `prefill ${c.prefill.toFixed(1)}, decode ${c.decode.toFixed(1)}, LoRA step ${c.loraTrainStep.toFixed(1)}`
    process.stdout.write(`CPU seconds per run (all threads): ${cpu}\n`)
    process.stdout.write(`peak resident memory: ${report.peakRssMb.toFixed(0)} MB\n`)
    return EXIT_OK
  }
}
