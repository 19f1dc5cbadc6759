// The rules behind the bundled sample tasks, one entry per task. Each rule draws random inputs and
// computes outputs; no output is ever written by hand. The rules themselves live by kind in
// rules-geometry.ts, rules-colour.ts, rules-lines.ts and rules-objects.ts.
import type { Grid } from '../arc'
import type { Rng } from '../random'
import { flipHorizontal, flipVertical, mirrorConcatenate, rotate90, tile2x2, transpose, upscale2x, upscale3x } from './rules-geometry'
import { colourMap, countToBar, invert, keepMostFrequentColour } from './rules-colour'
import { connectPairs, drawBorder, horizontalLines } from './rules-lines'
import { cropToContent, denoise, fillEnclosed, gravity, recolourLargestObject } from './rules-objects'

/** One ARC-style transformation and a source of inputs it makes sense on. */
export interface SampleRule {
  /** The task id and file name: descriptive kebab-case, such as `flip-horizontal`. */
  readonly id: string
  /** One sentence saying what the rule does, for people reading the task list. */
  readonly description: string
  /** A fresh random input; every call advances `rng`. Must give a 1x1..30x30 grid of colours 0..9. */
  makeInput(rng: Rng): number[][]
  /** The output for an input. Pure: it never changes the input and uses no randomness. */
  apply(input: Grid): number[][]
}

/** Every sample rule, in the order the tasks are listed. Ids are unique. */
export const SAMPLE_RULES: readonly SampleRule[] = [
  flipHorizontal,
  flipVertical,
  rotate90,
  transpose,
  upscale2x,
  upscale3x,
  tile2x2,
  mirrorConcatenate,
  colourMap,
  invert,
  keepMostFrequentColour,
  countToBar,
  horizontalLines,
  connectPairs,
  drawBorder,
  gravity,
  fillEnclosed,
  recolourLargestObject,
  cropToContent,
  denoise
]

/** The rule with this id; throws naming the known ids when there is none. */
export function sampleRule(id: string): SampleRule {
  const rule = SAMPLE_RULES.find((r) => r.id === id)
  if (!rule) throw new RangeError(`no sample rule "${id}"; known rules: ${SAMPLE_RULES.map((r) => r.id).join(', ')}`)
  return rule
}
