// The native dependencies load and work under the Node that runs the tests: onnxruntime-node runs
// a model serialised with onnx-proto, and better-sqlite3 runs a query in WAL mode on a real file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import onnxProto from 'onnx-proto'
import * as ort from 'onnxruntime-node'
import { afterAll, describe, expect, it } from 'vitest'

const { onnx } = onnxProto

function addModelBytes(): Uint8Array {
  const floatVector = (name: string) => ({
    name,
    type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimValue: 3 }] } } }
  })
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: 'arc-ttt-test',
    graph: {
      name: 'add',
      node: [{ opType: 'Add', input: ['a', 'b'], output: ['sum'], name: 'add' }],
      input: [floatVector('a'), floatVector('b')],
      output: [floatVector('sum')]
    }
  })
  return onnx.ModelProto.encode(model).finish()
}

describe('onnxruntime-node', () => {
  it('runs an onnx-proto model on the CPU provider', async () => {
    const session = await ort.InferenceSession.create(addModelBytes(), { executionProviders: ['cpu'] })
    const a = new ort.Tensor('float32', Float32Array.from([1, 2, 3]), [3])
    const b = new ort.Tensor('float32', Float32Array.from([10, 20, 30.5]), [3])
    const { sum } = await session.run({ a, b })
    expect(Array.from(sum!.data as Float32Array)).toEqual([11, 22, 33.5])
    await session.release()
  })
})

describe('better-sqlite3', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arc-ttt-sqlite-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes and reads a WAL database file', () => {
    const db = new Database(join(dir, 'log.sqlite'))
    expect(db.pragma('journal_mode = WAL', { simple: true })).toBe('wal')
    db.exec('CREATE TABLE metric (step INTEGER, value REAL)')
    const insert = db.prepare('INSERT INTO metric VALUES (?, ?)')
    db.transaction(() => [1, 2, 3].forEach((step) => insert.run(step, step * 0.5)))()
    expect(db.prepare('SELECT SUM(value) AS total FROM metric').get()).toEqual({ total: 3 })
    db.close()
  })
})
