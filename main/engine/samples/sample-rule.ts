// What a sample rule is: the shape every rule of the bundled sample tasks has (rules.ts lists them,
// the rules-*.ts files define them by kind).
import type { Grid } from '../arc'
import type { Rng } from '../random'

/** One ARC-style transformation and a source of inputs it makes sense on. */
export interface SampleRule {
  /** The task id and file name: descriptive kebab-case, such as `flip-horizontal`. */
  readonly id: string
  /** One sentence saying what the rule does, for people reading the task list. */
  readonly description: string
  /** A fresh random input; every call advances `rng`. Must give a 1x1..30x30 grid of colours 0..9. */
  makeInput(rng: Rng): number[][]
  /** The output for an input. Pure: it never changes the input and uses no randomness. */
  apply(input: Grid): number[][]
}
