// Augmented-inference prompts (recipe section 6): leave-out variants, random demonstration orders and
// geometric transforms of the real task, each with the inverse to apply to its prediction.
export { buildInferencePrompts, combinations } from './build-prompts'
export { resolveInferencePromptOptions, DEFAULT_INFERENCE_PROMPT_OPTIONS, type InferencePromptOptions } from './options'
export type { InferencePrompt, InferencePromptSet } from './types'
