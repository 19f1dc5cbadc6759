// Small models shared by the training-engine tests.
import type { Value } from '../../../main/engine/onnx/graph'
import * as op from '../../../main/engine/onnx/ops'
import { hostTensor, type HostTensor } from '../../../main/engine/runtime/host-tensor'
import { createRng } from '../../../main/engine/random'
import type { ForwardContext } from '../../../main/engine/train/train-step'

export function randomTensor(shape: number[], seed: number, scale = 1): HostTensor {
  const rng = createRng(seed)
  const size = shape.reduce((a, b) => a * b, 1)
  return hostTensor(Float32Array.from({ length: size }, () => (rng.next() * 2 - 1) * scale), shape)
}

/** x [N, 4] -> tanh(x W1 + b1) W2 -> cross-entropy against targets [N] over 3 classes. */
export function mlpForward({ graph, parameter }: ForwardContext): Value {
  const x = graph.input('x', 'float32', [8, 4])
  const targets = graph.input('targets', 'int64', [8])
  const mask = graph.input('mask', 'float32', [8])
  const hidden = graph.scope('layer1', () => op.Tanh(op.Add(op.MatMul(x, parameter('w', [4, 16])), parameter('b', [16]))))
  const logits = graph.scope('layer2', () => op.MatMul(hidden, parameter('w', [16, 3])))
  return op.SoftmaxCrossEntropy(logits, targets, mask)
}

/**
 * A one-layer causal self-attention language model over a tiny vocabulary:
 * embed [T] tokens, single-head attention with a causal mask, output projection, next-token loss.
 */
export function attentionForward(t: number, vocab: number, channels: number) {
  return ({ graph, parameter }: ForwardContext): Value => {
    const tokens = graph.input('tokens', 'int64', [t])
    const targets = graph.input('targets', 'int64', [t])
    const mask = graph.input('loss_mask', 'float32', [t])
    const x = op.Add(op.Gather(parameter('embed', [vocab, channels]), tokens), parameter('position', [t, channels])) // [T, C]
    const attended = graph.scope('attn', () => {
      const q = op.MatMul(x, parameter('wq', [channels, channels]), 'q')
      const k = op.MatMul(x, parameter('wk', [channels, channels]), 'k')
      const v = op.MatMul(x, parameter('wv', [channels, channels]), 'v')
      const causal = Float32Array.from({ length: t * t }, (_, i) => (i % t > Math.floor(i / t) ? -1e9 : 0))
      const scores = op.Add(op.Div(op.MatMul(q, op.Transpose(k, [1, 0])), graph.scalar(Math.sqrt(channels))), graph.constant(causal, [t, t], 'causal'))
      return op.MatMul(op.Softmax(scores, -1), v)
    })
    const logits = op.MatMul(op.Add(x, attended), parameter('unembed', [channels, vocab]))
    return op.SoftmaxCrossEntropy(logits, targets, mask)
  }
}
