// `arc-ttt bench engine`: this machine's practical MatMul peak through onnxruntime-node, and the
// cost of the ARC transformer's train step at the benchmark shape (all weights vs LoRA only).
import { initialAdapters } from '../model/lora'
import { initialWeights, parameterTable } from '../model/parameters'
import { Graph } from '../onnx/graph'
import * as op from '../onnx/ops'
import { serializeGraph } from '../onnx/serialize'
import { hostTensor, type HostTensor } from '../runtime/host-tensor'
import { GraphSession, type RuntimeOptions } from '../runtime/session'
import { createRng } from '../random'
import type { TrainStepModel } from '../train/train-step'
import { Trainer } from '../train/trainer'
import {
  BENCH_SHAPE,
  benchBatch,
  benchLora,
  benchModelConfig,
  buildBenchTrainStep,
  trainStepFlops,
  type BenchMode,
  type BenchShape
} from './bench-model'

export interface StepFigures {
  readonly secondsPerStep: number
  readonly tokensPerSecond: number
  readonly modelGflop: number
  readonly achievedGflops: number
  readonly ratioToPeak: number
  readonly trainableParameters: number
  readonly finalLoss: number
}

export interface EngineBenchReport {
  readonly provider: string
  readonly threads: number
  readonly shape: BenchShape
  readonly matmulSize: number
  readonly matmulPeakGflops: number
  readonly trainStep: StepFigures
  readonly loraStep: StepFigures
  readonly peakRssMb: number
}

export interface EngineBenchOptions {
  readonly runtime: RuntimeOptions
  readonly shape?: BenchShape
  readonly matmulSize?: number
  readonly steps?: number
  readonly onProgress?: (message: string) => void
}

const now = (): number => performance.now() / 1000

async function matmulPeak(size: number, runtime: RuntimeOptions, repeats = 5): Promise<number> {
  const g = new Graph('matmul-peak')
  g.output(op.MatMul(g.input('a', 'float32', [size, size]), g.input('b', 'float32', [size, size]), 'c'))
  const session = await GraphSession.create(serializeGraph(g), runtime)
  const rng = createRng(3)
  const a = hostTensor(
    Float32Array.from({ length: size * size }, () => rng.next()),
    [size, size]
  )
  await session.run({ a, b: a }) // warm-up
  let best = Infinity
  for (let i = 0; i < repeats; i++) {
    const start = now()
    await session.run({ a, b: a })
    best = Math.min(best, now() - start)
  }
  await session.release()
  return (2 * size ** 3) / best / 1e9
}

/** A trainer over the bench model's seeded weights: LoRA mode trains adapters on fixed base weights. */
function benchTrainer(shape: BenchShape, mode: BenchMode, session: GraphSession, model: TrainStepModel): Trainer {
  const config = benchModelConfig(shape)
  const tensors = (values: ReadonlyMap<string, Float32Array>, specs: readonly { name: string; shape: readonly number[] }[]) =>
    new Map<string, HostTensor>(specs.map((s) => [s.name, hostTensor(values.get(s.name)!, s.shape)]))
  const base = initialWeights(config, 7)
  if (mode === 'full') return new Trainer(session, model.signature, tensors(base, model.signature.parameters))
  const adapters = initialAdapters(config, benchLora(shape), 7)
  return new Trainer(
    session,
    model.signature,
    tensors(adapters, model.signature.parameters),
    Object.fromEntries(tensors(base, parameterTable(config)))
  )
}

async function stepFigures(
  shape: BenchShape,
  mode: BenchMode,
  runtime: RuntimeOptions,
  steps: number
): Promise<Omit<StepFigures, 'ratioToPeak'>> {
  const model = buildBenchTrainStep(shape, mode)
  const session = await GraphSession.create(serializeGraph(model.graph), runtime)
  const trainer = benchTrainer(shape, mode, session, model)
  const tokensCount = shape.batch * shape.sequence
  const batch = benchBatch(shape)
  await trainer.step(batch, 1e-4) // warm-up: first run allocates
  const times: number[] = []
  let loss = 0
  for (let i = 0; i < steps; i++) {
    const start = now()
    loss = (await trainer.step(batch, 1e-4)).loss
    times.push(now() - start)
  }
  // The median step: robust to a step slowed by another process on a shared machine.
  const secondsPerStep = times.sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)]!
  await session.release()
  const flops = trainStepFlops(shape, mode)
  const achievedGflops = flops / secondsPerStep / 1e9
  return {
    secondsPerStep,
    tokensPerSecond: tokensCount / secondsPerStep,
    modelGflop: flops / 1e9,
    achievedGflops,
    trainableParameters: model.signature.parameters.reduce((n, p) => n + p.shape.reduce((a, d) => a * d, 1), 0),
    finalLoss: loss
  }
}

export async function runEngineBench(options: EngineBenchOptions): Promise<EngineBenchReport> {
  const shape = options.shape ?? BENCH_SHAPE
  const matmulSize = options.matmulSize ?? 2048
  const steps = options.steps ?? 5
  const say = options.onProgress ?? (() => undefined)
  // The peak is measured before and after the train steps and the higher one kept, so a slow
  // spell of a shared machine during one measurement cannot inflate the ratios.
  say(`MatMul ${matmulSize}^3 peak...`)
  const peakBefore = await matmulPeak(matmulSize, options.runtime)
  say(`full train step (${steps} steps after a warm-up)...`)
  const full = await stepFigures(shape, 'full', options.runtime, steps)
  say(`LoRA-only train step (${steps} steps after a warm-up)...`)
  const lora = await stepFigures(shape, 'lora', options.runtime, steps)
  say(`MatMul ${matmulSize}^3 peak again...`)
  const matmulPeakGflops = Math.max(peakBefore, await matmulPeak(matmulSize, options.runtime))
  const withRatio = (s: Omit<StepFigures, 'ratioToPeak'>): StepFigures => ({ ...s, ratioToPeak: s.achievedGflops / matmulPeakGflops })
  const trainStep = withRatio(full)
  const loraStep = withRatio(lora)
  return {
    provider: options.runtime.provider ?? 'cpu',
    threads: options.runtime.intraOpThreads ?? 0,
    shape,
    matmulSize,
    matmulPeakGflops,
    trainStep,
    loraStep,
    peakRssMb: process.resourceUsage().maxRSS / 1024
  }
}
