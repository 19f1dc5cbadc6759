// Greedy decoding with a key/value cache: one prefill over the padded prompts, then one
// decode-step run per generated token, each sequence attending to its cached slots. Optionally
// constrained to well-formed grids. The paper found no gain from sampling (recipe section 6).
import { bucketFor } from '../model/config'
import { hostTensor } from '../runtime/host-tensor'
import { decodeGrid, type DecodedGrid } from '../tokenizer/decode'
import type { EncodedSequence } from '../tokenizer/encode'
import { ROLE, TOKEN } from '../tokenizer/vocab'
import { OutputCursor } from './continuation'
import { tokenFeeds } from './feeds'
import { argmax, GridConstraint } from './grid-constraint'
import type { ModelSessions } from './model-sessions'

export interface DecodeOptions {
  /** Longest output; 30 rows of 30 cells, their row ends and END take 931 tokens. */
  readonly maxNewTokens: number
  readonly constrained: boolean
}

export interface Generation {
  readonly tokens: number[]
  readonly decoded: DecodedGrid
}

const MASKED = -1e9

/** Decodes every prompt (all must fit a context bucket); results in prompt order. */
export async function greedyDecode(
  sessions: ModelSessions,
  prompts: readonly EncodedSequence[],
  options: DecodeOptions
): Promise<Generation[]> {
  const config = sessions.config
  const b = prompts.length
  const lengths = prompts.map((p) => p.contentLength)
  const longest = Math.max(...lengths)
  const t = bucketFor(config, longest)
  if (t === undefined)
    throw new RangeError(`a ${longest}-token prompt exceeds the longest context bucket (${config.contextBuckets.at(-1)})`)
  const maxNew = Math.min(options.maxNewTokens, config.maxSequence - longest)
  const slots = bucketFor(config, longest + maxNew) ?? config.maxSequence
  const nh = config.heads
  const hs = config.channels / nh

  const prefill = await (await sessions.forward(b, t)).run(sessions.withWeights(tokenFeeds(prompts, t)))
  const logits = prefill.logits!.data as Float32Array // [B, T, V]
  const v = config.vocabSize
  // Host cache [B, NH, S, HS] per layer, filled from the prefill's [B, NH, T, HS].
  const cache = Array.from({ length: config.layers }, (_, l) =>
    (['keys', 'values'] as const).map((kind) => {
      const source = prefill[`cache.${l}.${kind}`]!.data as Float32Array
      const target = new Float32Array(b * nh * slots * hs)
      for (let i = 0; i < b; i++)
        for (let h = 0; h < nh; h++)
          target.set(source.subarray((i * nh + h) * t * hs, ((i * nh + h) * t + lengths[i]!) * hs), (i * nh + h) * slots * hs)
      return target
    })
  )
  const constraints = prompts.map(() => (options.constrained ? new GridConstraint() : undefined))
  const cursors = prompts.map((p) => new OutputCursor(p))
  const outputs: number[][] = prompts.map(() => [])
  const done = prompts.map(() => false)
  let next = prompts.map((_, i) => argmax(logits, (i * t + lengths[i]! - 1) * v, constraints[i]))

  const step = await sessions.decodeStep(b, slots)
  for (let k = 0; k < maxNew; k++) {
    const feeds = {
      tokens: new BigInt64Array(b),
      rows: new BigInt64Array(b),
      cols: new BigInt64Array(b),
      examples: new BigInt64Array(b),
      roles: new BigInt64Array(b),
      positions: new BigInt64Array(b)
    }
    const pastMask = new Float32Array(b * slots).fill(MASKED)
    for (let i = 0; i < b; i++) {
      const position = Math.min(lengths[i]! + k, slots - 1)
      feeds.positions[i] = BigInt(position)
      pastMask.fill(0, i * slots, i * slots + position)
      if (done[i]) {
        feeds.tokens[i] = BigInt(TOKEN.PAD)
        feeds.roles[i] = BigInt(ROLE.PAD)
        continue
      }
      const token = next[i]!
      outputs[i]!.push(token)
      constraints[i]?.accept(token)
      const f = cursors[i]!.place(token)
      feeds.tokens[i] = BigInt(token)
      feeds.rows[i] = BigInt(f.row)
      feeds.cols[i] = BigInt(f.col)
      feeds.examples[i] = BigInt(f.example)
      feeds.roles[i] = BigInt(f.role)
      if (token === TOKEN.END) done[i] = true
    }
    if (done.every(Boolean) || k === maxNew - 1) break
    const shaped = Object.fromEntries(Object.entries(feeds).map(([name, data]) => [name, hostTensor(data, [b, 1])]))
    const out = await step.run(
      sessions.withWeights({ ...shaped, past_mask: hostTensor(pastMask, [b, slots]), ...cacheFeeds(cache, b, nh, slots, hs) })
    )
    const stepLogits = out.logits!.data as Float32Array // [B, V]
    for (let l = 0; l < config.layers; l++) {
      const newKeys = out[`new.${l}.keys`]!.data as Float32Array // [B, NH, 1, HS]
      const newValues = out[`new.${l}.values`]!.data as Float32Array
      for (let i = 0; i < b; i++) {
        if (done[i]) continue
        const slot = lengths[i]! + k
        for (let h = 0; h < nh; h++) {
          cache[l]![0]!.set(newKeys.subarray((i * nh + h) * hs, (i * nh + h + 1) * hs), ((i * nh + h) * slots + slot) * hs)
          cache[l]![1]!.set(newValues.subarray((i * nh + h) * hs, (i * nh + h + 1) * hs), ((i * nh + h) * slots + slot) * hs)
        }
      }
    }
    next = prompts.map((_, i) => (done[i] ? TOKEN.PAD : argmax(stepLogits, i * v, constraints[i])))
  }
  return outputs.map((tokens) => ({ tokens, decoded: decodeGrid(tokens) }))
}

function cacheFeeds(cache: Float32Array[][], b: number, nh: number, slots: number, hs: number) {
  const feeds: Record<string, ReturnType<typeof hostTensor>> = {}
  cache.forEach(([keys, values], l) => {
    feeds[`past.${l}.keys`] = hostTensor(keys!, [b, nh, slots, hs])
    feeds[`past.${l}.values`] = hostTensor(values!, [b, nh, slots, hs])
  })
  return feeds
}
