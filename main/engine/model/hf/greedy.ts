// Greedy decoding of a Llama-family model with a key/value cache (as inference/greedy.ts does for
// the ARC transformer): one prefill over the right-padded prompts, then one decode-step run per new
// token. Generation stops at a stop token, at `maxNewTokens`, or when a constraint allows nothing.
// Shape legend: B batch, T prompt bucket, S cache slots, NKV key/value heads, HS head size, V vocabulary.
import { hostTensor, type HostTensor } from '../../runtime/host-tensor'
import { hfBucketFor } from './config'
import type { HfModelSessions } from './sessions'

/** Restricts the next token (grid-shaped output, for instance); one instance per sequence. */
export interface TokenConstraint {
  /** Token ids allowed next; an empty list ends the sequence. */
  allowed(): readonly number[]
  accept(token: number): void
}

export interface HfDecodeOptions {
  readonly maxNewTokens: number
  /** Tokens that end a sequence (kept in its output). */
  readonly stopTokens: readonly number[]
  /** Token used to pad prompts and finished sequences. */
  readonly padToken: number
  readonly constraints?: readonly (TokenConstraint | undefined)[]
}

const MASKED = -1e9

/** Index of the largest logit in row `offset`, over `allowed` ids or the whole vocabulary. */
function argmaxOver(logits: Float32Array, offset: number, vocab: number, allowed?: readonly number[]): number {
  let best = -1
  let bestValue = -Infinity
  const consider = (token: number) => {
    const value = logits[offset + token]!
    if (best < 0 || value > bestValue) {
      best = token
      bestValue = value
    }
  }
  if (allowed) allowed.forEach(consider)
  else for (let token = 0; token < vocab; token++) consider(token)
  return best
}

export function tokenMatrix(prompts: readonly (readonly number[])[], length: number, pad: number): HostTensor {
  const data = new BigInt64Array(prompts.length * length).fill(BigInt(pad))
  prompts.forEach((prompt, i) => prompt.forEach((token, t) => (data[i * length + t] = BigInt(token))))
  return hostTensor(data, [prompts.length, length])
}

/** Greedy continuations of every prompt, in prompt order (prompt tokens not included). */
export async function hfGreedyDecode(
  sessions: HfModelSessions,
  prompts: readonly (readonly number[])[],
  options: HfDecodeOptions
): Promise<number[][]> {
  const config = sessions.config
  const b = prompts.length
  const lengths = prompts.map((p) => p.length)
  const longest = Math.max(...lengths)
  const t = hfBucketFor(config, longest)
  if (t === undefined)
    throw new RangeError(`a ${longest}-token prompt exceeds the longest context bucket (${config.contextBuckets.at(-1)})`)
  const maxNew = Math.min(options.maxNewTokens, config.maxSequence - longest)
  const slots = hfBucketFor(config, longest + maxNew) ?? config.maxSequence
  const [nkv, hs, v] = [config.keyValueHeads, config.headSize, config.vocabSize]
  const last = hostTensor(
    BigInt64Array.from(lengths, (n) => BigInt(n - 1)),
    [b]
  )
  const prefillFeeds = { tokens: tokenMatrix(prompts, t, options.padToken), last_positions: last }
  const prefill = await (await sessions.prefill(b, t)).run(sessions.withWeights(prefillFeeds))
  const logits = prefill.logits!.data as Float32Array // [B, V] at each prompt's last token
  // Host cache [B, NKV, S, HS] per layer, filled from the prefill's [B, NKV, T, HS].
  const cache = Array.from({ length: config.layers }, (_, l) =>
    (['keys', 'values'] as const).map((kind) => {
      const source = prefill[`cache.${l}.${kind}`]!.data as Float32Array
      const target = new Float32Array(b * nkv * slots * hs)
      for (let i = 0; i < b; i++)
        for (let h = 0; h < nkv; h++)
          target.set(source.subarray((i * nkv + h) * t * hs, ((i * nkv + h) * t + lengths[i]!) * hs), (i * nkv + h) * slots * hs)
      return target
    })
  )
  const constraints = options.constraints ?? []
  const pick = (rows: Float32Array, offset: number, i: number): number | undefined => {
    const allowed = constraints[i]?.allowed()
    return allowed && allowed.length === 0 ? undefined : argmaxOver(rows, offset, v, allowed)
  }
  const outputs: number[][] = prompts.map(() => [])
  const done = prompts.map(() => false)
  let next = prompts.map((_, i) => pick(logits, i * v, i))
  const step = await sessions.decodeStep(b, slots)
  for (let k = 0; k < maxNew; k++) {
    const tokens = new BigInt64Array(b).fill(BigInt(options.padToken))
    const positions = new BigInt64Array(b)
    const pastMask = new Float32Array(b * slots).fill(MASKED)
    for (let i = 0; i < b; i++) {
      const position = Math.min(lengths[i]! + k, slots - 1)
      positions[i] = BigInt(position)
      pastMask.fill(0, i * slots, i * slots + position)
      const token = next[i]
      if (done[i] || token === undefined) {
        done[i] = true
        continue
      }
      outputs[i]!.push(token)
      constraints[i]?.accept(token)
      tokens[i] = BigInt(token)
      if (options.stopTokens.includes(token)) done[i] = true
    }
    if (done.every(Boolean) || k === maxNew - 1) break
    const feeds = {
      tokens: hostTensor(tokens, [b, 1]),
      positions: hostTensor(positions, [b, 1]),
      past_mask: hostTensor(pastMask, [b, slots]),
      ...cacheFeeds(cache, b, nkv, slots, hs)
    }
    const out = await step.run(sessions.withWeights(feeds))
    for (let l = 0; l < config.layers; l++) {
      for (const [kind, index] of [
        ['keys', 0],
        ['values', 1]
      ] as const) {
        const fresh = out[`new.${l}.${kind}`]!.data as Float32Array // [B, NKV, 1, HS]
        for (let i = 0; i < b; i++) {
          if (done[i]) continue
          const slot = lengths[i]! + k
          for (let h = 0; h < nkv; h++)
            cache[l]![index]!.set(fresh.subarray((i * nkv + h) * hs, (i * nkv + h + 1) * hs), ((i * nkv + h) * slots + slot) * hs)
        }
      }
    }
    const stepLogits = out.logits!.data as Float32Array // [B, V]
    next = prompts.map((_, i) => (done[i] ? undefined : pick(stepLogits, i * v, i)))
  }
  return outputs
}

function cacheFeeds(cache: Float32Array[][], b: number, nkv: number, slots: number, hs: number): Record<string, HostTensor> {
  const feeds: Record<string, HostTensor> = {}
  cache.forEach(([keys, values], l) => {
    feeds[`past.${l}.keys`] = hostTensor(keys!, [b, nkv, slots, hs])
    feeds[`past.${l}.values`] = hostTensor(values!, [b, nkv, slots, hs])
  })
  return feeds
}
