// `arc-ttt bench engine --model`: speed of a Llama-family model through onnxruntime-node on this
// machine: prefill tokens/s (one sequence), KV-cache decode tokens/s (one sequence), LoRA train-step
// tokens/s (rank 16 on q, v, gate, up, down; AdamW), and the process's peak resident memory. Each
// figure is the median of `repeats` timed runs after one warm-up run.
import { hostTensor } from '../../runtime/host-tensor'
import type { RuntimeOptions } from '../../runtime/session'
import { GraphSession } from '../../runtime/session'
import { serializeGraph } from '../../onnx/serialize'
import { DEFAULT_ADAMW } from '../../train/optimizer'
import { Trainer } from '../../train/trainer'
import { hfBucketFor, type HfModelConfig } from './config'
import { hfGreedyDecode } from './greedy'
import { buildHfTrainStep, type HfLoraConfig } from './graphs'
import { hfAdapterTable, initialHfAdapters } from './lora'
import { hfParameterCount, hfParameterTable } from './parameters'
import { HfModelSessions } from './sessions'

export interface HfBenchOptions {
  readonly config: HfModelConfig
  readonly weights: ReadonlyMap<string, Float32Array>
  readonly runtime: RuntimeOptions
  /** Prompt and training sequence length (a context bucket). */
  readonly sequence: number
  readonly decodeTokens: number
  readonly repeats: number
  readonly onProgress?: (message: string) => void
}

export interface HfBenchReport {
  readonly architecture: string
  readonly parameters: number
  readonly sequence: number
  readonly threads: number
  readonly prefillTokensPerSecond: number
  /** null when the decode steps took less time than the timer could tell from noise (a tiny model). */
  readonly decodeTokensPerSecond: number | null
  readonly loraTrainTokensPerSecond: number
  readonly peakRssMb: number
  /**
   * CPU seconds (all threads) per timed run: on a shared machine the wall-clock figures include
   * waiting for other processes, and CPU seconds / threads bounds what an idle machine would take.
   */
  readonly cpuSeconds: { readonly prefill: number; readonly decode: number; readonly loraTrainStep: number }
}

/** Weights of the config's shapes: uniform with the standard deviation 0.02 for matrices, ones for norms. */
export function randomHfWeights(config: HfModelConfig, seed: number): Map<string, Float32Array> {
  let state = seed >>> 0 || 1
  const bound = 0.02 * Math.sqrt(3)
  const weights = new Map<string, Float32Array>()
  for (const spec of hfParameterTable(config)) {
    const data = new Float32Array(spec.shape.reduce((a, d) => a * d, 1))
    if (spec.shape.length === 1) data.fill(spec.name.endsWith('bias') ? 0 : 1)
    else {
      for (let i = 0; i < data.length; i++) {
        state ^= state << 13
        state ^= state >>> 17
        state ^= state << 5
        data[i] = ((state >>> 0) / 4294967296 - 0.5) * 2 * bound
      }
    }
    weights.set(spec.name, data)
  }
  return weights
}

/** CPU seconds (all threads) spent in the timed runs, kept for `cpuSeconds` in the report. */
const cpuSpent: Record<string, number> = {}

/** Median wall seconds of `repeats` runs after a warm-up; their mean CPU seconds go to cpuSpent[label]. */
async function medianSeconds(label: string, repeats: number, run: () => Promise<unknown>): Promise<number> {
  await run() // warm-up: the first run allocates
  const times: number[] = []
  const cpu = process.cpuUsage()
  for (let i = 0; i < repeats; i++) {
    const start = performance.now()
    await run()
    times.push((performance.now() - start) / 1000)
  }
  const used = process.cpuUsage(cpu)
  cpuSpent[label] = (used.user + used.system) / 1e6 / repeats
  return times.sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)]!
}

export async function runHfModelBench(options: HfBenchOptions): Promise<HfBenchReport> {
  const { config, weights, runtime, sequence: t, repeats } = options
  if (hfBucketFor(config, t) !== t)
    throw new RangeError(`sequence ${t} must be one of the context buckets ${config.contextBuckets.join(', ')}`)
  const progress = options.onProgress ?? (() => undefined)
  const tokens = Array.from({ length: t }, (_, i) => (i * 7919 + 11) % config.vocabSize)
  const sessions = new HfModelSessions(config, weights, runtime)
  progress(`prefill of ${t} tokens`)
  const forward = await sessions.forward(1, t)
  const feeds = sessions.withWeights({ tokens: hostTensor(BigInt64Array.from(tokens, BigInt), [1, t]) })
  const prefill = await medianSeconds('prefill', repeats, () => forward.run(feeds))
  progress(`decoding ${options.decodeTokens} tokens after a ${t / 2}-token prompt`)
  const prompt = tokens.slice(0, t / 2)
  const generate = (newTokens: number) => () => hfGreedyDecode(sessions, [prompt], { maxNewTokens: newTokens, stopTokens: [], padToken: 0 })
  // One new token is the prefill alone; each further token is one decode step.
  const generation = await medianSeconds('generation', repeats, generate(options.decodeTokens + 1))
  const promptPrefill = await medianSeconds('promptPrefill', repeats, generate(1))
  await sessions.release()
  progress(`LoRA r16 train step on ${t} tokens`)
  const lora: HfLoraConfig = { rank: 16, alpha: 32, targets: ['q_proj', 'v_proj', 'gate_proj', 'up_proj', 'down_proj'] }
  const step = buildHfTrainStep(config, { batch: 1, sequence: t, mode: 'lora', lora, optimizer: DEFAULT_ADAMW, maxGradNorm: 1 })
  const session = await GraphSession.create(serializeGraph(step.graph), runtime)
  const adapters = initialHfAdapters(config, lora, 1)
  const initial = new Map(hfAdapterTable(config, lora).map((a) => [a.name, hostTensor(adapters.get(a.name)!, a.shape)]))
  const fixed = Object.fromEntries(hfParameterTable(config).map((p) => [p.name, hostTensor(weights.get(p.name)!, p.shape)]))
  const trainer = new Trainer(session, step.signature, initial, fixed)
  const batch = {
    tokens: hostTensor(BigInt64Array.from(tokens, BigInt), [1, t]),
    targets: hostTensor(BigInt64Array.from(tokens.slice(1).concat([0]), BigInt), [t]),
    loss_mask: hostTensor(new Float32Array(t).fill(1), [t])
  }
  const train = await medianSeconds('train', repeats, () => trainer.step(batch, 1e-4))
  await session.release()
  return {
    architecture: config.architecture,
    parameters: hfParameterCount(config),
    sequence: t,
    threads: runtime.intraOpThreads ?? 0,
    prefillTokensPerSecond: t / prefill,
    decodeTokensPerSecond: generation > promptPrefill ? options.decodeTokens / (generation - promptPrefill) : null,
    loraTrainTokensPerSecond: t / train,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    cpuSeconds: { prefill: cpuSpent.prefill!, decode: cpuSpent.generation! - cpuSpent.promptPrefill!, loraTrainStep: cpuSpent.train! }
  }
}
