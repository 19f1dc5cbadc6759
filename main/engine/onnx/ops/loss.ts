// The fused masked softmax cross-entropy. Its forward is built from standard ops inside a composite,
// and its backward is one rule, (softmax - onehot) * mask / count (autodiff/rules/loss.ts), instead
// of the derivative of each forward node.
import type { Value } from '../graph'
import { fail } from './check'
import { Cast, Div, Equal, Exp, Log, Max, Mul, Sub } from './elementwise'
import { ReduceMax, ReduceSum } from './reduce'
import { Reshape, Unsqueeze } from './layout'

export const SOFTMAX_CROSS_ENTROPY = 'SoftmaxCrossEntropy'

/** A float [V] constant 0..V-1, compared with target ids to build one-hot rows. */
function classIds(logits: Value): Value {
  const vocab = logits.shape[logits.rank - 1]!
  const ids = new BigInt64Array(vocab).map((_, i) => BigInt(i))
  return logits.graph.constant(ids, [vocab], 'class_ids')
}

export function oneHot(targets: Value, logits: Value): Value {
  return Cast(Equal(Unsqueeze(targets, [-1]), classIds(logits)), logits.dtype, 'onehot')
}

/**
 * Mean cross-entropy over the masked positions:
 *   loss = sum_n mask_n * (logsumexp(logits_n) - logits_n[target_n]) / max(sum_n mask_n, 1)
 * logits [N, V] float, targets [N] int64, mask [N] float (1 = in the loss). Returns a scalar.
 */
export function SoftmaxCrossEntropy(logits: Value, targets: Value, mask: Value): Value {
  const [n] = logits.shape
  if (logits.rank !== 2 || targets.rank !== 1 || mask.rank !== 1 || targets.shape[0] !== n || mask.shape[0] !== n) {
    fail(SOFTMAX_CROSS_ENTROPY, 'expects logits [N, V], targets [N], mask [N]', [logits, targets, mask])
  }
  if (targets.dtype !== 'int64' || mask.dtype !== logits.dtype)
    fail(SOFTMAX_CROSS_ENTROPY, 'targets must be int64 and mask the logits dtype', [logits, targets, mask])
  const g = logits.graph
  const [loss] = g.buildComposite(SOFTMAX_CROSS_ENTROPY, [logits, targets, mask], {}, () => {
    const shifted = Sub(logits, ReduceMax(logits, [1])) // [N, V], max-shifted for stability
    const logSumExp = Log(ReduceSum(Exp(shifted), [1])) // [N, 1]
    const targetLogit = ReduceSum(Mul(shifted, oneHot(targets, logits)), [1]) // [N, 1]
    const perToken = Reshape(Sub(logSumExp, targetLogit), [n!]) // [N]
    const count = Max(ReduceSum(mask, [0], false), g.scalar(1, logits.dtype)) // []
    return [Div(ReduceSum(Mul(perToken, mask), [0], false), count, 'cross_entropy')]
  })
  return loss!
}
