// Packs encoded sequences into the [B, T] int64 token inputs of the model graphs.
import { hostTensor, type HostTensor } from '../runtime/host-tensor'
import type { EncodedSequence } from '../tokenizer/encode'
import { padTo } from '../tokenizer/encode'

export function tokenFeeds(sequences: readonly EncodedSequence[], length: number): Record<string, HostTensor> {
  const b = sequences.length
  const columns = {
    tokens: new BigInt64Array(b * length),
    rows: new BigInt64Array(b * length),
    cols: new BigInt64Array(b * length),
    examples: new BigInt64Array(b * length),
    roles: new BigInt64Array(b * length)
  }
  sequences.forEach((sequence, i) => {
    const padded = padTo(sequence, length)
    for (let t = 0; t < length; t++) {
      const at = i * length + t
      columns.tokens[at] = BigInt(padded.tokens[t]!)
      columns.rows[at] = BigInt(padded.rows[t]!)
      columns.cols[at] = BigInt(padded.cols[t]!)
      columns.examples[at] = BigInt(padded.exampleIndices[t]!)
      columns.roles[at] = BigInt(padded.roles[t]!)
    }
  })
  return Object.fromEntries(Object.entries(columns).map(([name, data]) => [name, hostTensor(data, [b, length])]))
}
