// Element-wise ops with numpy broadcasting (ONNX multidirectional broadcasting).
import type { DType } from '../dtype'
import { attr, type Value } from '../graph'
import { broadcast, fail, floatInput, sameDtype } from './check'
import { ONNX_ELEMENT_TYPE } from '../dtype'

function binary(op: string, a: Value, b: Value, name?: string): Value {
  const dtype = sameDtype(op, [a, b])
  return a.graph.addNode(op, [a, b], [{ dtype, shape: broadcast(op, [a, b]) }], {}, name)[0]!
}

function unary(op: string, x: Value, name?: string, float = true): Value {
  if (float) floatInput(op, x)
  return x.graph.addNode(op, [x], [{ dtype: x.dtype, shape: x.shape }], {}, name)[0]!
}

function comparison(op: string, a: Value, b: Value, name?: string): Value {
  sameDtype(op, [a, b])
  return a.graph.addNode(op, [a, b], [{ dtype: 'bool', shape: broadcast(op, [a, b]) }], {}, name)[0]!
}

export const Add = (a: Value, b: Value, name?: string): Value => binary('Add', a, b, name)
export const Sub = (a: Value, b: Value, name?: string): Value => binary('Sub', a, b, name)
export const Mul = (a: Value, b: Value, name?: string): Value => binary('Mul', a, b, name)
export const Div = (a: Value, b: Value, name?: string): Value => binary('Div', a, b, name)
export const Pow = (a: Value, b: Value, name?: string): Value => binary('Pow', a, b, name)
export const Max = (a: Value, b: Value, name?: string): Value => binary('Max', a, b, name)
export const Min = (a: Value, b: Value, name?: string): Value => binary('Min', a, b, name)

export const Neg = (x: Value, name?: string): Value => unary('Neg', x, name, false)
export const Abs = (x: Value, name?: string): Value => unary('Abs', x, name, false)
export const Sqrt = (x: Value, name?: string): Value => unary('Sqrt', x, name)
export const Reciprocal = (x: Value, name?: string): Value => unary('Reciprocal', x, name)
export const Exp = (x: Value, name?: string): Value => unary('Exp', x, name)
export const Log = (x: Value, name?: string): Value => unary('Log', x, name)
export const Tanh = (x: Value, name?: string): Value => unary('Tanh', x, name)
export const Erf = (x: Value, name?: string): Value => unary('Erf', x, name)
export const Sigmoid = (x: Value, name?: string): Value => unary('Sigmoid', x, name)
export const Relu = (x: Value, name?: string): Value => unary('Relu', x, name)
export const Identity = (x: Value, name?: string): Value => unary('Identity', x, name, false)

export const Equal = (a: Value, b: Value, name?: string): Value => comparison('Equal', a, b, name)
export const Less = (a: Value, b: Value, name?: string): Value => comparison('Less', a, b, name)
export const Greater = (a: Value, b: Value, name?: string): Value => comparison('Greater', a, b, name)

export function Not(x: Value, name?: string): Value {
  if (x.dtype !== 'bool') fail('Not', 'expects a bool tensor', [x])
  return x.graph.addNode('Not', [x], [{ dtype: 'bool', shape: x.shape }], {}, name)[0]!
}

export function Where(condition: Value, a: Value, b: Value, name?: string): Value {
  if (condition.dtype !== 'bool') fail('Where', 'condition must be bool', [condition])
  const dtype = sameDtype('Where', [a, b])
  return a.graph.addNode('Where', [condition, a, b], [{ dtype, shape: broadcast('Where', [condition, a, b]) }], {}, name)[0]!
}

export function Cast(x: Value, to: DType, name?: string): Value {
  return x.graph.addNode('Cast', [x], [{ dtype: to, shape: x.shape }], { to: attr.int(ONNX_ELEMENT_TYPE[to]) }, name)[0]!
}
