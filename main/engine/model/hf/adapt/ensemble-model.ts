// A Llama-family model in a `solver=ensemble` run (experiment/ensemble-task-run.ts): per-task
// training as its TTT runs do, augmented inference in its text format, and product-of-experts scores
// of the pooled candidates (search answers and TTT candidates) under the adapted weights.
import { promptSeed, unscoredCandidates, type EnsembleModel } from '../../../experiment/ensemble-task-run'
import { fittingHfPrompts, predictHfOutput, rescoreHf } from './predict'
import { adaptHfToTask, type HfTaskRunContext } from './task-run'

export function hfEnsembleModel(context: HfTaskRunContext): EnsembleModel {
  const { config, sessions, format, padToken } = context
  return {
    async adapt(task, timings) {
      const adaptation = await adaptHfToTask(task, context, timings)
      sessions.setWeights(adaptation.weights)
      return adaptation
    },
    predict: (task, testIndex) => predictHfOutput(task, testIndex, sessions, format, config, promptSeed(config, task, testIndex), padToken),
    async score(task, testIndex, grids) {
      const { prompts } = fittingHfPrompts(task, testIndex, sessions, format, config, promptSeed(config, task, testIndex))
      if (prompts.length === 0) return null
      const candidates = unscoredCandidates(grids)
      const views = prompts.map((p) => p.prompt)
      await rescoreHf(candidates, views, config.vote.poeViews, sessions, format, config.inference.batchSize, padToken)
      return candidates.map((c) => c.score!)
    }
  }
}
