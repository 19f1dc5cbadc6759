// Training batches of tokenized examples: grouped by context bucket (one static shape per batch), a
// fixed batch size (a short last batch is filled with masked-out copies), a seeded order per epoch.
import type { Rng } from '../../../random'
import { hostTensor, type HostTensor } from '../../../runtime/host-tensor'
import type { TokenizedExample } from '../../../tokenizer/hf-text-format'
import { hfBucketFor, type HfModelConfig } from '../config'

export interface HfTrainingBatch {
  readonly bucket: number
  readonly size: number
  readonly examples: number
  readonly targetTokens: number
  /** `tokens` [B, T], `targets` [B*T] (the token after each position), `loss_mask` [B*T]. */
  readonly feeds: Record<string, HostTensor>
}

export function hfEpochBatches(
  examples: readonly TokenizedExample[],
  config: HfModelConfig,
  batchSize: number,
  padToken: number,
  rng: Rng
): HfTrainingBatch[] {
  const byBucket = new Map<number, TokenizedExample[]>()
  for (const example of rng.shuffle(examples)) {
    const bucket = hfBucketFor(config, example.ids.length)!
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), example])
  }
  const batches: HfTrainingBatch[] = []
  for (const [bucket, members] of [...byBucket.entries()].sort((a, b) => a[0] - b[0])) {
    for (let i = 0; i < members.length; i += batchSize)
      batches.push(makeHfBatch(members.slice(i, i + batchSize), bucket, batchSize, padToken))
  }
  return rng.shuffle(batches)
}

function makeHfBatch(members: readonly TokenizedExample[], bucket: number, size: number, padToken: number): HfTrainingBatch {
  const all = [...members, ...Array.from({ length: size - members.length }, () => members[0]!)]
  const tokens = new BigInt64Array(size * bucket).fill(BigInt(padToken))
  const targets = new BigInt64Array(size * bucket).fill(BigInt(padToken))
  const mask = new Float32Array(size * bucket)
  let targetTokens = 0
  all.forEach((example, i) => {
    example.ids.forEach((id, t) => (tokens[i * bucket + t] = BigInt(id)))
    for (let t = 0; t + 1 < example.ids.length; t++) {
      targets[i * bucket + t] = BigInt(example.ids[t + 1]!)
      if (i < members.length && example.lossMask[t + 1] === 1) {
        mask[i * bucket + t] = 1
        targetTokens++
      }
    }
  })
  const feeds = {
    tokens: hostTensor(tokens, [size, bucket]),
    targets: hostTensor(targets, [size * bucket]),
    loss_mask: hostTensor(mask, [size * bucket])
  }
  return { bucket, size, examples: members.length, targetTokens, feeds }
}
