// Test-time training of the tiny Llama on a bundled task through the marc text format: a few LoRA
// steps on the task's leave-one-out data, then constrained augmented inference, giving the same
// result record the ARC transformer's task run gives.
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDataset } from '../../../main/engine/arc/load'
import { resolveConfig } from '../../../main/engine/experiment/config'
import { hfTttExamples, runHfTask } from '../../../main/engine/model/hf/adapt/task-run'
import { HfTrainGraphs } from '../../../main/engine/model/hf/adapt/train-graphs'
import { loadHfModel } from '../../../main/engine/model/hf/model-folder'
import { HfModelSessions } from '../../../main/engine/model/hf/sessions'
import { textFormat } from '../../../main/engine/tokenizer/hf-text-format'
import { HfTokenizer } from '../../../main/engine/tokenizer/hf-tokenizer'
import type { StepMetrics } from '../../../main/engine/ttt/adapt/train-on-examples'
import { fixtureDir } from './fixtures'

const model = loadHfModel(fixtureDir('llama-gqa'))
const tokenizer = HfTokenizer.load(model.tokenizerFile!)
const format = textFormat('marc', tokenizer)
const sessions = new HfModelSessions(model.config, model.weights)
const trainGraphs = new HfTrainGraphs(model.config)
afterAll(async () => Promise.all([sessions.release(), trainGraphs.release()]))

describe('TTT with the tiny Llama', () => {
  const overrides = { 'ttt.maxSteps': 3, 'ttt.batchSize': 1, 'ttt.loraRank': 4, 'ttt.learningRate': 1e-3 }
  const config = resolveConfig('ttt', { ...overrides, 'inference.augment': false, 'inference.maxNewTokens': 120 })
  const sampleTask = async () => {
    const dataset = await loadDataset(join(__dirname, '../../../resources/sample-tasks'))
    return dataset.entries.find((e) => e.id === 'flip-horizontal')!.task!
  }

  it('builds marc-format TTT examples whose targets are outputs', async () => {
    const task = await sampleTask()
    const examples = hfTttExamples(task, config, format, 8192, 1)
    expect(examples.length).toBeGreaterThan(3)
    for (const e of examples) {
      expect(e.lossMask.length).toBe(e.ids.length)
      // Targets: grids (digits, spaces, brackets), their # ends, and the assistant header and end.
      const targets = tokenizer.decode(e.ids.filter((_, i) => e.lossMask[i] === 1))
      expect(targets).toMatch(/^ \[\[[0-9 [\]\n#]+<\|start_header_id\|>assistant<\|end_header_id\|>\n\n\[\[[0-9 [\]\n]+\]\]#<\|eot_id\|>$/)
    }
  })

  it('trains a few LoRA steps and predicts through the text format', async () => {
    const task = await sampleTask()
    const steps: StepMetrics[] = []
    const phases: string[] = []
    const { result, adapters } = await runHfTask(task, {
      config,
      model,
      format,
      padToken: 0,
      baseWeights: model.weights,
      sessions,
      trainGraphs,
      onPhase: (phase) => phases.push(phase),
      onStep: (m) => steps.push(m)
    })
    expect(phases).toEqual(['ttt-data', 'ttt', 'inference'])
    expect(steps.map((s) => s.step)).toEqual([1, 2, 3])
    expect(steps.every((s) => Number.isFinite(s.loss) && s.loss > 0)).toBe(true)
    expect(result).toMatchObject({ taskId: 'flip-horizontal', status: 'done', tttSteps: 3 })
    expect(result.outputs).toHaveLength(1)
    const b = [...adapters!].filter(([name]) => name.endsWith('lora_B.weight'))
    expect(b.some(([, data]) => data.some((x) => x !== 0))).toBe(true) // the adapter moved off its B = 0 start
  })
})
