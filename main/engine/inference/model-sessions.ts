// Sessions of one model config's graphs, built on first use per shape and cached, with the
// current weights fed by name on every run. Weights are swapped (base, merged adapter) without
// rebuilding any session, because every graph takes them as inputs. Full-sequence sessions (prefill,
// NLL) run without a memory arena unless asked for (RuntimeOptions.memoryArena): there is one per
// (batch, length) shape, and with an arena each would keep its largest run's memory, up to 1.6 GB,
// for the rest of the run. Decode-step sessions keep theirs: their runs are small and many.
import { createHash } from 'node:crypto'
import type { Graph } from '../onnx/graph'
import { serializeGraph } from '../onnx/serialize'
import { hostTensor, type HostTensor } from '../runtime/host-tensor'
import { SessionCache, type GraphSession, type RuntimeOptions } from '../runtime/session'
import type { ArcModelConfig } from '../model/config'
import { buildDecodeStepGraph, buildForwardGraph, buildNllGraph } from '../model/graphs'
import { parameterTable, type Weights } from '../model/parameters'

export function configKey(config: ArcModelConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16)
}

export class ModelSessions {
  /** Prefill and NLL sessions. */
  private readonly cache: SessionCache
  private readonly decodeCache: SessionCache
  private readonly key: string
  private weightFeeds: Record<string, HostTensor> = {}

  constructor(
    readonly config: ArcModelConfig,
    weights: Weights,
    readonly runtime: RuntimeOptions = {}
  ) {
    this.cache = new SessionCache({ ...runtime, memoryArena: runtime.memoryArena ?? false })
    this.decodeCache = new SessionCache({ ...runtime, memoryArena: runtime.memoryArena ?? true })
    this.key = configKey(config)
    this.setWeights(weights)
  }

  setWeights(weights: Weights): void {
    this.weightFeeds = Object.fromEntries(parameterTable(this.config).map((p) => [p.name, hostTensor(weights.get(p.name)!, p.shape)]))
  }

  /** Feeds with the current weights added. */
  withWeights(feeds: Record<string, HostTensor>): Record<string, HostTensor> {
    return { ...this.weightFeeds, ...feeds }
  }

  private session(kind: string, build: () => Graph, cache = this.cache): Promise<GraphSession> {
    return cache.get(`${this.key}/${kind}`, () => serializeGraph(build()))
  }

  forward(batch: number, sequence: number): Promise<GraphSession> {
    return this.session(`forward-b${batch}-t${sequence}`, () => buildForwardGraph(this.config, batch, sequence))
  }

  decodeStep(batch: number, slots: number): Promise<GraphSession> {
    return this.session(`decode-b${batch}-s${slots}`, () => buildDecodeStepGraph(this.config, batch, slots), this.decodeCache)
  }

  nll(batch: number, sequence: number): Promise<GraphSession> {
    return this.session(`nll-b${batch}-t${sequence}`, () => buildNllGraph(this.config, batch, sequence))
  }

  async release(): Promise<void> {
    await Promise.all([this.cache.releaseAll(), this.decodeCache.releaseAll()])
  }
}
