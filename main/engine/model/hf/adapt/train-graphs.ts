// Train-step sessions of one Llama-family config, built on first use per (mode, adapter, batch,
// bucket) and reused across tasks (as ttt/adapt/train-graphs.ts does for the ARC transformer).
import { serializeGraph } from '../../../onnx/serialize'
import { SessionCache, type GraphSession, type RuntimeOptions } from '../../../runtime/session'
import type { OptimizerConfig } from '../../../train/optimizer'
import type { TrainStepSignature } from '../../../train/train-step'
import type { HfModelConfig } from '../config'
import { buildHfTrainStep, type HfLoraConfig } from '../graphs'
import { hfConfigKey } from '../sessions'

export interface HfTrainGraphKey {
  readonly mode: 'lora' | 'full'
  readonly lora: HfLoraConfig
  readonly batch: number
  readonly sequence: number
  readonly optimizer: OptimizerConfig
  readonly maxGradNorm: number
}

export class HfTrainGraphs {
  private readonly cache: SessionCache
  private readonly signatures = new Map<string, TrainStepSignature>()

  constructor(
    readonly config: HfModelConfig,
    runtime: RuntimeOptions = {}
  ) {
    this.cache = new SessionCache(runtime)
  }

  async get(key: HfTrainGraphKey): Promise<{ session: GraphSession; signature: TrainStepSignature }> {
    const id = `${hfConfigKey(this.config)}/${JSON.stringify(key)}`
    const session = await this.cache.get(id, () => {
      const model = buildHfTrainStep(this.config, key)
      this.signatures.set(id, model.signature)
      return serializeGraph(model.graph)
    })
    return { session, signature: this.signatures.get(id)! }
  }

  release(): Promise<void> {
    return this.cache.releaseAll()
  }
}
