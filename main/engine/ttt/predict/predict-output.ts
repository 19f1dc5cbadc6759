// Augmented inference for one test input (recipe sections 6-7): build the prompts, decode them
// greedily in batches, map each prediction back through its inverse transform, and choose two
// attempts by voting or by product-of-experts rescoring.
import { symmetry } from '../../arc/transforms'
import type { Grid, Task } from '../../arc/types'
import { bucketFor } from '../../model/config'
import { greedyDecode } from '../../inference/greedy'
import type { ModelSessions } from '../../inference/model-sessions'
import { encodeExamples } from '../../tokenizer/encode'
import type { ExperimentConfig } from '../../experiment/config'
import { buildInferencePrompts, type InferencePrompt } from '../prompts'
import { vote, type PredictionRecord, type VotingResult } from '../voting'
import { distinctCandidates, type Candidate } from './candidates'
import { rescoreByProductOfExperts } from './product-of-experts'

export interface OutputPrediction {
  readonly testIndex: number
  /** Up to two distinct attempts, best first. */
  readonly attempts: Grid[]
  readonly candidates: Candidate[]
  readonly prompts: number
  /** Predictions that did not decode to a grid, by reason. */
  readonly undecodable: Record<string, number>
  readonly voting?: VotingResult
  /** Why there is no prediction, when there is none. */
  readonly reason?: string
}

/** The augmented prompts of one test input that fit the model's context, or why there are none. */
export function fittingPrompts(
  task: Task,
  testIndex: number,
  sessions: ModelSessions,
  config: ExperimentConfig,
  seed: number
): { prompts: InferencePrompt[]; reason?: string } {
  const model = sessions.config
  const maxTokens = Math.min(config.data.maxTokens, model.contextBuckets.at(-1)!)
  const set = buildInferencePrompts(task, testIndex, {
    seed,
    maxTokens,
    augment: config.inference.augment,
    allSymmetries: config.inference.allSymmetries
  })
  const prompts = set.prompts.filter((p) => bucketFor(model, p.tokens) !== undefined)
  return prompts.length > 0 ? { prompts } : { prompts, reason: set.reason ?? `no prompt fits the ${maxTokens}-token context` }
}

export async function predictOutput(
  task: Task,
  testIndex: number,
  sessions: ModelSessions,
  config: ExperimentConfig,
  seed: number
): Promise<OutputPrediction> {
  const { prompts, reason } = fittingPrompts(task, testIndex, sessions, config, seed)
  if (prompts.length === 0) return { testIndex, attempts: [], candidates: [], prompts: 0, undecodable: {}, ...(reason ? { reason } : {}) }
  const records: PredictionRecord[] = []
  const undecodable: Record<string, number> = {}
  const batch = config.inference.batchSize
  for (let i = 0; i < prompts.length; i += batch) {
    const chunk = prompts.slice(i, i + batch)
    const encoded = chunk.map((p) => encodeExamples([...p.demonstrations, { input: p.testInput }]))
    const generations = await greedyDecode(sessions, encoded, {
      maxNewTokens: config.inference.maxNewTokens,
      constrained: config.inference.constrained
    })
    generations.forEach((g, k) => {
      const prompt = chunk[k]!
      if (g.decoded.ok)
        records.push({ prediction: symmetry(prompt.inverse).apply(g.decoded.grid), transform: prompt.transform, promptId: prompt.id })
      else undecodable[g.decoded.reason] = (undecodable[g.decoded.reason] ?? 0) + 1
    })
  }
  const candidates = distinctCandidates(records)
  if (config.vote.method === 'product-of-experts') {
    const ranked = candidates.length > 0 ? await rescoreByProductOfExperts(candidates, prompts, config.vote.poeViews, sessions, batch) : []
    return { testIndex, attempts: ranked.slice(0, 2).map((c) => c.grid), candidates, prompts: prompts.length, undecodable }
  }
  const voting = vote(records, config.vote.method)
  return { testIndex, attempts: voting.attempts.map((a) => a.grid), candidates, prompts: prompts.length, undecodable, voting }
}
