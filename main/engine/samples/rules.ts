// The rules behind the bundled sample tasks, one entry per task. Each rule draws random inputs and
// computes outputs; no output is ever written by hand. The rules themselves live by kind in
// rules-geometry.ts, rules-colour.ts, rules-lines.ts and rules-objects.ts; their shape in sample-rule.ts.
import { flipHorizontal, flipVertical, mirrorConcatenate, rotate90, tile2x2, transpose, upscale2x, upscale3x } from './rules-geometry'
import { colourMap, countToBar, invert, keepMostFrequentColour } from './rules-colour'
import { connectPairs, drawBorder, horizontalLines } from './rules-lines'
import { cropToContent, denoise, fillEnclosed, gravity, recolourLargestObject } from './rules-objects'
import type { SampleRule } from './sample-rule'

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
