// Options of the TTT data builder, with the paper's defaults (recipe section 3) and a switch for each
// of its data ablations (recipe section 8). Validated once, with messages that name the bad value.

/**
 * Which target tokens the loss is taken on (recipe section 4). A "target" is a grid's body: its cells,
 * row ends and END marker; the INPUT/OUTPUT markers never are (they carry nothing about the rule).
 * - `outputs-except-first`: the paper's default, the outputs of demonstrations 2..n and the test
 *   output; the first demonstration's output is left out because one example alone cannot define
 *   the rule, so predicting it is guessing;
 * - `test-output-only`: ablation "loss on the test output only" (26 instead of 29 of 80 tasks);
 * - `all-outputs`: every demonstration output and the test output;
 * - `inputs-and-outputs`: every grid, inputs included (marc's "train on input").
 */
export type LossMaskVariant = 'outputs-except-first' | 'test-output-only' | 'all-outputs' | 'inputs-and-outputs'

export const LOSS_MASK_VARIANTS = [
  'outputs-except-first',
  'test-output-only',
  'all-outputs',
  'inputs-and-outputs'
] as const satisfies readonly LossMaskVariant[]

/**
 * - `leave-one-out`: the paper's default: in-context tasks cut from the demonstrations;
 * - `direct-io`: each demonstration alone as one input/output example with no demonstrations in
 *   context (ablation "train on plain input/output pairs": 18 instead of 29 of 80 tasks).
 */
export type TttDataFormat = 'leave-one-out' | 'direct-io'

export const TTT_DATA_FORMATS = ['leave-one-out', 'direct-io'] as const satisfies readonly TttDataFormat[]

export interface TttDataOptions {
  /** Seed of every random draw (translations, colour maps, shuffles, the cap), e.g. 0. */
  readonly seed: number
  /** Most examples per task, e.g. 250 (the paper's cap). */
  readonly cap: number
  /**
   * Context length in tokens: longer examples are dropped, e.g. 8192 (marc's `max_tokens`). The
   * workbench's own small model will use less; pass its context here.
   */
  readonly maxTokens: number
  /** false = the paper's "no augmentation" ablation (13 instead of 29 of 80 tasks). */
  readonly augment: boolean
  readonly format: TttDataFormat
  /** false = "leave-one-out only": no leave-two-out examples when fewer than `cap`. */
  readonly leaveTwoOutTopUp: boolean
  readonly lossMask: LossMaskVariant
}

export const DEFAULT_TTT_DATA_OPTIONS: TttDataOptions = Object.freeze({
  seed: 0,
  cap: 250,
  maxTokens: 8192,
  augment: true,
  format: 'leave-one-out',
  leaveTwoOutTopUp: true,
  lossMask: 'outputs-except-first'
})

function positiveInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new RangeError(`TTT data option ${name} must be a positive integer, got ${JSON.stringify(value)}`)
  }
  return value
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(`TTT data option ${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`)
  }
  return value as T
}

function flag(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new RangeError(`TTT data option ${name} must be true or false, got ${JSON.stringify(value)}`)
  return value
}

/** The defaults overridden by `options`, each checked; throws a RangeError naming the bad option and value. */
export function resolveTttDataOptions(options: Partial<TttDataOptions> = {}): TttDataOptions {
  const merged = { ...DEFAULT_TTT_DATA_OPTIONS, ...options }
  const unknown = Object.keys(options).filter((key) => !(key in DEFAULT_TTT_DATA_OPTIONS))
  if (unknown.length > 0) {
    throw new RangeError(`unknown TTT data option(s) ${unknown.join(', ')}: expected ${Object.keys(DEFAULT_TTT_DATA_OPTIONS).join(', ')}`)
  }
  if (!Number.isInteger(merged.seed)) throw new RangeError(`TTT data option seed must be an integer, got ${JSON.stringify(merged.seed)}`)
  return Object.freeze({
    seed: merged.seed,
    cap: positiveInteger('cap', merged.cap),
    maxTokens: positiveInteger('maxTokens', merged.maxTokens),
    augment: flag('augment', merged.augment),
    format: oneOf('format', merged.format, TTT_DATA_FORMATS),
    leaveTwoOutTopUp: flag('leaveTwoOutTopUp', merged.leaveTwoOutTopUp),
    lossMask: oneOf('lossMask', merged.lossMask, LOSS_MASK_VARIANTS)
  })
}
