// The operators of the standard `ai.onnx` domain up to opset 18 (onnx/docs/Operators.md). Emitted
// graphs may use only these: no `com.microsoft` kernels, no `ai.onnx.preview.training` ops, which
// onnxruntime-node does not register.
const STANDARD_ONNX_OPS: ReadonlySet<string> = new Set(
  `Abs Acos Acosh Add And ArgMax ArgMin Asin Asinh Atan Atanh AveragePool BatchNormalization Bernoulli
  BitShift BitwiseAnd BitwiseNot BitwiseOr BitwiseXor BlackmanWindow Cast CastLike Ceil Celu CenterCropPad
  Clip Col2Im Compress Concat ConcatFromSequence Constant ConstantOfShape Conv ConvInteger ConvTranspose Cos
  Cosh CumSum DFT DepthToSpace DequantizeLinear Det Div Dropout DynamicQuantizeLinear Einsum Elu Equal Erf
  Exp Expand EyeLike Flatten Floor GRU Gather GatherElements GatherND Gemm GlobalAveragePool GlobalLpPool
  GlobalMaxPool Greater GreaterOrEqual GridSample GroupNormalization HammingWindow HannWindow HardSigmoid
  HardSwish Hardmax Identity If InstanceNormalization IsInf IsNaN LRN LSTM LayerNormalization LeakyRelu Less
  LessOrEqual Log LogSoftmax Loop LpNormalization LpPool MatMul MatMulInteger Max MaxPool MaxRoiPool
  MaxUnpool Mean MelWeightMatrix Min Mish Mod Mul Multinomial Neg NegativeLogLikelihoodLoss
  NonMaxSuppression NonZero Not OneHot Optional OptionalGetElement OptionalHasElement Or PRelu Pad Pow
  QLinearConv QLinearMatMul QuantizeLinear RNN RandomNormal RandomNormalLike RandomUniform RandomUniformLike
  Range Reciprocal ReduceL1 ReduceL2 ReduceLogSum ReduceLogSumExp ReduceMax ReduceMean ReduceMin ReduceProd
  ReduceSum ReduceSumSquare Relu Reshape Resize ReverseSequence RoiAlign Round STFT Scan Scatter
  ScatterElements ScatterND Selu SequenceAt SequenceConstruct SequenceEmpty SequenceErase SequenceInsert
  SequenceLength SequenceMap Shape Shrink Sigmoid Sign Sin Sinh Size Slice Softmax SoftmaxCrossEntropyLoss
  Softplus Softsign SpaceToDepth Split SplitToSequence Sqrt Squeeze StringNormalizer Sub Sum Tan Tanh
  TfIdfVectorizer ThresholdedRelu Tile TopK Transpose Trilu Unique Unsqueeze Where Xor`.split(/\s+/)
)

/** Describes every node of a serialised model that is outside the standard domain or op set. */
export function nonStandardNodes(model: {
  graph?: { node?: { opType?: string | null; domain?: string | null; name?: string | null }[] | null } | null
}): string[] {
  return (model.graph?.node ?? [])
    .filter((n) => (n.domain ?? '') !== '' || !STANDARD_ONNX_OPS.has(n.opType ?? ''))
    .map((n) => `${n.name ?? '?'}: ${n.domain ? `${n.domain}.` : ''}${n.opType ?? '?'}`)
}
