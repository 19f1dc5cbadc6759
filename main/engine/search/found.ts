// What a search found for one test input, before ranking: a test answer (still in normalised
// colours) with its program, how many demonstrations the program reproduces, and its simplicity.
import type { Image } from './image'

export interface Found {
  readonly answer: Image
  readonly program: string
  readonly explains: number
  readonly depth: number
  readonly cost: number
  /** 1 for a single piece; the number of stacked layers for a composition. */
  readonly layers: number
  /**
   * Whether the answer has the predicted output size (true where no size was predicted, or where it was
   * only guessed from other programs' sizes: output-size-by-program.ts).
   */
  readonly sizeFits: boolean
  /**
   * Whether the program ends in a colour map learned from the demonstrations (recolour.ts). Such a map
   * fits small outputs by chance easily, so these rank after plain programs that explain as much.
   */
  readonly learned?: boolean
  /** Whether the answer is degenerate for this task (all background, or the input unchanged; rank.ts). */
  readonly degenerate?: boolean
  /** Discovery order: the last, deterministic tie-break. */
  readonly order: number
}
