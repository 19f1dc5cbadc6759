// Train-step sessions of one model config, built on first use per (mode, adapter, batch, bucket)
// and reused across tasks: the weights are inputs, so nothing is rebuilt between tasks.
import type { ArcModelConfig } from '../../model/config'
import { buildModelTrainStep, type LoraConfig } from '../../model/graphs'
import { serializeGraph } from '../../onnx/serialize'
import { SessionCache, type GraphSession, type RuntimeOptions } from '../../runtime/session'
import { configKey } from '../../inference/model-sessions'
import type { OptimizerConfig } from '../../train/optimizer'
import type { TrainStepSignature } from '../../train/train-step'

export interface TrainGraph {
  readonly session: GraphSession
  readonly signature: TrainStepSignature
}

export interface TrainGraphKey {
  readonly mode: 'lora' | 'full'
  readonly lora: LoraConfig
  readonly batch: number
  readonly sequence: number
  readonly optimizer: OptimizerConfig
  readonly maxGradNorm: number
}

export class TrainGraphs {
  private readonly cache: SessionCache
  private readonly signatures = new Map<string, TrainStepSignature>()

  constructor(
    readonly config: ArcModelConfig,
    runtime: RuntimeOptions = {}
  ) {
    this.cache = new SessionCache(runtime)
  }

  async get(key: TrainGraphKey): Promise<TrainGraph> {
    const id = `${configKey(this.config)}/${JSON.stringify(key)}`
    const session = await this.cache.get(id, () => {
      const model = buildModelTrainStep(this.config, { ...key, ...(key.mode === 'lora' ? { lora: key.lora } : {}) })
      this.signatures.set(id, model.signature)
      return serializeGraph(model.graph)
    })
    return { session, signature: this.signatures.get(id)! }
  }

  release(): Promise<void> {
    return this.cache.releaseAll()
  }
}
