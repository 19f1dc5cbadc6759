// Sessions of one Llama-family config's graphs, built on first use per shape and cached, with the
// current weights fed by name on every run (as inference/model-sessions.ts does for the ARC
// transformer): swapping weights (base, merged adapter) rebuilds nothing.
import { createHash } from 'node:crypto'
import type { Graph } from '../../onnx/graph'
import { serializeGraph } from '../../onnx/serialize'
import { hostTensor, type HostTensor } from '../../runtime/host-tensor'
import { SessionCache, type GraphSession, type RuntimeOptions } from '../../runtime/session'
import type { HfModelConfig } from './config'
import { buildHfDecodeStepGraph, buildHfForwardGraph, buildHfNllGraph, buildHfPrefillGraph, type HfPrecision } from './graphs'
import { hfParameterTable } from './parameters'

export function hfConfigKey(config: HfModelConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16)
}

/**
 * Session options for a graph built in `precision`: one of onnxruntime's extended fusions
 * (QuickGelu, fused from z * sigmoid(z)) has a float32 CPU kernel only, so float64 graphs run with
 * basic optimizations (and on the CPU provider, which has the double kernels).
 */
export function hfRuntimeOptions(precision: HfPrecision, runtime: RuntimeOptions = {}): RuntimeOptions {
  return precision === 'float64' ? { ...runtime, optimizationLevel: 'basic' } : runtime
}

export class HfModelSessions {
  private readonly cache: SessionCache
  private readonly decodeCache: SessionCache
  private readonly key: string
  private weightFeeds: Record<string, HostTensor> = {}

  constructor(
    readonly config: HfModelConfig,
    weights: ReadonlyMap<string, Float32Array>,
    readonly runtime: RuntimeOptions = {}
  ) {
    this.cache = new SessionCache({ ...runtime, memoryArena: runtime.memoryArena ?? false })
    this.decodeCache = new SessionCache({ ...runtime, memoryArena: runtime.memoryArena ?? true })
    this.key = hfConfigKey(config)
    this.setWeights(weights)
  }

  setWeights(weights: ReadonlyMap<string, Float32Array>): void {
    this.weightFeeds = Object.fromEntries(
      hfParameterTable(this.config).map((p) => {
        const data = weights.get(p.name)
        if (!data) throw new Error(`HfModelSessions: no weight ${p.name}`)
        return [p.name, hostTensor(data, p.shape)]
      })
    )
  }

  withWeights(feeds: Record<string, HostTensor>): Record<string, HostTensor> {
    return { ...this.weightFeeds, ...feeds }
  }

  private session(kind: string, build: () => Graph, cache = this.cache): Promise<GraphSession> {
    return cache.get(`${this.key}/${kind}`, () => serializeGraph(build()))
  }

  forward(batch: number, sequence: number): Promise<GraphSession> {
    return this.session(`forward-b${batch}-t${sequence}`, () => buildHfForwardGraph(this.config, batch, sequence))
  }

  /** Logits at each sequence's last prompt token only, and the key/value cache. */
  prefill(batch: number, sequence: number): Promise<GraphSession> {
    return this.session(`prefill-b${batch}-t${sequence}`, () => buildHfPrefillGraph(this.config, batch, sequence))
  }

  decodeStep(batch: number, slots: number): Promise<GraphSession> {
    return this.session(`decode-b${batch}-s${slots}`, () => buildHfDecodeStepGraph(this.config, batch, slots), this.decodeCache)
  }

  nll(batch: number, sequence: number): Promise<GraphSession> {
    return this.session(`nll-b${batch}-t${sequence}`, () => buildHfNllGraph(this.config, batch, sequence))
  }

  async release(): Promise<void> {
    await Promise.all([this.cache.releaseAll(), this.decodeCache.releaseAll()])
  }
}
