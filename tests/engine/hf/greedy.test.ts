// Greedy decoding with the key/value cache against transformers' generate() on both checkpoints,
// and batching prompts of different lengths changes no result.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { makeGrid } from '../../../main/engine/arc/grid'
import { hfGreedyDecode } from '../../../main/engine/model/hf/greedy'
import { loadHfModel } from '../../../main/engine/model/hf/model-folder'
import { HfModelSessions } from '../../../main/engine/model/hf/sessions'
import { textFormat } from '../../../main/engine/tokenizer/hf-text-format'
import { HfTokenizer } from '../../../main/engine/tokenizer/hf-tokenizer'
import { FIXTURE_MODELS, fixtureDir, readFixtureTensors } from './fixtures'

const sessions: HfModelSessions[] = []
afterAll(async () => Promise.all(sessions.map((s) => s.release())))

describe.each(FIXTURE_MODELS)('%s greedy decoding', (model) => {
  const expected = readFixtureTensors(join(fixtureDir(model), 'expected.safetensors'))
  const ids = [...(expected.get('input_ids')!.data as BigInt64Array)].map(Number)
  const greedy = [...(expected.get('greedy_ids')!.data as BigInt64Array)].map(Number) // prompt (10) + 12 new
  const loaded = loadHfModel(fixtureDir(model))
  const session = new HfModelSessions(loaded.config, loaded.weights)
  sessions.push(session)
  const options = { maxNewTokens: 12, stopTokens: [], padToken: 0 }

  it('produces exactly the ids of transformers generate()', async () => {
    const [output] = await hfGreedyDecode(session, [ids.slice(0, 10)], options)
    expect([...ids.slice(0, 10), ...output!]).toEqual(greedy)
  })

  it('batches prompts of different lengths without changing any result', async () => {
    const prompts = [ids.slice(0, 10), ids.slice(24, 31)]
    const together = await hfGreedyDecode(session, prompts, options)
    const alone = [(await hfGreedyDecode(session, [prompts[0]!], options))[0], (await hfGreedyDecode(session, [prompts[1]!], options))[0]]
    expect(together).toEqual(alone)
  })

  it('stops at a stop token and keeps it', async () => {
    const stop = greedy[13]!
    const [output] = await hfGreedyDecode(session, [ids.slice(0, 10)], { ...options, stopTokens: [stop] })
    expect(output).toEqual(greedy.slice(10, 10 + greedy.slice(10).indexOf(stop) + 1))
  })
})

describe('grid-constrained decoding with the tiny Llama', () => {
  it('turns a random model\'s free text into a well-formed grid and a stop token', async () => {
    const loaded = loadHfModel(fixtureDir('llama-gqa'))
    const session = new HfModelSessions(loaded.config, loaded.weights)
    sessions.push(session)
    const tokenizer = HfTokenizer.load(loaded.tokenizerFile!)
    const format = textFormat('marc', tokenizer)
    const demonstrations = [{ input: makeGrid([[1, 0], [0, 2]]), output: makeGrid([[0, 1], [2, 0]]) }]
    const prompt = format.prompt(demonstrations, makeGrid([[3, 0], [0, 4]]))
    const options = { maxNewTokens: 60, stopTokens: format.stopTokens, padToken: 0 }
    const [free] = await hfGreedyDecode(session, [prompt], options)
    const [constrained] = await hfGreedyDecode(session, [prompt], { ...options, constraints: [format.constraint()] })
    expect(format.parse(free!).ok).toBe(false) // a random model left alone writes no grid
    // Constrained, it closes a grid and stops (here "[[8]\n [5]]#\n" and <|eot_id|>).
    expect(format.stopTokens).toContain(constrained!.at(-1))
    expect(format.parse(constrained!)).toMatchObject({ ok: true })
  })
})
