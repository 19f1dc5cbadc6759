// Product-of-experts rescoring with a Llama-family model: a candidate's score is the summed negative
// log-likelihood of its answer tokens over the views, checked against log-softmax of the forward
// graph's logits computed on the host; candidates come back best (lowest) first.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeGrid } from '../../../main/engine/arc/grid'
import { loadDataset } from '../../../main/engine/arc/load'
import { rescoreHf } from '../../../main/engine/model/hf/adapt/predict'
import { hfBucketFor } from '../../../main/engine/model/hf/config'
import { tokenMatrix } from '../../../main/engine/model/hf/greedy'
import { loadHfModel } from '../../../main/engine/model/hf/model-folder'
import { HfModelSessions } from '../../../main/engine/model/hf/sessions'
import { textFormat } from '../../../main/engine/tokenizer/hf-text-format'
import { HfTokenizer } from '../../../main/engine/tokenizer/hf-tokenizer'
import { buildInferencePrompts } from '../../../main/engine/ttt/prompts'
import { fixtureDir } from './fixtures'

const model = loadHfModel(fixtureDir('llama-gqa'))
const format = textFormat('marc', HfTokenizer.load(model.tokenizerFile!))
const sessions = new HfModelSessions(model.config, model.weights)
afterAll(() => sessions.release())

/** sum over the answer of -log softmax(logits)[next token], from the forward graph's logits. */
async function answerNll(ids: readonly number[], promptLength: number): Promise<number> {
  const t = hfBucketFor(model.config, ids.length)!
  const out = await (await sessions.forward(1, t)).run(sessions.withWeights({ tokens: tokenMatrix([ids], t, 0) }))
  const logits = out.logits!.data as Float32Array
  const v = model.config.vocabSize
  let total = 0
  for (let p = promptLength - 1; p + 1 < ids.length; p++) {
    const row = logits.subarray(p * v, (p + 1) * v)
    const max = Math.max(...row)
    const logSum = Math.log(row.reduce((sum, x) => sum + Math.exp(x - max), 0)) + max
    total += logSum - row[ids[p + 1]!]!
  }
  return total
}

describe('product-of-experts with a Hugging Face model', () => {
  it('scores each candidate by the NLL of its answer, best first', async () => {
    const dataset = await loadDataset(join(__dirname, '../../../resources/sample-tasks'))
    const task = dataset.entries.find((e) => e.id === 'flip-horizontal')!.task!
    const [prompt] = buildInferencePrompts(task, 0, { seed: 1, maxTokens: 100000, augment: false }).prompts
    const truth = task.test[0]!.output!
    const wrong = makeGrid(truth.map((row) => row.map(() => 0)))
    const candidate = (grid: typeof truth) => ({ grid, transforms: [prompt!.transform], promptIds: [prompt!.id], count: 1, score: null })
    const candidates = [wrong, truth].map(candidate)
    const ranked = await rescoreHf(candidates, [prompt!], 1, sessions, format, 2, 0)
    const promptIds = format.prompt(prompt!.demonstrations, prompt!.testInput)
    for (const scored of candidates) {
      const expected = await answerNll([...promptIds, ...format.answer(scored.grid)], promptIds.length)
      expect(Math.abs(scored.score! - expected)).toBeLessThan(1e-3 * expected)
    }
    expect(ranked.map((c) => c.score)).toEqual([...candidates.map((c) => c.score!)].sort((a, b) => a - b))
  })
})
