// Named presets for the paper's variants (ttt-recipe.md sections 4, 7 and 8): each is a set of
// overrides of the schema defaults. `ttt` is the full method.
export const PRESETS: Readonly<Record<string, Readonly<Record<string, string | number | boolean>>>> = {
  ttt: {},
  'no-ttt': { 'ttt.enabled': false },
  'direct-io': { 'data.format': 'direct-io' },
  'no-augment': { 'data.augment': false },
  'shared-adapter': { 'ttt.mode': 'shared' },
  'test-output-loss': { 'data.lossMask': 'test-output-only' },
  'full-ft': { 'ttt.mode': 'full', 'ttt.learningRate': 3e-4 },
  'vote-flat': { 'vote.method': 'flat' },
  'vote-none': { 'vote.method': 'none' },
  'vote-poe': { 'vote.method': 'product-of-experts' },
  search: { solver: 'search' },
  ensemble: { solver: 'ensemble', 'ensemble.rule': 'search-first-split' },
  'ensemble-search-first': { solver: 'ensemble', 'ensemble.rule': 'search-first' },
  'ensemble-search-first-split': { solver: 'ensemble', 'ensemble.rule': 'search-first-split' },
  'ensemble-ttt-first': { solver: 'ensemble', 'ensemble.rule': 'ttt-first' },
  'ensemble-poe': { solver: 'ensemble', 'ensemble.rule': 'poe' },
  'ensemble-poe-no-ttt': { solver: 'ensemble', 'ensemble.rule': 'poe', 'ttt.enabled': false },
  'ensemble-poe-second': { solver: 'ensemble', 'ensemble.rule': 'poe-second' }
}

export const PRESET_DESCRIPTIONS: Readonly<Record<string, string>> = {
  ttt: 'the full method: per-task LoRA on leave-one-out data with augmentations, augmented inference, hierarchical voting',
  'no-ttt': 'the fine-tuned model alone (paper, 1B: 5/80)',
  'direct-io': 'TTT on plain input/output pairs instead of leave-one-out tasks (paper: 18/80)',
  'no-augment': 'TTT data without augmentations (paper: 13/80)',
  'shared-adapter': "one adapter trained on all tasks' TTT data (paper: 22/80)",
  'test-output-loss': 'loss on the test output only (paper: 26/80)',
  'full-ft': 'every weight trained per task instead of an adapter',
  'vote-flat': 'flat voting: one global top 2',
  'vote-none': 'no voting: the first two distinct identity predictions',
  'vote-poe': 'product-of-experts rescoring of the candidates by summed NLL over augmented views',
  search: 'program search over grid transforms on the CPU: the two best answers of the programs that explain the demonstrations',
  ensemble: 'program search and TTT combined by the best rule measured (docs/results.md)',
  'ensemble-search-first': "the paper's ensemble: a program explaining every demonstration wins, TTT elsewhere",
  'ensemble-search-first-split':
    "search-first, but where no program explains every demonstration: the search's best partial answer, then TTT's first attempt",
  'ensemble-ttt-first': "TTT's attempts first, the search's where TTT has none (for comparison)",
  'ensemble-poe': "search answers and TTT candidates pooled, ranked by the adapted model's summed NLL over augmented views",
  'ensemble-poe-no-ttt': 'the poe pool ranked by the base model alone: what adaptation adds to the choice',
  'ensemble-poe-second':
    "where more than two programs explain every demonstration: the search's first answer, " +
    'then its other answer of lowest summed NLL under the adapted model; else search-first-split'
}
