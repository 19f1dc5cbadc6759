// Grid-constrained decoding over a subword vocabulary: a character automaton for numpy grid text
// ("[[1 2]\n [3 4]]#") with equal row widths and at most 30x30, and per step the tokens whose whole
// text the automaton accepts from its current state. Only tokens made of grid characters can ever
// qualify, so they are listed once per tokenizer (`gridTokens`); the stop tokens are allowed only
// after the closing `#`.
import { MAX_GRID_SIDE } from '../arc/types'
import type { TokenConstraint } from '../model/hf/greedy'

type Phase = 'open-outer' | 'open-row' | 'cell' | 'after-cell' | 'after-row' | 'newline' | 'closed' | 'done'

interface State {
  readonly phase: Phase
  readonly column: number
  readonly rows: number
  readonly width: number | undefined
}

const START: State = { phase: 'open-outer', column: 0, rows: 0, width: undefined }
const GRID_CHARACTERS = /^[[\]0-9 #\n]+$/

/** The state after `char`, or undefined when the grammar does not allow it there. */
function advance(state: State, char: string): State | undefined {
  const { phase, column, rows, width } = state
  const isDigit = char >= '0' && char <= '9'
  switch (phase) {
    case 'open-outer':
      return char === '[' ? { ...state, phase: 'open-row' } : undefined
    case 'open-row':
      return char === '[' && rows < MAX_GRID_SIDE ? { ...state, phase: 'cell', column: 0 } : undefined
    case 'cell':
      return isDigit && column < (width ?? MAX_GRID_SIDE) ? { ...state, phase: 'after-cell', column: column + 1 } : undefined
    case 'after-cell':
      if (char === ' ') return column < (width ?? MAX_GRID_SIDE) ? { ...state, phase: 'cell' } : undefined
      if (char === ']' && (width === undefined || column === width)) return { phase: 'after-row', column: 0, rows: rows + 1, width: column }
      return undefined
    case 'after-row':
      if (char === '\n') return { ...state, phase: 'newline' }
      return char === ']' ? { ...state, phase: 'closed' } : undefined
    case 'newline':
      return char === ' ' ? { ...state, phase: 'open-row' } : undefined
    case 'closed':
      return char === '#' ? { ...state, phase: 'done' } : undefined
    case 'done':
      return char === '\n' ? state : undefined
  }
}

function advanceText(state: State, text: string): State | undefined {
  let current: State | undefined = state
  for (const char of text) {
    current = advance(current, char)
    if (!current) return undefined
  }
  return current
}

/** Tokens whose text is made only of grid characters, with that text. */
export function gridTokens(vocabulary: ReadonlyMap<number, string>): Map<number, string> {
  return new Map([...vocabulary].filter(([, text]) => GRID_CHARACTERS.test(text)))
}

export class NumpyGridConstraint implements TokenConstraint {
  private state: State = START

  constructor(
    private readonly candidates: ReadonlyMap<number, string>,
    private readonly stopTokens: readonly number[]
  ) {}

  allowed(): number[] {
    if (this.state.phase === 'done')
      return [...this.stopTokens, ...[...this.candidates].filter(([, text]) => advanceText(this.state, text)).map(([id]) => id)]
    return [...this.candidates].filter(([, text]) => advanceText(this.state, text) !== undefined).map(([id]) => id)
  }

  accept(token: number): void {
    const text = this.candidates.get(token)
    if (text === undefined) return
    this.state = advanceText(this.state, text) ?? this.state
  }
}
