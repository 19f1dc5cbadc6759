// Training batches: examples grouped by context bucket (so each batch has one static shape), a
// fixed batch size per bucket (a short last batch is filled with masked-out copies, so no new graph
// is needed), and a seeded order per epoch.
import type { ArcModelConfig } from '../../model/config'
import { bucketFor } from '../../model/config'
import { hostTensor, type HostTensor } from '../../runtime/host-tensor'
import type { Rng } from '../../random'
import { tokenFeeds } from '../../inference/feeds'
import { TOKEN } from '../../tokenizer/vocab'
import type { EncodedTttExample } from '../data'

export interface TrainingBatch {
  readonly bucket: number
  readonly size: number
  /** Real (non-filler) examples in the batch. */
  readonly examples: number
  /** Target tokens in the loss. */
  readonly targetTokens: number
  readonly feeds: Record<string, HostTensor>
}

/** One epoch's batches in a random order. Examples longer than every bucket must be filtered out before. */
export function epochBatches(examples: readonly EncodedTttExample[], config: ArcModelConfig, batchSize: number, rng: Rng): TrainingBatch[] {
  const byBucket = new Map<number, EncodedTttExample[]>()
  for (const example of rng.shuffle(examples)) {
    const bucket = bucketFor(config, example.sequence.length)!
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), example])
  }
  const batches: TrainingBatch[] = []
  for (const [bucket, members] of [...byBucket.entries()].sort((a, b) => a[0] - b[0])) {
    for (let i = 0; i < members.length; i += batchSize) batches.push(makeBatch(members.slice(i, i + batchSize), bucket, batchSize))
  }
  return rng.shuffle(batches)
}

/**
 * Feeds of one batch: the five token inputs [B, T], `targets` [B*T] (the token after each position)
 * and `loss_mask` [B*T] (1 where that next token is a target of the example's loss mask).
 */
export function makeBatch(members: readonly EncodedTttExample[], bucket: number, size: number): TrainingBatch {
  const fillers = Array.from({ length: size - members.length }, () => members[0]!)
  const all = [...members, ...fillers]
  const targets = new BigInt64Array(size * bucket).fill(BigInt(TOKEN.PAD))
  const mask = new Float32Array(size * bucket)
  let targetTokens = 0
  all.forEach((example, i) => {
    const { sequence, lossMask } = example
    for (let t = 0; t + 1 < sequence.length; t++) {
      targets[i * bucket + t] = BigInt(sequence.tokens[t + 1]!)
      if (i < members.length && lossMask[t + 1] === 1) {
        mask[i * bucket + t] = 1
        targetTokens++
      }
    }
  })
  return {
    bucket,
    size,
    examples: members.length,
    targetTokens,
    feeds: {
      ...tokenFeeds(
        all.map((e) => e.sequence),
        bucket
      ),
      targets: hostTensor(targets, [size * bucket]),
      loss_mask: hostTensor(mask, [size * bucket])
    }
  }
}
