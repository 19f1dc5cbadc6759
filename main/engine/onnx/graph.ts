// The graph IR: values with static shapes and dtypes, nodes named by ONNX op type, scoped
// deterministic names. Op builders (ops/) infer and check shapes before calling `addNode`, so a
// mismatch throws at the line that built the bad node.
import { allocate, dtypeOf, type DType, type TensorData } from './dtype'
import { formatShape, sizeOf, type Shape } from './shape'

/** The single pinned ONNX opset (18: Reduce* and Split take axes/sizes as inputs). */
export const OPSET_VERSION = 18
/** ONNX IR version that goes with opset 18. */
export const IR_VERSION = 8

export type Attr =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'ints'; readonly value: readonly number[] }
  | { readonly kind: 'floats'; readonly value: readonly number[] }
  | { readonly kind: 'string'; readonly value: string }

export const attr = {
  int: (value: number): Attr => ({ kind: 'int', value }),
  float: (value: number): Attr => ({ kind: 'float', value }),
  ints: (value: readonly number[]): Attr => ({ kind: 'ints', value }),
  floats: (value: readonly number[]): Attr => ({ kind: 'floats', value }),
  string: (value: string): Attr => ({ kind: 'string', value })
}

export type ValueRole = 'input' | 'initializer' | 'constant' | 'intermediate'

export class Value {
  constructor(
    readonly graph: Graph,
    readonly name: string,
    readonly dtype: DType,
    readonly shape: Shape,
    readonly role: ValueRole,
    readonly producer?: Node,
    /** Data of initializers and constants. */
    readonly data?: TensorData
  ) {}

  get rank(): number {
    return this.shape.length
  }

  toString(): string {
    return `${this.name}:${this.dtype}${formatShape(this.shape)}`
  }
}

/**
 * A composite: a group of nodes built together whose gradient is given by one rule for the group
 * (the fused softmax cross-entropy), instead of by differentiating each node.
 */
export interface Composite {
  readonly op: string
  readonly inputs: readonly Value[]
  outputs: readonly Value[]
  readonly attrs: Readonly<Record<string, Attr>>
}

export class Node {
  constructor(
    readonly name: string,
    readonly op: string,
    /** `undefined` marks an omitted optional input. Rewritten only by cleanup passes. */
    public inputs: readonly (Value | undefined)[],
    readonly attrs: Readonly<Record<string, Attr>>,
    readonly composite: Composite | undefined
  ) {}
  outputs: readonly Value[] = []
}

export class GraphError extends Error {}

export interface OutputSpec {
  readonly dtype: DType
  readonly shape: Shape
}

export class Graph {
  readonly nodes: Node[] = []
  readonly inputs: Value[] = []
  readonly initializers: Value[] = []
  readonly constants: Value[] = []
  readonly outputs: Value[] = []
  private readonly names = new Set<string>()
  private readonly scopes: string[] = []
  private readonly counters = new Map<string, number>()
  private composite: Composite | undefined

  constructor(readonly name: string) {}

  /** Runs `build` with `name` appended to the scope, so values are named `outer.name.value`. */
  scope<T>(name: string | number, build: () => T): T {
    this.scopes.push(String(name))
    try {
      return build()
    } finally {
      this.scopes.pop()
    }
  }

  /** The name `base` would get in the current scope (without reserving it). */
  scopedName(base: string): string {
    return [...this.scopes, base].join('.')
  }

  /** A unique name: the scoped `base`, or `scope.base_N` when `base` is generated or already taken. */
  uniqueName(base: string, generated = false): string {
    const scoped = [...this.scopes, base].join('.')
    if (!generated && !this.names.has(scoped)) {
      this.names.add(scoped)
      return scoped
    }
    let n = this.counters.get(scoped) ?? 0
    let candidate: string
    do candidate = `${scoped}_${n++}`
    while (this.names.has(candidate))
    this.counters.set(scoped, n)
    this.names.add(candidate)
    return candidate
  }

  input(name: string, dtype: DType, shape: Shape): Value {
    const value = new Value(this, this.uniqueName(name), dtype, shape, 'input')
    this.inputs.push(value)
    return value
  }

  /** A named tensor stored in the model (frozen weights): gets no gradient unless asked. */
  initializer(name: string, data: TensorData, shape: Shape): Value {
    checkDataSize(name, data, shape)
    const value = new Value(this, this.uniqueName(name), dtypeOf(data), shape, 'initializer', undefined, data)
    this.initializers.push(value)
    return value
  }

  /** A constant tensor (stored as an initializer when serialised). */
  constant(data: TensorData, shape: Shape, name = 'const'): Value {
    checkDataSize(name, data, shape)
    const value = new Value(this, this.uniqueName(name, true), dtypeOf(data), shape, 'constant', undefined, data)
    this.constants.push(value)
    return value
  }

  scalar(value: number, dtype: DType = 'float32', name = 'const'): Value {
    const data = allocate(dtype, 1)
    if (data instanceof BigInt64Array) data[0] = BigInt(value)
    else data[0] = value
    return this.constant(data, [], name)
  }

  /** int64 1-D constant, the form ONNX wants for shapes, axes, starts and ends. */
  int64s(values: readonly number[], name = 'const'): Value {
    return this.constant(BigInt64Array.from(values.map(BigInt)), [values.length], name)
  }

  output(value: Value): Value {
    if (!this.outputs.includes(value)) this.outputs.push(value)
    return value
  }

  /** Adds a node whose output shapes the op builder has already inferred and checked. */
  addNode(
    op: string,
    inputs: readonly (Value | undefined)[],
    outputs: readonly OutputSpec[],
    attrs: Record<string, Attr> = {},
    name?: string
  ): Value[] {
    for (const input of inputs) {
      if (input && input.graph !== this)
        throw new GraphError(`${op}: input ${input.name} belongs to graph ${input.graph.name}, not ${this.name}`)
    }
    const nodeName = this.uniqueName(name ?? op, name === undefined)
    const node = new Node(nodeName, op, inputs, attrs, this.composite)
    node.outputs = outputs.map(
      (spec, i) =>
        new Value(
          this,
          outputs.length === 1 ? nodeName : this.uniqueName(`${nodeName}.out${i}`),
          spec.dtype,
          spec.shape,
          'intermediate',
          node
        )
    )
    this.nodes.push(node)
    return [...node.outputs]
  }

  /**
   * Builds a group of nodes whose gradient comes from one rule registered for `op` (see
   * autodiff/rules). Nodes built inside `build` are tagged with the composite.
   */
  buildComposite(op: string, inputs: readonly Value[], attrs: Record<string, Attr>, build: () => Value[]): Value[] {
    if (this.composite) throw new GraphError(`${op}: composites cannot nest (inside ${this.composite.op})`)
    const composite: Composite = { op, inputs, outputs: [], attrs }
    this.composite = composite
    try {
      composite.outputs = build()
    } finally {
      this.composite = undefined
    }
    return [...composite.outputs]
  }
}

function checkDataSize(name: string, data: TensorData, shape: Shape): void {
  if (data.length !== sizeOf(shape)) {
    throw new GraphError(`${name}: data has ${data.length} elements but shape ${formatShape(shape)} needs ${sizeOf(shape)}`)
  }
}
