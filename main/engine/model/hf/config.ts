// Configuration of a Hugging Face decoder-only checkpoint of the Llama family (LlamaForCausalLM,
// MistralForCausalLM, Qwen2ForCausalLM), read from its config.json. Field names follow ours; the
// comments name the config.json key each comes from and an example value (Llama 3.2 1B).
import type { RopeScaling } from './rope'

const SUPPORTED_ARCHITECTURES = ['LlamaForCausalLM', 'MistralForCausalLM', 'Qwen2ForCausalLM'] as const
export type HfArchitecture = (typeof SUPPORTED_ARCHITECTURES)[number]

export interface HfModelConfig {
  readonly family: 'hf-llama'
  /** `architectures[0]`, e.g. LlamaForCausalLM. */
  readonly architecture: HfArchitecture
  /** `vocab_size`: 128256. */
  readonly vocabSize: number
  /** `hidden_size` C: 2048. */
  readonly channels: number
  /** `intermediate_size` F of the SwiGLU MLP: 8192. */
  readonly hidden: number
  /** `num_hidden_layers`: 16. */
  readonly layers: number
  /** `num_attention_heads` NH: 32. */
  readonly heads: number
  /** `num_key_value_heads` NKV (grouped-query attention; NH / NKV query heads share one): 8. */
  readonly keyValueHeads: number
  /** `head_dim` HS, else C / NH: 64. */
  readonly headSize: number
  /** `rms_norm_eps`: 1e-5. */
  readonly normEpsilon: number
  /** `rope_parameters` (transformers 5) or `rope_theta` + `rope_scaling` (4.x). */
  readonly rope: RopeScaling
  /** Biases on q/k/v: Qwen2 always, Llama when `attention_bias`. */
  readonly attentionBias: boolean
  /** `tie_word_embeddings`: the output head reuses the token embedding (Llama 3.2 1B, Qwen2.5-0.5B). */
  readonly tiedEmbeddings: boolean
  /** `max_position_embeddings`: 131072; our graphs use at most `maxSequence`. */
  readonly maxPositions: number
  /** Longest context our graphs are built for: 8192, marc's max_model_len. Like transformers, we do not stop
   *  at `max_position_embeddings` (rotary positions extrapolate), so tiny test models run ARC-sized prompts. */
  readonly maxSequence: number
  /** Sequence buckets: graphs are built per bucket, sequences padded to the next one. */
  readonly contextBuckets: readonly number[]
  /** `bos_token_id` / `eos_token_id` (the first when a list). */
  readonly bosTokenId: number | null
  readonly eosTokenIds: readonly number[]
}

export class HfConfigError extends Error {}

const DEFAULT_BUCKETS = [256, 512, 1024, 2048, 4096, 8192]

type Json = Record<string, unknown>

/** Parses config.json; `source` names the file in errors. */
export function parseHfConfig(json: Json, source: string): HfModelConfig {
  const fail = (message: string): never => {
    throw new HfConfigError(`${source}: ${message}`)
  }
  const architectures = json.architectures
  const architecture = Array.isArray(architectures) ? String(architectures[0]) : undefined
  if (!architecture) fail(`no "architectures" entry; expected one of ${SUPPORTED_ARCHITECTURES.join(', ')}`)
  if (!(SUPPORTED_ARCHITECTURES as readonly string[]).includes(architecture!)) {
    fail(`architecture ${architecture} is not supported; this engine runs ${SUPPORTED_ARCHITECTURES.join(', ')}`)
  }
  const int = (key: string, fallback?: number): number => {
    const value = json[key] ?? fallback
    if (!Number.isInteger(value) || (value as number) < 1) fail(`"${key}" must be a positive integer, got ${JSON.stringify(json[key])}`)
    return value as number
  }
  const channels = int('hidden_size')
  const heads = int('num_attention_heads')
  const keyValueHeads = int('num_key_value_heads', heads)
  if (heads % keyValueHeads !== 0) fail(`num_attention_heads (${heads}) must be a multiple of num_key_value_heads (${keyValueHeads})`)
  if (json.hidden_act !== undefined && json.hidden_act !== 'silu')
    fail(`hidden_act ${JSON.stringify(json.hidden_act)} is not supported (only silu)`)
  if (json.mlp_bias === true) fail('mlp_bias = true is not supported')
  if (json.use_sliding_window === true) fail('use_sliding_window = true is not supported (full attention only)')
  const headSize = json.head_dim === undefined || json.head_dim === null ? channels / heads : int('head_dim')
  if (!Number.isInteger(headSize) || headSize % 2 !== 0) fail(`head size ${headSize} must be an even integer`)
  const maxPositions = int('max_position_embeddings', 8192)
  // Mistral's sliding window (4096 in v0.1, null later) equals full attention on sequences no longer
  // than the window, so the graphs stop there instead of implementing a window mask.
  const window = architecture === 'MistralForCausalLM' && typeof json.sliding_window === 'number' ? json.sliding_window : Infinity
  const maxSequence = Math.min(8192, window)
  const ids = (value: unknown): number[] =>
    (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).map(Number)
  const eps = json.rms_norm_eps ?? 1e-6
  if (typeof eps !== 'number' || !(eps > 0)) fail(`"rms_norm_eps" must be > 0, got ${JSON.stringify(eps)}`)
  return {
    family: 'hf-llama',
    architecture: architecture as HfArchitecture,
    vocabSize: int('vocab_size'),
    channels,
    hidden: int('intermediate_size'),
    layers: int('num_hidden_layers'),
    heads,
    keyValueHeads,
    headSize,
    normEpsilon: eps as number,
    rope: parseRope(json, fail),
    attentionBias: architecture === 'Qwen2ForCausalLM' || json.attention_bias === true,
    tiedEmbeddings: json.tie_word_embeddings === true,
    maxPositions,
    maxSequence,
    contextBuckets: maxSequence < DEFAULT_BUCKETS[0]! ? [maxSequence] : DEFAULT_BUCKETS.filter((b) => b <= maxSequence),
    bosTokenId: ids(json.bos_token_id)[0] ?? null,
    eosTokenIds: ids(json.eos_token_id)
  }
}

/** Rotary settings from `rope_parameters` (transformers 5) or `rope_theta` and `rope_scaling` (4.x). */
function parseRope(json: Json, fail: (message: string) => never): RopeScaling {
  const parameters = (json.rope_parameters ?? json.rope_scaling ?? {}) as Json
  const theta = Number(parameters.rope_theta ?? json.rope_theta ?? 10000)
  if (!(theta > 0)) fail(`rope_theta must be > 0, got ${theta}`)
  const type = String(parameters.rope_type ?? parameters.type ?? 'default')
  if (type === 'default') return { kind: 'default', theta }
  if (type === 'llama3') {
    const number = (key: string): number => {
      const value = parameters[key]
      if (typeof value !== 'number' || !(value > 0)) fail(`llama3 rope scaling needs a positive "${key}", got ${JSON.stringify(value)}`)
      return value as number
    }
    return {
      kind: 'llama3',
      theta,
      factor: number('factor'),
      lowFrequencyFactor: number('low_freq_factor'),
      highFrequencyFactor: number('high_freq_factor'),
      originalMaxPositions: number('original_max_position_embeddings')
    }
  }
  return fail(`rope type ${JSON.stringify(type)} is not supported (default and llama3 are)`)
}

/** The smallest bucket that holds `length` tokens, or undefined when none does. */
export function hfBucketFor(config: HfModelConfig, length: number): number | undefined {
  return config.contextBuckets.find((b) => b >= length)
}
