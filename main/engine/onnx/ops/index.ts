// The op builders, named verbatim after their ONNX ops: `op.MatMul(x, w)`, `op.Add(a, b)`.
export * from './elementwise'
export * from './matmul'
export * from './layout'
export * from './reduce'
export * from './loss'
