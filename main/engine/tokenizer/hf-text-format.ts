// Text formats: how a language-model checkpoint reads ARC tasks. A format turns demonstrations and
// a test input into prompt token ids, a training example into ids with a loss mask, and generated
// ids back into a grid, with a decoding constraint to grid-shaped output. Formats are named so a
// model folder (arc-ttt.json `textFormat`) or a run's config can choose one; the compact encoding
// of tokenizer/encode.ts stays the bundled model's.
import type { Grid, Pair } from '../arc/types'
import type { TokenConstraint } from '../model/hf/greedy'
import type { LossMaskVariant } from '../ttt/data/options'
import type { DecodedGrid } from './decode'
import type { HfTokenizer } from './hf-tokenizer'
import { marcFormat } from './hf-marc-format'

export interface TokenizedExample {
  readonly ids: number[]
  /** lossMask[t] = 1 when token t is a target (predicted at position t - 1), as in ttt/data/loss-mask.ts. */
  readonly lossMask: Uint8Array
}

export interface TextFormat {
  readonly name: string
  /** Prompt ids ending where the answer starts. */
  prompt(demonstrations: readonly Pair[], testInput: Grid): number[]
  /** A training sequence: prompt, answer and closing tokens, with the loss mask of `variant`. */
  example(demonstrations: readonly Pair[], test: Pair, variant: LossMaskVariant): TokenizedExample
  /** Ids of the answer `grid` as the model should generate it (scoring candidates). */
  answer(grid: Grid): number[]
  /** The grid in generated ids (up to a stop token). */
  parse(ids: readonly number[]): DecodedGrid
  readonly stopTokens: readonly number[]
  /** A fresh constraint to grid-shaped answers. */
  constraint(): TokenConstraint
}

export type TextFormatFactory = (tokenizer: HfTokenizer) => TextFormat

export const TEXT_FORMATS: Readonly<Record<string, TextFormatFactory>> = { marc: marcFormat }
export const DEFAULT_HF_TEXT_FORMAT = 'marc'

export function textFormat(name: string, tokenizer: HfTokenizer): TextFormat {
  const factory = TEXT_FORMATS[name]
  if (!factory) throw new RangeError(`unknown text format ${JSON.stringify(name)}; known: ${Object.keys(TEXT_FORMATS).join(', ')}`)
  return factory(tokenizer)
}
