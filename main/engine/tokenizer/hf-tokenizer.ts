// The tokenizer of a Hugging Face checkpoint (tokenizer.json, plus tokenizer_config.json when there
// is one), through @huggingface/tokenizers: a pure-JS implementation of the Rust `tokenizers`
// pipeline (normalizer, pre-tokenizer, BPE/Unigram/WordPiece model, decoder) that transformers.js uses.
import { Tokenizer } from '@huggingface/tokenizers'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export class HfTokenizerError extends Error {}

export class HfTokenizer {
  private constructor(
    private readonly tokenizer: Tokenizer,
    /** The tokenizer.json path, for messages. */
    readonly source: string
  ) {}

  /** Reads `tokenizer.json` (and `tokenizer_config.json` beside it when present). */
  static load(tokenizerFile: string): HfTokenizer {
    const read = (path: string): object => {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as object
      } catch (error) {
        throw new HfTokenizerError(`${path}: cannot read a JSON tokenizer file (${error instanceof Error ? error.message : String(error)})`)
      }
    }
    const configFile = join(dirname(tokenizerFile), 'tokenizer_config.json')
    const json = read(tokenizerFile)
    try {
      return new HfTokenizer(new Tokenizer(json, existsSync(configFile) ? read(configFile) : {}), tokenizerFile)
    } catch (error) {
      throw new HfTokenizerError(
        `${tokenizerFile}: not a tokenizer @huggingface/tokenizers can build (${error instanceof Error ? error.message : String(error)})`
      )
    }
  }

  /** Token ids of `text`; special-token strings in it (`<|eot_id|>`) become their ids; no BOS is added. */
  encode(text: string): number[] {
    return this.tokenizer.encode(text, { add_special_tokens: false }).ids
  }

  decode(ids: readonly number[]): string {
    if (ids.length === 0) return ''
    return this.tokenizer.decode([...ids], { skip_special_tokens: false, clean_up_tokenization_spaces: false })
  }

  /** The id of a token string (`<|eot_id|>`, `Ġ[`), or undefined. */
  tokenId(token: string): number | undefined {
    return this.tokenizer.token_to_id(token)
  }

  /** The id of a string that must be exactly one token; throws naming the tokenizer otherwise. */
  singleTokenId(text: string): number {
    const ids = this.encode(text)
    if (ids.length !== 1)
      throw new HfTokenizerError(`${this.source}: ${JSON.stringify(text)} is ${ids.length} tokens, expected exactly one`)
    return ids[0]!
  }

  /** Every id with its decoded text (added tokens included), for building decoding constraints. */
  vocabulary(): Map<number, string> {
    const texts = new Map<number, string>()
    for (const id of this.tokenizer.get_vocab(true).values()) texts.set(id, this.decode([id]))
    return texts
  }
}
