// `arc-ttt bench engine` times the workbench's own ARC transformer: its train step is the one
// TTT and pretraining build, and the analytic FLOP count matches the model's parameter table.
import { describe, expect, it } from 'vitest'
import { BENCH_LORA_TARGETS, benchBatch, benchModelConfig, buildBenchTrainStep, trainStepFlops, type BenchShape } from '../../../main/engine/bench/bench-model'
import { runEngineBench } from '../../../main/engine/bench/engine-bench'
import { buildModelTrainStep } from '../../../main/engine/model/graphs'
import { adapterTable } from '../../../main/engine/model/lora'
import { parameterTable } from '../../../main/engine/model/parameters'
import { DEFAULT_ADAMW } from '../../../main/engine/train/optimizer'

const TINY: BenchShape = { channels: 16, layers: 2, heads: 2, mlpRatio: 4, sequence: 8, batch: 2, loraRank: 2 }

const size = (shape: readonly number[]) => shape.reduce((a, d) => a * d, 1)

describe('bench model', () => {
  it('is the ARC transformer train step, node for node', () => {
    const config = benchModelConfig(TINY)
    const real = buildModelTrainStep(config, { batch: 2, sequence: 8, mode: 'full', optimizer: DEFAULT_ADAMW, maxGradNorm: 1 })
    const bench = buildBenchTrainStep(TINY, 'full')
    expect(bench.graph.nodes.map((n) => `${n.op}:${n.name}`)).toEqual(real.graph.nodes.map((n) => `${n.op}:${n.name}`))
    expect(bench.signature.parameters.map((p) => p.name).sort()).toEqual(parameterTable(config).map((p) => p.name).sort())
  })

  it('trains only the TTT default adapters in LoRA mode, with the base weights as graph inputs', () => {
    const config = benchModelConfig(TINY)
    const step = buildBenchTrainStep(TINY, 'lora')
    const lora = { rank: TINY.loraRank, alpha: TINY.loraRank, targets: BENCH_LORA_TARGETS }
    expect(step.signature.parameters.map((p) => p.name).sort()).toEqual(adapterTable(config, lora).map((a) => a.name).sort())
    const inputs = new Set(step.graph.inputs.map((v) => v.name))
    for (const p of parameterTable(config)) expect(inputs.has(p.name), p.name).toBe(true)
    expect(step.graph.initializers.some((i) => i.name.startsWith('blocks.'))).toBe(false)
  })

  it('counts the matrix products of the step', () => {
    const { channels: c, layers: l, sequence: t, batch: b, loraRank: r } = TINY
    const v = benchModelConfig(TINY).vocabSize
    const forward = b * t * (2 * (l * 12 * c * c + c * v) + l * 4 * t * c)
    expect(trainStepFlops(TINY, 'full')).toBe(3 * forward)
    const adapters = l * (2 * c * r + 2 * c * r + (c * r + r * 4 * c) + (4 * c * r + r * c))
    expect(trainStepFlops(TINY, 'lora')).toBe(2 * forward + 6 * b * t * adapters)
  })

  it('feeds every token input inside its embedding table', () => {
    const config = benchModelConfig(TINY)
    const batch = benchBatch(TINY)
    const limits = { tokens: config.vocabSize, rows: config.positionValues, cols: config.positionValues, examples: config.maxExamples, roles: config.roleCount }
    for (const [name, limit] of Object.entries(limits)) {
      expect(batch[name]!.shape).toEqual([2, 8])
      expect(Math.max(...Array.from(batch[name]!.data as BigInt64Array, Number))).toBeLessThan(limit)
    }
    expect(batch.loss_mask!.shape).toEqual([16])
  })

  it('refuses a shape the model cannot take, naming the field', () => {
    expect(() => benchModelConfig({ ...TINY, heads: 3 })).toThrow('channels (16) must be divisible by heads (3)')
  })
})

describe('runEngineBench', () => {
  it('reports finite figures for both steps at a tiny shape', async () => {
    const report = await runEngineBench({ runtime: { intraOpThreads: 1 }, shape: TINY, matmulSize: 32, steps: 2 })
    const config = benchModelConfig(TINY)
    expect(report.trainStep.trainableParameters).toBe(parameterTable(config).reduce((n, p) => n + size(p.shape), 0))
    for (const step of [report.trainStep, report.loraStep]) {
      expect(step.secondsPerStep).toBeGreaterThan(0)
      expect(Number.isFinite(step.finalLoss)).toBe(true)
      expect(step.ratioToPeak).toBeGreaterThan(0)
    }
    expect(report.loraStep.trainableParameters).toBeLessThan(report.trainStep.trainableParameters)
  })
})
