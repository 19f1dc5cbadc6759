// The experiment configuration: every key, its type, default and meaning, in one table. A config
// is a named preset plus `key=value` overrides, resolved against this table, validated (an unknown
// key or a bad value is an error naming it) and hashed.
import { LORA_TARGETS } from '../model/parameters'
import { DEFAULT_SEARCH_OPTIONS } from '../search/options'

export type KeyType =
  | { readonly kind: 'integer'; readonly min: number; readonly max?: number }
  | { readonly kind: 'number'; readonly min: number; readonly max?: number; readonly exclusiveMin?: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'choice'; readonly values: readonly string[] }
  | { readonly kind: 'list'; readonly values: readonly string[] }

export interface KeySpec {
  readonly key: string
  readonly type: KeyType
  readonly default: number | boolean | string | readonly string[]
  readonly doc: string
}

const int = (min: number, max?: number): KeyType => ({ kind: 'integer', min, ...(max === undefined ? {} : { max }) })
const num = (min: number, max?: number, exclusiveMin = false): KeyType => ({
  kind: 'number',
  min,
  exclusiveMin,
  ...(max === undefined ? {} : { max })
})
const bool: KeyType = { kind: 'boolean' }
const choice = (...values: string[]): KeyType => ({ kind: 'choice', values })

export const LOSS_MASKS = ['outputs-except-first', 'test-output-only', 'all-outputs', 'inputs-and-outputs'] as const
export const VOTE_METHODS = ['hierarchical', 'flat', 'none', 'product-of-experts'] as const

export const SOLVERS = ['ttt', 'search', 'ensemble'] as const
export const ENSEMBLE_RULES = ['search-first', 'search-first-split', 'ttt-first', 'poe', 'poe-second'] as const
export const ENSEMBLE_TTT_ON = ['every-task', 'undecided', 'choice'] as const

