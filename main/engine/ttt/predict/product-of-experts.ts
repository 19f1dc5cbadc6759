// Product-of-experts rescoring (ARChitects, ARC Prize 2024; recipe section 7): every distinct
// candidate is scored by the sum of its negative log-likelihood under several augmented views of
// the task (each view a prompt under a symmetry, the candidate transformed the same way), and the
// two lowest sums become the attempts. Forward passes only.
import { symmetry } from '../../arc/transforms'
import { bucketFor } from '../../model/config'
import { hostTensor } from '../../runtime/host-tensor'
import { encodeExamples, encodeGrid, type EncodedSequence } from '../../tokenizer/encode'
import { continueSequence } from '../../inference/continuation'
import { tokenFeeds } from '../../inference/feeds'
import type { ModelSessions } from '../../inference/model-sessions'
import type { InferencePrompt } from '../prompts'
import type { Candidate } from './candidates'

interface Scored {
  readonly candidate: number
  readonly sequence: EncodedSequence
  readonly promptLength: number
}

/** Sets `score` on every candidate (summed NLL over up to `views` prompts); returns them best first. */
export async function rescoreByProductOfExperts(
  candidates: Candidate[],
  prompts: readonly InferencePrompt[],
  views: number,
  sessions: ModelSessions,
  batchSize: number
): Promise<Candidate[]> {
  const chosen = prompts.slice(0, views)
  const jobs: Scored[] = []
  candidates.forEach((candidate, c) => {
    for (const prompt of chosen) {
      const encoded = encodeExamples([...prompt.demonstrations, { input: prompt.testInput }])
      const output = encodeGrid(symmetry(prompt.transform).apply(candidate.grid))
      jobs.push({ candidate: c, sequence: continueSequence(encoded, output), promptLength: encoded.contentLength })
    }
  })
  const totals = new Float64Array(candidates.length)
  const fits = jobs.filter((j) => bucketFor(sessions.config, j.sequence.length) !== undefined)
  for (let i = 0; i < fits.length; i += batchSize) {
    const chunk = fits.slice(i, i + batchSize)
    const t = bucketFor(sessions.config, Math.max(...chunk.map((j) => j.sequence.length)))!
    const targets = new BigInt64Array(chunk.length * t)
    const mask = new Float32Array(chunk.length * t)
    chunk.forEach((job, b) => {
      // Position p predicts token p + 1: the candidate's tokens are predicted from promptLength - 1 on.
      for (let p = job.promptLength - 1; p + 1 < job.sequence.length; p++) {
        targets[b * t + p] = BigInt(job.sequence.tokens[p + 1]!)
        mask[b * t + p] = 1
      }
    })
    const session = await sessions.nll(chunk.length, t)
    const out = await session.run(
      sessions.withWeights({
        ...tokenFeeds(
          chunk.map((j) => j.sequence),
          t
        ),
        targets: hostTensor(targets, [chunk.length, t]),
        target_mask: hostTensor(mask, [chunk.length, t])
      })
    )
    const nll = out.nll!.data as Float32Array
    chunk.forEach((job, b) => (totals[job.candidate] = totals[job.candidate]! + nll[b]!))
  }
  candidates.forEach((c, i) => (c.score = totals[i]!))
  return [...candidates].sort((a, b) => a.score! - b.score! || b.count - a.count)
}
