// A tensor in host memory: the engine's exchange format with the runtime (plain typed arrays).
import { dtypeOf, type DType, type TensorData } from '../onnx/dtype'
import { formatShape, sizeOf, type Shape } from '../onnx/shape'

export interface HostTensor {
  readonly dtype: DType
  readonly shape: Shape
  readonly data: TensorData
}

export function hostTensor(data: TensorData, shape: Shape): HostTensor {
  if (data.length !== sizeOf(shape))
    throw new RangeError(`tensor data has ${data.length} elements, shape ${formatShape(shape)} needs ${sizeOf(shape)}`)
  return { dtype: dtypeOf(data), shape, data }
}
