// What a Hugging Face model folder holds, read from config.json and the safetensors headers only
// (no weights are loaded): architecture, parameters, stored dtypes, tokenizer, text format and
// how much memory the engine needs for it.
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { checkpointFiles } from './checkpoint'
import type { HfModelConfig } from './config'
import { readHfConfig, TOKENIZER_FILE } from './model-folder'
import { hfParameterCount } from './parameters'
import { SafetensorsFile, type StoredDtype } from './safetensors-reader'
import { chooseTextFormat } from './text-format-choice'

export interface HfModelInspection {
  readonly dir: string
  readonly config: HfModelConfig
  readonly parameters: number
  readonly files: { readonly name: string; readonly bytes: number; readonly tensors: number }[]
  /** Parameters stored per dtype. */
  readonly dtypes: Partial<Record<StoredDtype, number>>
  readonly tokenizer: string | null
  readonly textFormat: { readonly name: string; readonly chosenBy: string }
  readonly memory: {
    /** Weights as the engine holds them (float32, converted on load). */
    readonly weightsBytes: number
    /** Key/value cache of one 2,048-token sequence. */
    readonly kvCacheBytesPer2kTokens: number
    /** A rank-16 LoRA on q, v, gate, up, down with its AdamW state (3 copies). */
    readonly lora16WithAdamWBytes: number
  }
}

export function inspectHfModel(dirPath: string): HfModelInspection {
  const dir = resolve(dirPath)
  const config = readHfConfig(dir)
  const files = checkpointFiles(dir)
  const dtypes: Partial<Record<StoredDtype, number>> = {}
  const listed = files.map((file) => {
    const opened = SafetensorsFile.open(file)
    try {
      for (const t of opened.tensors.values()) dtypes[t.dtype] = (dtypes[t.dtype] ?? 0) + t.shape.reduce((a, d) => a * d, 1)
      return { name: file.slice(dir.length + 1), bytes: statSync(file).size, tensors: opened.tensors.size }
    } finally {
      opened.close()
    }
  })
  const parameters = hfParameterCount(config)
  const { channels: c, hidden: f, headSize: hs, layers } = config
  const kv = config.keyValueHeads * hs
  const loraPerLayer = 16 * (c + config.heads * hs) + 16 * (c + kv) + 2 * 16 * (c + f) + 16 * (f + c)
  const tokenizer = join(dir, TOKENIZER_FILE)
  return {
    dir,
    config,
    parameters,
    files: listed,
    dtypes,
    tokenizer: existsSync(tokenizer) ? tokenizer : null,
    textFormat: chooseTextFormat(dir),
    memory: {
      weightsBytes: parameters * 4,
      kvCacheBytesPer2kTokens: layers * 2 * kv * 2048 * 4,
      lora16WithAdamWBytes: layers * loraPerLayer * 4 * 3
    }
  }
}
