// `arc-ttt models inspect DIR [--json]`: what a Hugging Face model folder holds and what the engine
// needs to run it, read from config.json and the safetensors headers (no weights are loaded).
import { CheckpointError } from '../../engine/model/hf/checkpoint'
import { HfConfigError } from '../../engine/model/hf/config'
import { inspectHfModel, type HfModelInspection } from '../../engine/model/hf/inspect'
import { SafetensorsReadError } from '../../engine/model/hf/safetensors-reader'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatTable } from '../format-table'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`

function describe(report: HfModelInspection): string {
  const c = report.config
  const rope =
    c.rope.kind === 'llama3'
      ? `llama3 (theta ${c.rope.theta}, factor ${c.rope.factor}, original ${c.rope.originalMaxPositions})`
      : `default (theta ${c.rope.theta})`
  const heads = `${c.heads} heads / ${c.keyValueHeads} key-value heads of ${c.headSize}`
  const shape = `${c.layers} layers, hidden ${c.channels}, MLP ${c.hidden}, ${heads}`
  const head = c.tiedEmbeddings ? 'tied to the embedding' : 'untied'
  const dtypes = Object.entries(report.dtypes).map(([dtype, count]) => `${dtype} ${count.toLocaleString('en-US')}`)
  const memory = report.memory
  const lines = [
    `${report.dir}`,
    `architecture   ${c.architecture}`,
    `parameters     ${report.parameters.toLocaleString('en-US')} (${shape})`,
    `vocabulary     ${c.vocabSize}; output head ${head}; q/k/v biases ${c.attentionBias ? 'yes' : 'no'}`,
    `rotary         ${rope}; context ${c.maxPositions} (graphs built up to ${c.maxSequence})`,
    `stored dtypes  ${dtypes.join(', ')} (float32 in memory)`,
    `tokenizer      ${report.tokenizer ?? 'none (tokenizer.json missing: runs need one)'}`,
    `text format    ${report.textFormat.name} (chosen by ${report.textFormat.chosenBy})`,
    '',
    formatTable(['file', 'tensors', 'size'], report.files.map((f) => [f.name, f.tensors, megabytes(f.bytes)])),
    '',
    `memory         weights ${megabytes(memory.weightsBytes)}; ` +
      `key/value cache ${megabytes(memory.kvCacheBytesPer2kTokens)} per 2,048-token sequence; ` +
      `LoRA r16 (q, v, MLP) with AdamW state ${megabytes(memory.lora16WithAdamWBytes)}`
  ]
  return lines.join('\n')
}

const inspect: Command = {
  name: 'inspect',
  summary: 'architecture, parameters, dtypes, tokenizer, text format and memory of a model folder',
  usage: `arc-ttt models inspect DIR [--json]

  DIR     a Hugging Face model folder (config.json, model.safetensors or its shards, tokenizer.json)
  --json  the report as one JSON object`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('json?'))
    if (positionals.length !== 1) throw new UsageError('models inspect takes one model folder')
    const report = inspectHfModel(positionals[0]!)
    process.stdout.write(`${values.json ? JSON.stringify(report, null, 2) : describe(report)}\n`)
    return EXIT_OK
  }
}

export const modelsCommand: Command = {
  name: 'models',
  summary: 'inspect Hugging Face model folders (Llama, Mistral, Qwen2 checkpoints)',
  usage: `arc-ttt models inspect DIR [--json]

${inspect.usage}

Exit status: 0 on success, 1 when the folder is not a model this engine runs (the message says why),
2 on a usage error.`,
  async run(argv) {
    const [name, ...rest] = argv
    if (name === undefined) throw new UsageError('models needs a subcommand: inspect')
    if (name !== 'inspect') throw new UsageError(`unknown models subcommand "${name}"; one of inspect`)
    try {
      return await inspect.run(rest)
    } catch (error) {
      const userFixable = [HfConfigError, CheckpointError, SafetensorsReadError, RangeError].some((kind) => error instanceof kind)
      if (userFixable && error instanceof Error) {
        process.stderr.write(`arc-ttt models inspect: ${error.message}\n`)
        return EXIT_FAILURE
      }
      throw error
    }
  }
}
