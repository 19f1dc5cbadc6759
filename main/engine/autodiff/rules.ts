// The one table of gradient rules: ONNX op type (or composite name) -> rule.
import { elementwiseRules } from './rules-elementwise'
import { layoutRules } from './rules-layout'
import { reduceRules } from './rules-reduce'
import type { RuleEntry } from './rule'

export const GRADIENT_RULES: Readonly<Record<string, RuleEntry>> = {
  ...elementwiseRules,
  ...layoutRules,
  ...reduceRules
}

/** Op types with a rule (differentiable ones). */
export function differentiableOps(): string[] {
  return Object.entries(GRADIENT_RULES)
    .filter(([, rule]) => typeof rule === 'function')
    .map(([name]) => name)
    .sort()
}
