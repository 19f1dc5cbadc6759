// The held-out loss: the mean next-token cross-entropy over the target tokens of a fixed set of
// examples from the held-out tasks, computed with the loss-only NLL graph (no backward, no update),
// so evaluating never changes the training state.
//   loss = sum_examples sum_t mask_t * -log p(token_{t+1}) / sum_examples sum_t mask_t
import { bucketFor, type ArcModelConfig } from '../model/config'
import type { ModelSessions } from '../inference/model-sessions'
import { hostTensor } from '../runtime/host-tensor'
import { makeBatch } from '../ttt/adapt/batches'
import type { EncodedTttExample } from '../ttt/data'

/** Mean NLL per target token of `examples` under the sessions' current weights. */
export async function heldOutLoss(
  sessions: ModelSessions,
  config: ArcModelConfig,
  examples: readonly EncodedTttExample[],
  batchSize: number
): Promise<number> {
  const byBucket = new Map<number, EncodedTttExample[]>()
  for (const example of examples) {
    const bucket = bucketFor(config, example.sequence.length)!
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), example])
  }
  let nll = 0
  let tokens = 0
  for (const [bucket, members] of byBucket) {
    for (let i = 0; i < members.length; i += batchSize) {
      // makeBatch fills a short batch with masked-out copies, so one graph serves every chunk.
      const batch = makeBatch(members.slice(i, i + batchSize), bucket, batchSize)
      const { targets, loss_mask: mask, ...tokenInputs } = batch.feeds
      const session = await sessions.nll(batchSize, bucket)
      const out = await session.run(
        sessions.withWeights({
          ...tokenInputs,
          targets: hostTensor(targets!.data, [batchSize, bucket]),
          target_mask: hostTensor(mask!.data, [batchSize, bucket])
        })
      )
      for (const value of out['nll']!.data as Float32Array) nll += value
      tokens += batch.targetTokens
    }
  }
  return tokens > 0 ? nll / tokens : Number.NaN
}
