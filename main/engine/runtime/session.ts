// The one module that imports onnxruntime-node. Sessions are created with explicit options,
// cached per graph key (a graph and its shape bucket), and released when done.
// Note: `session.run` blocks the calling thread for the whole native call, so a UI or server event
// loop never calls it: runs execute in the engine host process (main/host/).
import * as ort from 'onnxruntime-node'
import type { DType, TensorData } from '../onnx/dtype'
import type { HostTensor } from './host-tensor'
import { isExecutionProvider, ProviderUnavailableError, type ExecutionProviderName } from './providers'

export type OptimizationLevel = 'disabled' | 'basic' | 'extended' | 'all'

export interface RuntimeOptions {
  readonly provider?: ExecutionProviderName
  /** Threads for one op; 0 lets onnxruntime choose (all cores). */
  readonly intraOpThreads?: number
  readonly optimizationLevel?: OptimizationLevel
  /**
   * onnxruntime's memory-pattern planning. Off by default: on the transformer train step it made
   * steps ~1.4x slower (2.83 vs 2.05 s, `arc-ttt bench engine` shape, 2-core EPYC; measured with
   * the same graph and feeds), as large activations were re-faulted on every run.
   */
  readonly memoryPattern?: boolean
  /**
   * onnxruntime's CPU memory arena, on by default: a session keeps the peak memory of its runs for
   * the next run. Right for the train step (a few shapes, run hundreds of times); wrong for
   * inference, where every (batch, length) shape gets its own cached session and each kept its
   * peak: a 400-task run reached 10.4 GB after 44 tasks (a batch-8, 2,048-token prefill session
   * alone keeps about 1.6 GB). ModelSessions turns it off for prefill and NLL sessions.
   */
  readonly memoryArena?: boolean
}

const ORT_TYPE: Readonly<Record<DType, ort.Tensor.Type>> = {
  float32: 'float32',
  float64: 'float64',
  int64: 'int64',
  int32: 'int32',
  bool: 'bool'
}

/** The providers this build of onnxruntime-node can load on this platform. */
export function bundledProviders(): string[] {
  return ort.listSupportedBackends().map((b) => b.name)
}

export type HostTensorRecord = Record<string, HostTensor>

/** What a trainer needs of a session: one run of feeds to outputs. */
export interface RunnableSession {
  run(feeds: Readonly<Record<string, HostTensor>>, outputs?: readonly string[]): Promise<HostTensorRecord>
}

export class GraphSession implements RunnableSession {
  private constructor(
    private readonly session: ort.InferenceSession,
    readonly provider: ExecutionProviderName,
    /** Whether this session keeps its peak memory between runs (RuntimeOptions.memoryArena). */
    readonly memoryArena: boolean
  ) {}

  static async create(model: Uint8Array, options: RuntimeOptions = {}): Promise<GraphSession> {
    const provider = options.provider ?? 'cpu'
    if (!isExecutionProvider(provider)) throw new ProviderUnavailableError(provider, 'unknown name')
    if (provider !== 'cpu' && !bundledProviders().includes(provider)) {
      throw new ProviderUnavailableError(
        provider,
        `this onnxruntime-node build on ${process.platform}/${process.arch} offers only ${bundledProviders().join(', ')}`
      )
    }
    const memoryArena = options.memoryArena ?? true
    try {
      const session = await ort.InferenceSession.create(model, {
        executionProviders: [provider],
        intraOpNumThreads: options.intraOpThreads ?? 0,
        interOpNumThreads: 1,
        graphOptimizationLevel: options.optimizationLevel ?? 'all',
        executionMode: 'sequential',
        enableMemPattern: options.memoryPattern ?? false,
        enableCpuMemArena: memoryArena
      })
      return new GraphSession(session, provider, memoryArena)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (provider !== 'cpu') throw new ProviderUnavailableError(provider, message)
      throw error
    }
  }

  get inputNames(): readonly string[] {
    return this.session.inputNames
  }

  get outputNames(): readonly string[] {
    return this.session.outputNames
  }

  /** Runs the graph; returns the requested outputs (all by default) as host tensors. */
  async run(feeds: Readonly<Record<string, HostTensor>>, outputs?: readonly string[]): Promise<Record<string, HostTensor>> {
    const ortFeeds: Record<string, ort.Tensor> = {}
    for (const [name, t] of Object.entries(feeds)) ortFeeds[name] = new ort.Tensor(ORT_TYPE[t.dtype], t.data as never, [...t.shape])
    const results = outputs ? await this.session.run(ortFeeds, [...outputs]) : await this.session.run(ortFeeds)
    const host: Record<string, HostTensor> = {}
    for (const [name, t] of Object.entries(results)) {
      const data = (t.type === 'bool' ? new Uint8Array(t.data as Uint8Array) : t.data) as TensorData
      host[name] = { dtype: t.type === 'float64' ? 'float64' : (t.type as DType), shape: [...t.dims], data }
      t.dispose()
    }
    return host
  }

  async release(): Promise<void> {
    await this.session.release()
  }
}

/** Sessions keyed by graph and shape bucket; `releaseAll` frees their native memory. */
export class SessionCache {
  private readonly sessions = new Map<string, Promise<GraphSession>>()

  constructor(private readonly options: RuntimeOptions = {}) {}

  get(key: string, buildModel: () => Uint8Array): Promise<GraphSession> {
    let session = this.sessions.get(key)
    if (!session) {
      session = GraphSession.create(buildModel(), this.options)
      session.catch(() => this.sessions.delete(key))
      this.sessions.set(key, session)
    }
    return session
  }

  get size(): number {
    return this.sessions.size
  }

  async release(key: string): Promise<void> {
    const session = this.sessions.get(key)
    this.sessions.delete(key)
    if (session) await (await session).release()
  }

  async releaseAll(): Promise<void> {
    const all = [...this.sessions.values()]
    this.sessions.clear()
    await Promise.all(all.map(async (s) => (await s.catch(() => undefined))?.release()))
  }
}
