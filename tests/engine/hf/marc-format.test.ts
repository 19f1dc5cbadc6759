// marc's text format through the tiny Llama 3-style tokenizer: the prompt is the string
// marc-format.md writes down, the loss covers outputs 2..K and the assistant message, generated
// text parses back to grids, and the grid constraint allows exactly the grid-shaped continuations.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeGrid } from '../../../main/engine/arc/grid'
import { textTokenCap } from '../../../main/engine/model/hf/adapt/predict'
import { chooseTextFormat } from '../../../main/engine/model/hf/text-format-choice'
import { gridTokens, NumpyGridConstraint } from '../../../main/engine/tokenizer/hf-grid-constraint'
import { gridToNumpyText, numpyTextToGrid } from '../../../main/engine/tokenizer/hf-grid-text'
import { textFormat } from '../../../main/engine/tokenizer/hf-text-format'
import { HfTokenizer } from '../../../main/engine/tokenizer/hf-tokenizer'
import { fixtureDir } from './fixtures'

const tokenizer = HfTokenizer.load(join(fixtureDir('llama-gqa'), 'tokenizer.json'))
const format = textFormat('marc', tokenizer)
const demonstrations = [
  { input: makeGrid([[0, 0], [0, 5]]), output: makeGrid([[5, 0], [0, 0]]) },
  { input: makeGrid([[1, 2], [3, 4]]), output: makeGrid([[4, 3], [2, 1]]) }
]
const test = { input: makeGrid([[7, 0], [0, 0]]), output: makeGrid([[0, 0], [0, 7]]) }

// marc-format.md section 2, verbatim.
const DOCUMENTED_PROMPT =
  '<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n' +
  'Figure out the underlying transformation in the following examples and apply it to the test case. ' +
  'Here are some examples from this transformation, your answer must follow the format.\n' +
  'The input-output grids are provided as python arrays:\n' +
  '[[0 0]\n [0 5]] -> [[5 0]\n [0 0]]#\n' +
  '[[1 2]\n [3 4]] -> [[4 3]\n [2 1]]#<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n' +
  '[[7 0]\n [0 0]] -><|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n'

describe('the marc text format', () => {
  it('writes grids as numpy prints them and reads them back', () => {
    expect(gridToNumpyText(makeGrid([[1, 2], [3, 4]]))).toBe('[[1 2]\n [3 4]]')
    expect(numpyTextToGrid('[[1 2]\n [3 4]]#')).toEqual({ ok: true, grid: makeGrid([[1, 2], [3, 4]]) })
    expect(numpyTextToGrid('[[1 2]\n [3]]#')).toMatchObject({ ok: false, reason: 'ragged-rows' })
    expect(numpyTextToGrid('[[1 x]]')).toMatchObject({ ok: false, reason: 'unexpected-token' })
  })

  it('builds the prompt marc-format.md documents', () => {
    expect(tokenizer.decode(format.prompt(demonstrations, test.input))).toBe(DOCUMENTED_PROMPT)
  })

  it('puts outputs 2..K and the whole assistant message in the loss (outputs-except-first)', () => {
    const { ids, lossMask } = format.example(demonstrations, test, 'outputs-except-first')
    expect(tokenizer.decode(ids)).toBe(`${DOCUMENTED_PROMPT}[[0 0]\n [0 7]]#<|eot_id|><|end_of_text|>`)
    const targets = (keep: (i: number) => boolean) => tokenizer.decode(ids.filter((_, i) => lossMask[i] === 1 && keep(i)))
    const assistantStart = ids.lastIndexOf(tokenizer.tokenId('<|start_header_id|>')!)
    expect(targets((i) => i < assistantStart)).toBe(' [[4 3]\n [2 1]]#')
    expect(targets((i) => i >= assistantStart)).toBe('<|start_header_id|>assistant<|end_header_id|>\n\n[[0 0]\n [0 7]]#<|eot_id|>')
    expect(lossMask[0]).toBe(0)
    expect(lossMask.at(-1)).toBe(0)
  })

  it('masks by variant: test output only, and all outputs', () => {
    const only = format.example(demonstrations, test, 'test-output-only')
    const all = format.example(demonstrations, test, 'all-outputs')
    const systemTargets = (e: { ids: number[]; lossMask: Uint8Array }) => {
      const end = e.ids.indexOf(tokenizer.tokenId('<|eot_id|>')!)
      return tokenizer.decode(e.ids.filter((_, i) => i < end && e.lossMask[i] === 1))
    }
    expect(systemTargets(only)).toBe('')
    // A `#\n` token ends a demonstration output but the last, so its newline comes along (as in torchtune).
    expect(systemTargets(all)).toBe(' [[5 0]\n [0 0]]#\n [[4 3]\n [2 1]]#')
  })

  it('parses generated ids up to the stop token', () => {
    expect(format.parse(format.answer(test.output))).toEqual({ ok: true, grid: test.output })
  })

  it('constrains decoding to grids with equal rows, closed by # and then a stop token', () => {
    const constraint = new NumpyGridConstraint(gridTokens(tokenizer.vocabulary()), format.stopTokens)
    const text = (ids: number[]) => ids.map((id) => tokenizer.decode([id])).sort()
    expect(text(constraint.allowed())).toEqual(['[', '[['])
    for (const id of tokenizer.encode('[[1 2]\n [3')) constraint.accept(id)
    expect(text(constraint.allowed())).toEqual([' ']) // the second cell of the row: not ' [', not '  '
    for (const id of tokenizer.encode(' 4')) constraint.accept(id)
    expect(text(constraint.allowed())).toEqual([']', ']\n', ']]'].sort())
    for (const id of tokenizer.encode(']]#')) constraint.accept(id)
    expect(constraint.allowed().filter((id) => format.stopTokens.includes(id))).toEqual(format.stopTokens)
  })
})

describe('choosing the text format', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'hf-format-choice-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('takes a run config key first, then the folder setting arc-ttt.json, then marc', () => {
    expect(chooseTextFormat(scratch)).toEqual({ name: 'marc', chosenBy: 'the default for Hugging Face models' })
    writeFileSync(join(scratch, 'arc-ttt.json'), JSON.stringify({ textFormat: 'marc' }))
    expect(chooseTextFormat(scratch).chosenBy).toBe(join(scratch, 'arc-ttt.json'))
    expect(chooseTextFormat(scratch, 'marc').chosenBy).toBe('the run config')
  })

  it('names an unknown format and the known ones', () => {
    writeFileSync(join(scratch, 'arc-ttt.json'), JSON.stringify({ textFormat: 'barc-words' }))
    expect(() => chooseTextFormat(scratch)).toThrow(/unknown text format "barc-words"; known: marc/)
  })
})

describe('the answer cap in text tokens', () => {
  it('gives a text format room for the largest grid the compact cap allows', () => {
    const square = (side: number) => makeGrid(Array.from({ length: side }, () => new Array<number>(side).fill(7)))
    expect(textTokenCap(format, 931)).toBe(format.answer(square(30)).length) // 30 x 31 + 1 compact tokens
    expect(textTokenCap(format, 111)).toBe(format.answer(square(10)).length) // 10 x 11 + 1
    expect(textTokenCap(format, 110)).toBe(format.answer(square(9)).length)
  })
})
