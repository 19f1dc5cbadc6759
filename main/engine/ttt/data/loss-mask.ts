// Encoding a TTT example for training, with its loss mask (recipe section 4).
//
// Convention: lossMask[t] = 1 when token t is a target, that is when the loss is taken on the
// model's prediction of token t (made at position t-1). Targets are grid bodies only: the cells,
// row ends and END of the selected grids. The INPUT/OUTPUT markers never are: their place is fixed
// by the format, and at inference the prompt supplies the OUTPUT marker itself.
import { encodeExamples, type EncodedSequence, type GridSpan } from '../../tokenizer'
import type { LossMaskVariant } from './options'
import type { TttExample } from './types'

export interface EncodedTttExample {
  readonly sequence: EncodedSequence
  /** One entry per token of `sequence`: 1 for a target token, 0 otherwise. */
  readonly lossMask: Uint8Array
  /** Number of target tokens (the mask's sum). */
  readonly targetTokens: number
}

/** Whether the loss covers this grid; `testIndex` is the test pair's example index (= demonstrations). */
function isTargetGrid(span: GridSpan, testIndex: number, variant: LossMaskVariant): boolean {
  switch (variant) {
    case 'outputs-except-first':
      // Demonstrations 2..n are example indices 1..n-1; the test output is always included, even
      // when it is example 0 (a direct-io example has no demonstrations).
      return span.kind === 'output' && (span.exampleIndex >= 1 || span.exampleIndex === testIndex)
    case 'test-output-only':
      return span.kind === 'output' && span.exampleIndex === testIndex
    case 'all-outputs':
      return span.kind === 'output'
    case 'inputs-and-outputs':
      return true
    default:
      throw new RangeError(`unknown loss mask variant ${JSON.stringify(variant satisfies never)}`)
  }
}

/** The loss mask of an encoded full sequence whose test pair is example `testIndex`. */
export function lossMaskOf(sequence: EncodedSequence, testIndex: number, variant: LossMaskVariant): Uint8Array {
  const mask = new Uint8Array(sequence.length)
  for (const span of sequence.grids) {
    // The marker at span.start is not a target; the body start+1 .. end-1 is (see GridSpan).
    if (isTargetGrid(span, testIndex, variant)) mask.fill(1, span.start + 1, span.end)
  }
  return mask
}

export function encodeTttExample(example: TttExample, variant: LossMaskVariant): EncodedTttExample {
  const sequence = encodeExamples([...example.demonstrations, example.test])
  const lossMask = lossMaskOf(sequence, example.demonstrations.length, variant)
  return { sequence, lossMask, targetTokens: lossMask.reduce((sum, bit) => sum + bit, 0) }
}

/** The mask as half-open [start, end) runs of target positions: compact, and readable in JSON. */
export function maskRanges(mask: Uint8Array): [number, number][] {
  const ranges: [number, number][] = []
  for (let t = 0; t < mask.length; t++) {
    if (mask[t] !== 1) continue
    const start = t
    while (t < mask.length && mask[t] === 1) t++
    ranges.push([start, t])
  }
  return ranges
}
