// Optimizers emitted into the training graph, each a small function (param, grad, state) ->
// (param, state), after mlx's optimizers. Hyper-parameters are validated with messages that name
// the bad value; the learning rate and the step are graph inputs so schedules need no rebuild.
import type { Value } from '../onnx/graph'
import * as op from '../onnx/ops'

export interface AdamWConfig {
  readonly kind: 'adamw'
  readonly beta1: number
  readonly beta2: number
  readonly epsilon: number
  /** Decoupled weight decay (Loshchilov & Hutter 2019), applied to parameters `decays` selects. */
  readonly weightDecay: number
}

export interface SgdConfig {
  readonly kind: 'sgd'
  readonly weightDecay: number
}

export type OptimizerConfig = AdamWConfig | SgdConfig

export const DEFAULT_ADAMW: AdamWConfig = { kind: 'adamw', beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01 }

/** Names of the state tensors one parameter carries for this optimizer. */
export function stateSlots(config: OptimizerConfig): readonly ('m' | 'v')[] {
  return config.kind === 'adamw' ? ['m', 'v'] : []
}

export function validateOptimizer(config: OptimizerConfig): void {
  const inUnit = (name: string, v: number) => {
    if (!(v >= 0 && v < 1)) throw new RangeError(`optimizer ${config.kind}: ${name} must be in [0, 1), got ${v}`)
  }
  if (!(config.weightDecay >= 0)) throw new RangeError(`optimizer ${config.kind}: weightDecay must be >= 0, got ${config.weightDecay}`)
  if (config.kind === 'adamw') {
    inUnit('beta1', config.beta1)
    inUnit('beta2', config.beta2)
    if (!(config.epsilon > 0)) throw new RangeError(`optimizer adamw: epsilon must be > 0, got ${config.epsilon}`)
  }
}

export interface UpdateInputs {
  readonly param: Value
  readonly grad: Value
  readonly state: Readonly<Record<'m' | 'v', Value | undefined>>
  readonly learningRate: Value
  /** 1-based step count, float. */
  readonly step: Value
  readonly decay: boolean
}

export interface UpdateOutputs {
  readonly param: Value
  readonly state: Partial<Record<'m' | 'v', Value>>
}

/**
 * AdamW (Loshchilov & Hutter, "Decoupled Weight Decay Regularization", Algorithm 2):
 *   m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
 *   m^ = m / (1 - b1^t);    v^ = v / (1 - b2^t)
 *   p = p - lr (m^ / (sqrt(v^) + eps) + wd p)
 */
function adamw(config: AdamWConfig, x: UpdateInputs): UpdateOutputs {
  const g = x.param.graph
  const c = (v: number) => g.scalar(v, x.param.dtype)
  const m = op.Add(op.Mul(c(config.beta1), x.state.m!), op.Mul(c(1 - config.beta1), x.grad))
  const v = op.Add(op.Mul(c(config.beta2), x.state.v!), op.Mul(c(1 - config.beta2), op.Mul(x.grad, x.grad)))
  // Bias corrections in float64, as PyTorch computes them: 0.999 rounded to float32 would put v-hat
  // off by 1.3e-5 relative (about 1.5e-7 on every adapter element after two steps).
  const d = (value: number) => g.scalar(value, 'float64')
  const step = op.Cast(x.step, 'float64')
  const correction = (beta: number) => op.Cast(op.Sub(d(1), op.Pow(d(beta), step)), x.param.dtype)
  const mHat = op.Div(m, correction(config.beta1))
  const vHat = op.Div(v, correction(config.beta2))
  let direction = op.Div(mHat, op.Add(op.Sqrt(vHat), c(config.epsilon)))
  if (x.decay && config.weightDecay > 0) direction = op.Add(direction, op.Mul(c(config.weightDecay), x.param))
  return { param: op.Sub(x.param, op.Mul(x.learningRate, direction)), state: { m, v } }
}

/** Plain SGD with decoupled weight decay: p = p - lr (g + wd p). */
function sgd(config: SgdConfig, x: UpdateInputs): UpdateOutputs {
  const direction =
    x.decay && config.weightDecay > 0 ? op.Add(x.grad, op.Mul(x.param.graph.scalar(config.weightDecay, x.param.dtype), x.param)) : x.grad
  return { param: op.Sub(x.param, op.Mul(x.learningRate, direction)), state: {} }
}

export function emitUpdate(config: OptimizerConfig, inputs: UpdateInputs): UpdateOutputs {
  return config.kind === 'adamw' ? adamw(config, inputs) : sgd(config, inputs)
}

/**
 * Global gradient-norm clipping (as torch.nn.utils.clip_grad_norm_): returns the pre-clip norm
 * and the gradients scaled by min(1, maxNorm / (norm + 1e-6)). maxNorm <= 0 disables clipping.
 */
export function clipByGlobalNorm(grads: readonly Value[], maxNorm: number): { norm: Value; clipped: Value[] } {
  const g = grads[0]!.graph
  const dtype = grads[0]!.dtype
  const squares = grads.map((grad) => op.ReduceSum(op.Reshape(op.Mul(grad, grad), [-1]), [0], false))
  const norm = op.Sqrt(
    squares.reduce((acc, s) => op.Add(acc, s)),
    'grad_norm'
  )
  if (!(maxNorm > 0)) return { norm, clipped: [...grads] }
  const scale = op.Min(g.scalar(1, dtype), op.Div(g.scalar(maxNorm, dtype), op.Add(norm, g.scalar(1e-6, dtype))))
  return { norm, clipped: grads.map((grad) => op.Mul(grad, scale)) }
}
