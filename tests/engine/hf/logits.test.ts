// The forward pass of both tiny checkpoints against the logits transformers computed, from the
// float32 file and from the bfloat16 file (against transformers' logits of the bf16-rounded model).
import { afterAll, describe, expect, it } from 'vitest'
import { loadHfModel } from '../../../main/engine/model/hf/model-folder'
import { HfModelSessions } from '../../../main/engine/model/hf/sessions'
import { hostTensor } from '../../../main/engine/runtime/host-tensor'
import { FIXTURE_MODELS, fixtureDir, maxAbsDifference, readFixtureTensors } from './fixtures'
import { join } from 'node:path'

const sessions: HfModelSessions[] = []
afterAll(async () => Promise.all(sessions.map((s) => s.release())))

describe.each(FIXTURE_MODELS)('%s forward', (model) => {
  const expected = readFixtureTensors(join(fixtureDir(model), 'expected.safetensors'))
  const ids = expected.get('input_ids')!

  async function logitsOf(weightsFile: string): Promise<Float32Array> {
    const loaded = loadHfModel(fixtureDir(model), { weightsFile })
    const session = new HfModelSessions(loaded.config, loaded.weights)
    sessions.push(session)
    const [b, t] = ids.shape as [number, number]
    const out = await (await session.forward(b, t)).run(session.withWeights({ tokens: hostTensor(ids.data as BigInt64Array, [b, t]) }))
    return out.logits!.data as Float32Array
  }

  it('matches transformers logits within 1e-4 (float32 weights)', async () => {
    const difference = maxAbsDifference(await logitsOf('model.safetensors'), expected.get('logits')!.data as Float32Array)
    console.log(`${model} float32 max |logit difference| ${difference.toExponential(2)}`)
    expect(difference).toBeLessThan(1e-4)
  })

  it('matches transformers logits of the rounded model within 1e-3 (bfloat16 file)', async () => {
    const difference = maxAbsDifference(await logitsOf('model-bf16.safetensors'), expected.get('logits_bf16_weights')!.data as Float32Array)
    console.log(`${model} bfloat16 max |logit difference| ${difference.toExponential(2)}`)
    expect(difference).toBeLessThan(1e-3)
  })
})