export const CONFIG_SCHEMA: readonly KeySpec[] = [
  {
    key: 'solver',
    type: choice(...SOLVERS),
    default: 'ttt',
    doc:
      "ttt: the paper's method with the model; search: a program search over grid transforms on the CPU (no model); " +
      'ensemble: both, combined by ensemble.rule'
  },
  {
    key: 'seed',
    type: int(0),
    default: 0,
    doc: 'seed of every random choice (data, adapters, prompts); runs on the CPU provider are deterministic given it'
  },
  {
    key: 'ttt.enabled',
    type: bool,
    default: true,
    doc: 'train per-task parameters at test time; false = the fine-tuned model alone (the paper\'s "no TTT")'
  },
  {
    key: 'ttt.mode',
    type: choice('lora', 'full', 'shared'),
    default: 'lora',
    doc: "lora: one LoRA adapter per task; full: all weights per task; shared: one adapter trained on every task's TTT data"
  },
  { key: 'ttt.loraRank', type: int(1, 256), default: 16, doc: 'LoRA rank (paper: 128 for 1B; a small model needs less)' },
  { key: 'ttt.loraAlpha', type: num(0, undefined, true), default: 32, doc: 'LoRA alpha; the update is scaled by alpha / rank' },
  {
    key: 'ttt.loraTargets',
    type: { kind: 'list', values: LORA_TARGETS },
    default: ['q', 'v', 'up', 'down'],
    doc: 'projections LoRA adapts (paper: query, value and the MLP)'
  },
  { key: 'ttt.epochs', type: num(0, 100, true), default: 1, doc: "passes over the task's TTT data (paper: 2); fractions allowed" },
  { key: 'ttt.maxSteps', type: int(0), default: 0, doc: 'cap on optimizer steps per task; 0 = no cap' },
  { key: 'ttt.batchSize', type: int(1, 64), default: 2, doc: 'examples per step (paper: 2)' },
  { key: 'ttt.learningRate', type: num(0, 1, true), default: 1e-3, doc: 'peak learning rate of the warmup + cosine schedule' },
  { key: 'ttt.warmupFraction', type: num(0, 1), default: 0.1, doc: 'fraction of the steps with linear warmup (paper: 10%)' },
  { key: 'ttt.weightDecay', type: num(0, 1), default: 0.01, doc: 'AdamW decoupled weight decay (paper: 0.01)' },
  { key: 'ttt.maxGradNorm', type: num(0), default: 1, doc: 'global gradient-norm clip; 0 disables it' },
  { key: 'ttt.timeBudgetSeconds', type: num(0), default: 0, doc: "stop a task's training after this many seconds; 0 = no budget" },
  { key: 'ttt.saveAdapters', type: bool, default: false, doc: "keep each task's trained adapter as a run artifact" },
  {
    key: 'data.format',
    type: choice('leave-one-out', 'direct-io'),
    default: 'leave-one-out',
    doc: 'TTT examples as leave-one-out tasks, or each demonstration as a plain input/output pair (paper ablation)'
  },
  {
    key: 'data.augment',
    type: bool,
    default: true,
    doc: 'apply the 23 augmenters and colour-permuted copies to the TTT data (false = the paper\'s "no augmentation")'
  },
  { key: 'data.cap', type: int(1), default: 250, doc: 'TTT examples per task after deduplication (paper: 250)' },
  {
    key: 'data.leaveTwoOutTopUp',
    type: bool,
    default: true,
    doc: 'top up with leave-two-out tasks when leave-one-out gives fewer than the cap'
  },
  {
    key: 'data.lossMask',
    type: choice(...LOSS_MASKS),
    default: 'outputs-except-first',
    doc: 'which outputs are in the loss: demonstrations 2..K-1 and the test (default), the test only, all outputs, or inputs too'
  },
  { key: 'data.maxTokens', type: int(16), default: 2048, doc: 'context length: longer training examples and prompts are dropped' },
  {
    key: 'inference.augment',
    type: bool,
    default: true,
    doc: 'augmented inference: leave-one-out prompts, orders and geometric transforms (false = one identity prompt)'
  },
  {
    key: 'inference.allSymmetries',
    type: bool,
    default: false,
    doc: "prompts under all 7 non-identity symmetries instead of the paper's 5"
  },
  { key: 'inference.constrained', type: bool, default: true, doc: 'constrain greedy decoding to well-formed grids' },
  { key: 'inference.maxNewTokens', type: int(4, 931), default: 931, doc: 'longest generated output (a 30x30 grid takes 931 tokens)' },
  { key: 'inference.batchSize', type: int(1, 64), default: 8, doc: 'prompts decoded together' },
  {
    key: 'vote.method',
    type: choice(...VOTE_METHODS),
    default: 'hierarchical',
    doc:
      'how the two attempts are chosen: hierarchical (paper), flat, none, ' +
      'or product-of-experts rescoring by summed NLL over augmented views'
  },
  { key: 'vote.poeViews', type: int(1, 64), default: 8, doc: 'augmented views scored per candidate by product-of-experts' },
  {
    key: 'search.depth',
    type: int(1, 4),
    default: DEFAULT_SEARCH_OPTIONS.depth,
    doc: 'longest chain of DSL transformations the program search tries (each level is ~10-20x slower)'
  },
  {
    key: 'search.timeSeconds',
    type: num(0),
    default: DEFAULT_SEARCH_OPTIONS.timeSeconds,
    doc: "stop one test input's search after this many seconds, keeping the best found (machine-dependent); 0 = no limit"
  },
  {
    key: 'search.maxStates',
    type: int(1000),
    default: DEFAULT_SEARCH_OPTIONS.maxStates,
    doc: 'cap on distinct search states per test input (the memory limit), keeping the best found'
  },
  {
    key: 'search.maxCandidates',
    type: int(1, 100),
    default: DEFAULT_SEARCH_OPTIONS.maxCandidates,
    doc: 'distinct test answers kept per test input (the attempts are the best two)'
  },
  {
    key: 'ensemble.rule',
    type: choice(...ENSEMBLE_RULES),
    default: 'search-first',
    doc:
      "search-first: a program explaining every demonstration wins, else TTT (paper); search-first-split: the same, but where " +
      "no program explains every demonstration the search's best partial answer and TTT's first attempt; " +
      "ttt-first: TTT's attempts, else the search's; " +
      "poe: pool both and rank by the adapted model's summed NLL over augmented views; " +
      "poe-second: where more than two programs explain every demonstration, the search's first answer, " +
      'then its other answer of lowest summed NLL, else as search-first-split'
  },
  {
    key: 'ensemble.tttOn',
    type: choice(...ENSEMBLE_TTT_ON),
    default: 'undecided',
    doc:
      'run TTT on every task; only where the rule can use it (undecided: no program explains every demonstration, ' +
      'and for poe and poe-second also where more than two answers do); ' +
      'or only where the search leaves a choice (more than two such answers)'
  },
  {
    key: 'ensemble.poolSize',
    type: int(1, 64),
    default: 8,
    doc:
      'most candidates each solver adds to the poe pool ' +
      '(search: distinct answers of programs explaining every demonstration; TTT: most voted)'
  },
  { key: 'search.workers', type: int(1, 64), default: 2, doc: "worker threads over a task's test inputs (1 = in the run's own thread)" }
]
