// Options of augmented-inference prompt building (recipe section 6), validated once with messages
// that name the bad value.

export interface InferencePromptOptions {
  /** Seed of the demonstration orders and of the variant each transform is applied to, e.g. 0. */
  readonly seed: number
  /**
   * Context length in tokens, e.g. 8192 (marc's default). A prompt fits when its own tokens plus
   * room for the answer (see InferencePrompt.outputReserve) are at most this.
   */
  readonly maxTokens: number
  /** false = the "no augmentation" ablation: one identity prompt with all K demonstrations. */
  readonly augment: boolean
  /** true = all 7 non-identity symmetries instead of the paper's 5 (recipe section 6). */
  readonly allSymmetries: boolean
  /** Extra random demonstration orders per leave-out variant, e.g. 2 (marc's `permute_n`). */
  readonly orders: number
}

export const DEFAULT_INFERENCE_PROMPT_OPTIONS: InferencePromptOptions = Object.freeze({
  seed: 0,
  maxTokens: 8192,
  augment: true,
  allSymmetries: false,
  orders: 2
})

export function resolveInferencePromptOptions(options: Partial<InferencePromptOptions> = {}): InferencePromptOptions {
  const unknown = Object.keys(options).filter((key) => !(key in DEFAULT_INFERENCE_PROMPT_OPTIONS))
  if (unknown.length > 0) {
    throw new RangeError(
      `unknown prompt option(s) ${unknown.join(', ')}: expected ${Object.keys(DEFAULT_INFERENCE_PROMPT_OPTIONS).join(', ')}`
    )
  }
  const merged = { ...DEFAULT_INFERENCE_PROMPT_OPTIONS, ...options }
  const bad = (name: string, expected: string, value: unknown): never => {
    throw new RangeError(`prompt option ${name} must be ${expected}, got ${JSON.stringify(value)}`)
  }
  if (!Number.isInteger(merged.seed)) bad('seed', 'an integer', merged.seed)
  if (!Number.isInteger(merged.maxTokens) || merged.maxTokens < 1) bad('maxTokens', 'a positive integer', merged.maxTokens)
  if (!Number.isInteger(merged.orders) || merged.orders < 0) bad('orders', 'an integer >= 0', merged.orders)
  if (typeof merged.augment !== 'boolean') bad('augment', 'true or false', merged.augment)
  if (typeof merged.allSymmetries !== 'boolean') bad('allSymmetries', 'true or false', merged.allSymmetries)
  return Object.freeze(merged)
}
