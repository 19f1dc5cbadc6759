// Serialises a Graph to ONNX protobuf bytes through onnx-proto. Constants and initializers become
// graph initializers; only values some node or output uses are written.
import onnxProto from 'onnx-proto'
import { ONNX_ELEMENT_TYPE, type TensorData } from './dtype'
import { IR_VERSION, OPSET_VERSION, type Attr, type Graph, type Value } from './graph'

const { onnx } = onnxProto
type IAttributeProto = onnxProto.onnx.IAttributeProto

function valueInfo(value: Value) {
  return {
    name: value.name,
    type: { tensorType: { elemType: ONNX_ELEMENT_TYPE[value.dtype], shape: { dim: value.shape.map((d) => ({ dimValue: d })) } } }
  }
}

function rawBytes(data: TensorData): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

function tensorProto(value: Value) {
  return { name: value.name, dims: [...value.shape], dataType: ONNX_ELEMENT_TYPE[value.dtype], rawData: rawBytes(value.data!) }
}

function attributeProto(name: string, a: Attr): IAttributeProto {
  const T = onnx.AttributeProto.AttributeType
  switch (a.kind) {
    case 'int':
      return { name, type: T.INT, i: a.value }
    case 'float':
      return { name, type: T.FLOAT, f: a.value }
    case 'ints':
      return { name, type: T.INTS, ints: [...a.value] }
    case 'floats':
      return { name, type: T.FLOATS, floats: [...a.value] }
    case 'string':
      return { name, type: T.STRING, s: new TextEncoder().encode(a.value) }
  }
}

export function toModelProto(graph: Graph) {
  const used = new Set<string>(graph.outputs.map((v) => v.name))
  for (const node of graph.nodes) for (const input of node.inputs) if (input) used.add(input.name)
  const stored = [...graph.initializers, ...graph.constants].filter((v) => used.has(v.name))
  return onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET_VERSION }],
    producerName: 'arc-ttt-workbench',
    graph: {
      name: graph.name,
      node: graph.nodes.map((node) => ({
        name: node.name,
        opType: node.op,
        input: node.inputs.map((v) => v?.name ?? ''),
        output: node.outputs.map((v) => v.name),
        attribute: Object.entries(node.attrs).map(([name, a]) => attributeProto(name, a))
      })),
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
      initializer: stored.map(tensorProto)
    }
  })
}

export function serializeGraph(graph: Graph): Uint8Array {
  return onnx.ModelProto.encode(toModelProto(graph)).finish()
}
