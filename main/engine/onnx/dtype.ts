// Element types of graph values, and the typed arrays that hold their data.
import onnxProto from 'onnx-proto'

const { onnx } = onnxProto

export type DType = 'float32' | 'float64' | 'int64' | 'int32' | 'bool'

export type TensorData = Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array

export function isFloat(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64'
}

export const ONNX_ELEMENT_TYPE: Readonly<Record<DType, number>> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  float64: onnx.TensorProto.DataType.DOUBLE,
  int64: onnx.TensorProto.DataType.INT64,
  int32: onnx.TensorProto.DataType.INT32,
  bool: onnx.TensorProto.DataType.BOOL
}

/** Allocates zeroed storage for `size` elements of `dtype`. */
export function allocate(dtype: DType, size: number): TensorData {
  switch (dtype) {
    case 'float32':
      return new Float32Array(size)
    case 'float64':
      return new Float64Array(size)
    case 'int64':
      return new BigInt64Array(size)
    case 'int32':
      return new Int32Array(size)
    case 'bool':
      return new Uint8Array(size)
  }
}

/** The dtype a typed array stores. */
export function dtypeOf(data: TensorData): DType {
  if (data instanceof Float32Array) return 'float32'
  if (data instanceof Float64Array) return 'float64'
  if (data instanceof BigInt64Array) return 'int64'
  if (data instanceof Int32Array) return 'int32'
  return 'bool'
}
