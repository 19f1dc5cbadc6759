// marc's text format for its Llama 3 checkpoints, exactly as ../shared/docs/marc-format.md writes
// it down (sources there): numpy grids, `IN -> OUT#` demonstrations in the system message, the
// test input in the user message, the answer as the assistant message, Llama 3 chat wrapping
// without the 3.1/3.2 date line, each message's content stripped. Loss (torchtune with
// unmask_outputs): the whole assistant message, plus, in the system message, the outputs of
// demonstrations 2..K (the span after each ` ->` but the first, through its `#`).
import type { Grid, Pair } from '../arc/types'
import type { LossMaskVariant } from '../ttt/data/options'
import { gridTokens, NumpyGridConstraint } from './hf-grid-constraint'
import { gridToNumpyText, numpyTextToGrid } from './hf-grid-text'
import type { TextFormat, TokenizedExample } from './hf-text-format'
import { HfTokenizerError, type HfTokenizer } from './hf-tokenizer'

const MARC_INSTRUCTION =
  'Figure out the underlying transformation in the following examples and apply it to the test case. ' +
  'Here are some examples from this transformation, your answer must follow the format.\n' +
  'The input-output grids are provided as python arrays:\n'

const ARROW = ' -> '
const END = '#'

/** Token ids with, per token, whether it belongs to a target span (by character offsets). */
interface Piece {
  readonly ids: number[]
  readonly target: boolean[]
}

export function marcFormat(tokenizer: HfTokenizer): TextFormat {
  const special = (token: string): number => {
    const id = tokenizer.tokenId(token)
    if (id === undefined) throw new HfTokenizerError(`${tokenizer.source}: the marc format needs the Llama 3 token ${token}`)
    return id
  }
  const begin = special('<|begin_of_text|>')
  const endOfText = special('<|end_of_text|>')
  const eot = special('<|eot_id|>')
  const header = (role: string): number[] => [
    special('<|start_header_id|>'),
    ...tokenizer.encode(role),
    special('<|end_header_id|>'),
    ...tokenizer.encode('\n\n')
  ]

  // Every token's text, decoded once: character offsets of tokens, and the grid tokens of the constraint.
  const texts = tokenizer.vocabulary()

  /** Encodes stripped `text`; tokens starting inside one of `spans` (character ranges) are targets. */
  const encodeMarked = (text: string, spans: readonly [number, number][]): Piece => {
    const ids = tokenizer.encode(text)
    const target: boolean[] = []
    let offset = 0
    for (const id of ids) {
      target.push(spans.some(([from, to]) => offset >= from && offset < to))
      offset += (texts.get(id) ?? tokenizer.decode([id])).length
    }
    return { ids, target }
  }

  /** The system content (stripped) and the character spans of each demonstration output with its ` ->`'s space. */
  const systemText = (demonstrations: readonly Pair[]): { text: string; outputs: [number, number][] } => {
    let text = MARC_INSTRUCTION
    const outputs: [number, number][] = []
    for (const pair of demonstrations) {
      text += gridToNumpyText(pair.input) + ARROW.trimEnd()
      const start = text.length
      text += ` ${gridToNumpyText(pair.output)}${END}`
      outputs.push([start, text.length])
      text += '\n'
    }
    return { text: text.trim(), outputs }
  }

  const promptPieces = (demonstrations: readonly Pair[], testInput: Grid, variant: LossMaskVariant): Piece[] => {
    const system = systemText(demonstrations)
    const demonstrationTargets =
      variant === 'outputs-except-first'
        ? system.outputs.slice(1)
        : variant === 'all-outputs' || variant === 'inputs-and-outputs'
          ? system.outputs
          : []
    const everything = variant === 'inputs-and-outputs'
    const plain = (ids: number[]): Piece => ({ ids, target: ids.map(() => everything) })
    const systemPiece = encodeMarked(system.text, everything ? [[0, system.text.length]] : demonstrationTargets)
    return [
      { ids: [begin], target: [false] },
      plain(header('system')),
      systemPiece,
      plain([eot]),
      plain(header('user')),
      plain(tokenizer.encode((gridToNumpyText(testInput) + ARROW).trim())),
      plain([eot])
    ]
  }

  const join = (pieces: readonly Piece[]): { ids: number[]; target: boolean[] } => ({
    ids: pieces.flatMap((p) => p.ids),
    target: pieces.flatMap((p) => p.target)
  })
  const answer = (grid: Grid): number[] => [...tokenizer.encode(`${gridToNumpyText(grid)}${END}`), eot]
  const candidates = gridTokens(texts)

  return {
    name: 'marc',
    prompt: (demonstrations, testInput) => [
      ...join(promptPieces(demonstrations, testInput, 'test-output-only')).ids,
      ...header('assistant')
    ],
    example(demonstrations, test, variant): TokenizedExample {
      const prompt = join(promptPieces(demonstrations, test.input, variant))
      // The whole assistant message is in the loss (header included); the final end_of_text is not.
      const assistant = [...header('assistant'), ...answer(test.output)]
      const ids = [...prompt.ids, ...assistant, endOfText]
      const lossMask = Uint8Array.from([...prompt.target, ...assistant.map(() => true), false], Number)
      return { ids, lossMask }
    },
    answer,
    parse: (ids) => numpyTextToGrid(tokenizer.decode(ids.filter((id) => id !== eot && id !== endOfText))),
    stopTokens: [eot, endOfText],
    constraint: () => new NumpyGridConstraint(candidates, [eot, endOfText])
  }
}
