// Finite-difference gradient checks run inside onnxruntime-node itself: the analytic gradients the
// autodiff emits are compared with central differences of the same graph's loss.
// loss = sum(f(inputs) * R) with a fixed random R, so every output element matters.
import { allocate, type DType } from '../../onnx/dtype'
import { Graph, type Value } from '../../onnx/graph'
import * as op from '../../onnx/ops'
import { sizeOf, type Shape } from '../../onnx/shape'
import { serializeGraph } from '../../onnx/serialize'
import { hostTensor, type HostTensor } from '../../runtime/host-tensor'
import { GraphSession, type RuntimeOptions } from '../../runtime/session'
import { createRng } from '../../random'
import { gradients } from '../backward'

export interface InputSpec {
  readonly shape: Shape
  /** 'float' inputs are differentiated; 'int' inputs (indices, targets) are drawn from 0..max-1; 'mask' is 0/1 floats. */
  readonly kind?: 'float' | 'positive' | 'int' | 'mask' | 'bool'
  readonly max?: number
}

export interface GradCase {
  readonly name: string
  /** The op (or composite) under test, for grouping in the report. */
  readonly op: string
  readonly inputs: readonly InputSpec[]
  readonly build: (inputs: Value[]) => Value
  /** float64 where the CPU provider has the op in double precision, otherwise float32. */
  readonly dtype: 'float32' | 'float64'
  /** A known failure, with the reason; it is reported, and passes only while it still fails. */
  readonly expectedFailure?: string
}

/** Step and tolerance per precision: error = |analytic - numeric| / max(1, |numeric|). */
export const TOLERANCES: Readonly<Record<'float32' | 'float64', { step: number; tolerance: number }>> = {
  float64: { step: 1e-6, tolerance: 1e-6 },
  float32: { step: 1e-3, tolerance: 2e-2 }
}

export interface GradCaseResult {
  readonly name: string
  readonly op: string
  readonly dtype: string
  readonly seed: number
  readonly maxError: number
  readonly passed: boolean
  readonly expectedFailure?: string
  readonly error?: string
}

function randomInput(spec: InputSpec, dtype: DType, random: () => number): HostTensor {
  const size = sizeOf(spec.shape)
  const kind = spec.kind ?? 'float'
  if (kind === 'int')
    return hostTensor(
      BigInt64Array.from({ length: size }, () => BigInt(Math.floor(random() * (spec.max ?? 2)))),
      spec.shape
    )
  if (kind === 'bool')
    return hostTensor(
      Uint8Array.from({ length: size }, () => (random() < 0.5 ? 1 : 0)),
      spec.shape
    )
  const data = allocate(dtype, size) as Float32Array | Float64Array
  for (let i = 0; i < size; i++) {
    data[i] = kind === 'mask' ? (random() < 0.7 ? 1 : 0) : kind === 'positive' ? 0.5 + random() * 1.5 : random() * 2 - 1
  }
  return hostTensor(data, spec.shape)
}

const isDifferentiated = (spec: InputSpec) => (spec.kind ?? 'float') === 'float' || spec.kind === 'positive'

export async function runGradCase(c: GradCase, seed: number, options: RuntimeOptions = {}): Promise<GradCaseResult> {
  const base = { name: c.name, op: c.op, dtype: c.dtype, seed, ...(c.expectedFailure ? { expectedFailure: c.expectedFailure } : {}) }
  const rng = createRng(seed)
  const random = (): number => rng.next()
  try {
    const graph = new Graph(`gradcheck.${c.name}`)
    const values = c.inputs.map((spec, i) => {
      const kind = spec.kind ?? 'float'
      const dtype: DType = kind === 'int' ? 'int64' : kind === 'bool' ? 'bool' : c.dtype
      return graph.input(`x${i}`, dtype, spec.shape)
    })
    const out = c.build(values)
    const weights = randomInput({ shape: out.shape }, c.dtype, random)
    const loss = op.ReduceSum(
      op.Reshape(op.Mul(out, graph.constant(weights.data, out.shape, 'weights')), [sizeOf(out.shape)]),
      [0],
      false,
      'loss'
    )
    graph.output(loss)
    const params = values.filter((_, i) => isDifferentiated(c.inputs[i]!))
    const grads = gradients(loss, params)
    params.forEach((p) => graph.output(grads.get(p)!))
    const session = await GraphSession.create(serializeGraph(graph), { ...options, optimizationLevel: 'disabled' })
    const feeds: Record<string, HostTensor> = {}
    values.forEach((v, i) => (feeds[v.name] = randomInput(c.inputs[i]!, v.dtype, random)))
    const analytic = await session.run(feeds)
    const { step, tolerance } = TOLERANCES[c.dtype]
    let maxError = 0
    for (const p of params) {
      const x = feeds[p.name]!.data as Float32Array | Float64Array
      const g = analytic[grads.get(p)!.name]!.data as Float32Array | Float64Array
      for (let i = 0; i < x.length; i++) {
        const original = x[i]!
        x[i] = original + step
        const plus = Number((await session.run(feeds, [loss.name]))[loss.name]!.data[0])
        x[i] = original - step
        const minus = Number((await session.run(feeds, [loss.name]))[loss.name]!.data[0])
        x[i] = original
        const numeric = (plus - minus) / (2 * step)
        maxError = Math.max(maxError, Math.abs(g[i]! - numeric) / Math.max(1, Math.abs(numeric)))
      }
    }
    await session.release()
    const withinTolerance = maxError <= tolerance
    return { ...base, maxError, passed: c.expectedFailure ? !withinTolerance : withinTolerance }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ...base, maxError: Number.NaN, passed: c.expectedFailure !== undefined, error: message }
  }
}
