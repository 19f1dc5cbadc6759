// The last resort of output-size prediction: where no rule over the input's measures fits, the output
// may be the size of what a short program makes of the input (its colours as a row, a histogram, one
// of its objects). Every image transform of the DSL, and every cut followed by a choice from the list,
// run without a predicted size; a program whose result has each demonstration output's size predicts
// the test size by its result on the test input.
import type { Transform, TransformContext } from './dsl/transform'
import type { Image, ImageList } from './image'
import type { Size, SizeRule } from './output-size'

const NO_SIZE: TransformContext = { outputSize: null }

/** The programs of one or two steps that end in an image, as (text, run) pairs, table order. */
function shortPrograms(dsl: readonly Transform[]): { text: string; run: (input: Image) => Image | null }[] {
  const programs: { text: string; run: (input: Image) => Image | null }[] = []
  for (const t of dsl) {
    if (t.from === 'image' && t.to === 'image') programs.push({ text: t.name, run: (i) => t.apply(i, NO_SIZE) })
  }
  const cuts = dsl.filter((t) => t.from === 'image' && t.to === 'list')
  const picks = dsl.filter((t) => t.from === 'list' && t.to === 'image')
  for (const cut of cuts) {
    for (const pick of picks) {
      programs.push({
        text: `${pick.name}(${cut.name})`,
        run: (i) => {
          const list = cut.apply(i, NO_SIZE) as ImageList | null
          return list ? (pick.apply(list, NO_SIZE) as Image | null) : null
        }
      })
    }
  }
  return programs
}

/**
 * The test sizes the fitting programs predict, the one most programs agree on first (then table
 * order): many programs fit a few demonstrations by accident, and they rarely agree on a wrong size.
 */
export function programSizeRules(
  dsl: readonly Transform[],
  demoInputs: readonly Image[],
  demoOutputs: readonly Size[],
  testInput: Image
): SizeRule[] {
  const bySize = new Map<number, { rule: SizeRule; votes: number }>()
  for (const program of shortPrograms(dsl)) {
    const fits = demoInputs.every((input, g) => {
      const out = program.run(input)
      return out !== null && out.w === demoOutputs[g]!.w && out.h === demoOutputs[g]!.h
    })
    if (!fits) continue
    const test = program.run(testInput)
    if (!test) continue
    const key = test.w * 64 + test.h
    const entry = bySize.get(key)
    if (entry) entry.votes++
    else bySize.set(key, { rule: { text: `size of ${program.text}(x)`, size: { w: test.w, h: test.h } }, votes: 1 })
  }
  return [...bySize.values()].sort((a, b) => b.votes - a.votes).map((e) => e.rule)
}
