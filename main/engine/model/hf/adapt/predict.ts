// Augmented inference of one test input with a Llama-family model (recipe sections 6-7, as
// ttt/predict/predict-output.ts for the ARC transformer): the same augmented prompts, written in
// the model's text format, decoded greedily in batches (constrained to grids when asked), mapped
// back through each inverse transform, then voting or product-of-experts rescoring.
import { symmetry } from '../../../arc/transforms'
import { makeGrid } from '../../../arc/grid'
import { MAX_GRID_SIDE, type Task } from '../../../arc/types'
import type { ExperimentConfig } from '../../../experiment/config'
import { hostTensor } from '../../../runtime/host-tensor'
import type { TextFormat } from '../../../tokenizer/hf-text-format'
import { distinctCandidates, type Candidate } from '../../../ttt/predict/candidates'
import type { OutputPrediction } from '../../../ttt/predict/predict-output'
import { buildInferencePrompts, type InferencePrompt } from '../../../ttt/prompts'
import { vote, type PredictionRecord } from '../../../ttt/voting'
import { hfBucketFor } from '../config'
import { hfGreedyDecode, tokenMatrix } from '../greedy'
import type { HfModelSessions } from '../sessions'

/** Prompts of one test input whose text-format tokens, plus room for an answer like the demonstrations', fit the context. */
export function fittingHfPrompts(
  task: Task,
  testIndex: number,
  sessions: HfModelSessions,
  format: TextFormat,
  config: ExperimentConfig,
  seed: number
) {
  const limit = Math.min(config.data.maxTokens, sessions.config.contextBuckets.at(-1)!)
  // Prompts are built without the compact-token limit; the text format's own length decides.
  const set = buildInferencePrompts(task, testIndex, {
    seed,
    maxTokens: Number.MAX_SAFE_INTEGER,
    augment: config.inference.augment,
    allSymmetries: config.inference.allSymmetries
  })
  const encoded = set.prompts.map((prompt) => ({ prompt, ids: format.prompt(prompt.demonstrations, prompt.testInput) }))
  const fits = encoded.filter(
    ({ prompt, ids }) => ids.length + Math.max(...prompt.demonstrations.map((d) => format.answer(d.output).length), 1) <= limit
  )
  return fits.length > 0
    ? { prompts: fits }
    : { prompts: fits, reason: set.reason ?? `no prompt fits the ${limit}-token context in the ${format.name} format` }
}

/**
 * `inference.maxNewTokens` counts compact tokens, in which a side-s square grid takes s(s + 1) + 1
 * (931 for 30x30); the text format gets room for the same largest grid in its own tokens.
 */
export function textTokenCap(format: TextFormat, compactCap: number): number {
  const side = Math.min(MAX_GRID_SIDE, Math.max(1, Math.floor((Math.sqrt(4 * compactCap - 3) - 1) / 2)))
  return format.answer(makeGrid(Array.from({ length: side }, () => new Array<number>(side).fill(0)))).length
}

export async function predictHfOutput(
  task: Task,
  testIndex: number,
  sessions: HfModelSessions,
  format: TextFormat,
  config: ExperimentConfig,
  seed: number,
  padToken: number
): Promise<OutputPrediction> {
  const { prompts, reason } = fittingHfPrompts(task, testIndex, sessions, format, config, seed)
  if (prompts.length === 0) return { testIndex, attempts: [], candidates: [], prompts: 0, undecodable: {}, ...(reason ? { reason } : {}) }
  const records: PredictionRecord[] = []
  const undecodable: Record<string, number> = {}
  const batch = config.inference.batchSize
  for (let i = 0; i < prompts.length; i += batch) {
    const chunk = prompts.slice(i, i + batch)
    const constraints = chunk.map(() => (config.inference.constrained ? format.constraint() : undefined))
    const outputs = await hfGreedyDecode(
      sessions,
      chunk.map((p) => p.ids),
      { maxNewTokens: textTokenCap(format, config.inference.maxNewTokens), stopTokens: format.stopTokens, padToken, constraints }
    )
    outputs.forEach((ids, k) => {
      const prompt = chunk[k]!.prompt
      const decoded = format.parse(ids)
      if (decoded.ok)
        records.push({ prediction: symmetry(prompt.inverse).apply(decoded.grid), transform: prompt.transform, promptId: prompt.id })
      else undecodable[decoded.reason] = (undecodable[decoded.reason] ?? 0) + 1
    })
  }
  const candidates = distinctCandidates(records)
  if (config.vote.method === 'product-of-experts') {
    const ranked =
      candidates.length > 0
        ? await rescoreHf(
            candidates,
            prompts.map((p) => p.prompt),
            config.vote.poeViews,
            sessions,
            format,
            batch,
            padToken
          )
        : []
    return { testIndex, attempts: ranked.slice(0, 2).map((c) => c.grid), candidates, prompts: prompts.length, undecodable }
  }
  const voting = vote(records, config.vote.method)
  return { testIndex, attempts: voting.attempts.map((a) => a.grid), candidates, prompts: prompts.length, undecodable, voting }
}

/** Product-of-experts: each candidate's summed NLL of its answer tokens over up to `views` prompts; best first. */
export async function rescoreHf(
  candidates: Candidate[],
  prompts: readonly InferencePrompt[],
  views: number,
  sessions: HfModelSessions,
  format: TextFormat,
  batchSize: number,
  padToken: number
): Promise<Candidate[]> {
  const jobs = candidates.flatMap((candidate, c) =>
    prompts.slice(0, views).map((prompt) => {
      const promptIds = format.prompt(prompt.demonstrations, prompt.testInput)
      return {
        candidate: c,
        ids: [...promptIds, ...format.answer(symmetry(prompt.transform).apply(candidate.grid))],
        promptLength: promptIds.length
      }
    })
  )
  const totals = new Float64Array(candidates.length)
  const fits = jobs.filter((j) => hfBucketFor(sessions.config, j.ids.length) !== undefined)
  for (let i = 0; i < fits.length; i += batchSize) {
    const chunk = fits.slice(i, i + batchSize)
    const t = hfBucketFor(sessions.config, Math.max(...chunk.map((j) => j.ids.length)))!
    const targets = new BigInt64Array(chunk.length * t)
    const mask = new Float32Array(chunk.length * t)
    chunk.forEach((job, b) => {
      for (let p = job.promptLength - 1; p + 1 < job.ids.length; p++) {
        targets[b * t + p] = BigInt(job.ids[p + 1]!)
        mask[b * t + p] = 1
      }
    })
    const feeds = {
      tokens: tokenMatrix(
        chunk.map((j) => j.ids),
        t,
        padToken
      ),
      targets: hostTensor(targets, [chunk.length, t]),
      target_mask: hostTensor(mask, [chunk.length, t])
    }
    const nll = (await (await sessions.nll(chunk.length, t)).run(sessions.withWeights(feeds))).nll!.data as Float32Array
    chunk.forEach((job, b) => (totals[job.candidate]! += nll[b]!))
  }
  candidates.forEach((candidate, c) => (candidate.score = totals[c]!))
  return [...candidates].sort((a, b) => a.score! - b.score!)
}
