// Host side of training with a train-step model: keeps parameters and optimizer state between
// steps and feeds them back in, one session run per step.
import { allocate } from '../onnx/dtype'
import { sizeOf } from '../onnx/shape'
import { hostTensor, type HostTensor } from '../runtime/host-tensor'
import type { RunnableSession } from '../runtime/session'
import type { TrainStepSignature } from './train-step'

export interface StepResult {
  readonly step: number
  readonly loss: number
  readonly gradNorm: number
}

export class Trainer {
  private readonly tensors = new Map<string, HostTensor>()
  private stepCount = 0

  constructor(
    private session: RunnableSession,
    private signature: TrainStepSignature,
    initialParameters: ReadonlyMap<string, HostTensor>,
    /** Inputs fed unchanged on every step (frozen base weights given as inputs). */
    private readonly fixedFeeds: Readonly<Record<string, HostTensor>> = {},
    /** Optimizer state and step count to continue from (a resumed checkpoint); zeros and 0 when absent. */
    resume?: { readonly state: ReadonlyMap<string, HostTensor>; readonly steps: number }
  ) {
    for (const p of signature.parameters) {
      const value = initialParameters.get(p.name)
      if (!value) throw new Error(`Trainer: no initial value for parameter ${p.name}`)
      if (value.dtype !== p.dtype || sizeOf(value.shape) !== sizeOf(p.shape))
        throw new Error(`Trainer: parameter ${p.name} must be ${p.dtype}[${p.shape}]`)
      this.tensors.set(p.name, value)
    }
    for (const s of signature.state) {
      const saved = resume?.state.get(s.name)
      if (resume && (!saved || saved.dtype !== s.dtype || sizeOf(saved.shape) !== sizeOf(s.shape)))
        throw new Error(`Trainer: resumed optimizer state ${s.name} must be ${s.dtype}[${s.shape}]`)
      this.tensors.set(s.name, saved ?? hostTensor(allocate(s.dtype, sizeOf(s.shape)), s.shape))
    }
    this.stepCount = resume?.steps ?? 0
  }

  /** The optimizer state (AdamW m and v per parameter), by state input name, for a checkpoint. */
  optimizerState(): Map<string, HostTensor> {
    return new Map(this.signature.state.map((s) => [s.name, this.tensors.get(s.name)!]))
  }

  /**
   * Continues with another graph of the same parameters (another sequence bucket or batch size),
   * keeping parameters, optimizer state and the step count.
   */
  switchTo(session: RunnableSession, signature: TrainStepSignature): void {
    const names = (sig: TrainStepSignature) => [...sig.parameters, ...sig.state].map((p) => `${p.name}:${p.shape}`).join('|')
    if (names(signature) !== names(this.signature))
      throw new Error('Trainer.switchTo: the new graph has different parameters or optimizer state')
    this.session = session
    this.signature = signature
  }

  get steps(): number {
    return this.stepCount
  }

  parameter(name: string): HostTensor {
    const t = this.tensors.get(name)
    if (!t) throw new Error(`Trainer: unknown parameter ${name}`)
    return t
  }

  parameters(): Map<string, HostTensor> {
    return new Map(this.signature.parameters.map((p) => [p.name, this.parameter(p.name)]))
  }

  /** One optimizer step on `batch` with learning rate `learningRate`. */
  async step(batch: Readonly<Record<string, HostTensor>>, learningRate: number): Promise<StepResult> {
    const dtype = this.signature.parameters[0]!.dtype
    const scalar = (v: number) => {
      const data = allocate(dtype, 1) as Float32Array | Float64Array
      data[0] = v
      return hostTensor(data, [])
    }
    const t = this.stepCount + 1
    const feeds: Record<string, HostTensor> = {
      ...this.fixedFeeds,
      ...batch,
      [this.signature.step]: scalar(t),
      [this.signature.learningRate]: scalar(learningRate)
    }
    for (const [name, tensor] of this.tensors) feeds[name] = tensor
    const out = await this.session.run(feeds)
    for (const [input, output] of Object.entries(this.signature.updated)) this.tensors.set(input, out[output]!)
    this.stepCount = t
    return { step: t, loss: Number(out[this.signature.loss]!.data[0]), gradNorm: Number(out[this.signature.gradNorm]!.data[0]) }
  }
}
