// Output-size prediction: each axis of the output (width, height) is explained by a rule over a
// measure of the input, checked against every demonstration. Rules, most plausible first:
//   equal to a measure (the input's own side, the other side, the content's bounding box, the largest
//   object), fixed, a measure times a constant ratio, a measure plus a constant.
// The rules that fit every demonstration are returned with the test size each predicts; the first is
// the prediction the search uses for canvases and layers.
import { connectedComponents } from './dsl/objects/components'
import type { Image } from './image'
import { extraAxisRules, extraMeasuresOf, type Measures } from './output-size-extra'

export interface Size {
  readonly w: number
  readonly h: number
}

export interface SizeRule {
  /** Readable rule, for example `w = input.w * 2, h = input.h * 2`. */
  readonly text: string
  /** The size it predicts for the test input (within 1..30 on both axes). */
  readonly size: Size
}

type Axis = 'w' | 'h'

function contentBox(image: Image): Size {
  let top = image.h,
    bottom = -1,
    left = image.w,
    right = -1
  for (let r = 0; r < image.h; r++) {
    for (let c = 0; c < image.w; c++) {
      if (image.cells[r * image.w + c] === 0) continue
      if (r < top) top = r
      if (r > bottom) bottom = r
      if (c < left) left = c
      if (c > right) right = c
    }
  }
  return bottom < 0 ? { w: 0, h: 0 } : { w: right - left + 1, h: bottom - top + 1 }
}

function largestObject(image: Image): Size {
  let best: Size = { w: 0, h: 0 }
  let bestArea = 0
  for (const object of connectedComponents(image, { connectivity: 8, sameColour: false })) {
    let area = 0
    for (let i = 0; i < object.cells.length; i++) if (object.cells[i] !== 0) area++
    if (area > bestArea) {
      bestArea = area
      best = object
    }
  }
  return { w: best.w, h: best.h }
}

/** The input measures a rule may use, in order of preference. */
function measuresOf(input: Image): Measures {
  const content = contentBox(input)
  const largest = largestObject(input)
  return {
    'input.w': input.w,
    'input.h': input.h,
    'content.w': content.w,
    'content.h': content.h,
    'largest.w': largest.w,
    'largest.h': largest.h
  }
}

interface AxisRule {
  readonly text: string
  /** The size along the axis from the base measures and the extra ones (output-size-extra.ts). */
  readonly predict: (m: Measures, extra: Measures) => number
}

/** The rules for one axis that fit every demonstration, most plausible first. */
function axisRules(axis: Axis, demos: readonly { m: Measures; extra: Measures; out: Size }[]): AxisRule[] {
  const outs = demos.map((d) => d.out[axis])
  const names = Object.keys(demos[0]!.m)
  // The measure along the same axis comes before the one along the other.
  names.sort((p, q) => Number(!p.endsWith(`.${axis}`)) - Number(!q.endsWith(`.${axis}`)))
  const rules: AxisRule[] = []
  for (const name of names) {
    if (demos.every((d, i) => d.m[name] === outs[i])) rules.push({ text: name, predict: (m) => m[name]! })
  }
  if (outs.every((o) => o === outs[0])) rules.push({ text: String(outs[0]), predict: () => outs[0]! })
  for (const name of names) {
    const first = demos[0]!.m[name]!
    if (first === 0 || outs[0] === first) continue
    // out / measure is the same fraction in every demonstration: out_i * first == measure_i * out_0.
    if (demos.every((d, i) => d.m[name]! > 0 && outs[i]! * first === d.m[name]! * outs[0]!)) {
      const [num, den] = [outs[0]!, first]
      rules.push({ text: `${name} * ${num}/${den}`, predict: (m) => (m[name]! * num) / den })
    }
  }
  for (const name of names) {
    const delta = outs[0]! - demos[0]!.m[name]!
    if (delta !== 0 && demos.every((d, i) => outs[i]! - d.m[name]! === delta)) {
      rules.push({ text: `${name} ${delta > 0 ? '+' : '-'} ${Math.abs(delta)}`, predict: (m) => m[name]! + delta })
    }
  }
  // Last, so that they only fill in where the rules above found nothing or all predict badly.
  rules.push(
    ...extraAxisRules(
      axis,
      demos.map((d) => ({ base: d.m, extra: d.extra, out: d.out[axis] }))
    )
  )
  return rules
}

function possibleSide(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 30
}

/**
 * The size rules consistent with every demonstration, each with the test size it predicts; distinct
 * test sizes only, the preferred rule first. Empty when no rule fits (the search then has no canvas).
 */
export function predictOutputSizes(demoInputs: readonly Image[], demoOutputs: readonly Size[], testInput: Image): SizeRule[] {
  const demos = demoInputs.map((input, i) => ({ m: measuresOf(input), extra: extraMeasuresOf(input), out: demoOutputs[i]! }))
  if (demos.length === 0) return []
  const test = measuresOf(testInput)
  const testExtra = extraMeasuresOf(testInput)
  const widths = axisRules('w', demos)
  const heights = axisRules('h', demos)
  const rules: SizeRule[] = []
  const seen = new Set<number>()
  // Pair rules by combined preference: the sum of their ranks, width first on ties.
  const pairs: [number, number][] = []
  for (let i = 0; i < widths.length; i++) for (let j = 0; j < heights.length; j++) pairs.push([i, j])
  pairs.sort((p, q) => p[0] + p[1] - (q[0] + q[1]) || p[0] - q[0])
  for (const [i, j] of pairs) {
    const size = { w: widths[i]!.predict(test, testExtra), h: heights[j]!.predict(test, testExtra) }
    if (!possibleSide(size.w) || !possibleSide(size.h)) continue
    const key = size.w * 64 + size.h
    if (seen.has(key)) continue
    seen.add(key)
    rules.push({ text: `w = ${widths[i]!.text}, h = ${heights[j]!.text}`, size })
  }
  return rules
}
