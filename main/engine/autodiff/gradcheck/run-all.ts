// Runs the gradient-check table, optionally for one op, and summarises it per op.
import type { RuntimeOptions } from '../../runtime/session'
import { GRAD_CASES } from './cases'
import { runGradCase, type GradCaseResult } from './check'

export interface OpSummary {
  readonly op: string
  readonly cases: number
  readonly maxError: number
  readonly passed: boolean
}

export interface GradcheckReport {
  readonly results: readonly GradCaseResult[]
  readonly ops: readonly OpSummary[]
  readonly passed: boolean
}

/** All ops that have at least one case, for `--op` validation. */
export function checkedOps(): string[] {
  return [...new Set(GRAD_CASES.map((c) => c.op))].sort()
}

export interface GradcheckOptions {
  readonly op?: string
  readonly seed?: number
  readonly runtime?: RuntimeOptions
  /**
   * Run every case in float32. GPU providers need it: WebGPU has no float64 kernels, so a float64
   * case would run on the CPU fallback and check nothing of the GPU.
   */
  readonly float32?: boolean
}

export async function runGradcheck(options: GradcheckOptions = {}): Promise<GradcheckReport> {
  const seed = options.seed ?? 1
  const cases = GRAD_CASES.filter((c) => options.op === undefined || c.op === options.op).map((c) =>
    options.float32 ? { ...c, dtype: 'float32' as const } : c
  )
  const results: GradCaseResult[] = []
  for (const [i, c] of cases.entries()) results.push(await runGradCase(c, seed + i, options.runtime))
  const ops = [...new Set(results.map((r) => r.op))].map((opName) => {
    const mine = results.filter((r) => r.op === opName)
    return { op: opName, cases: mine.length, maxError: Math.max(...mine.map((r) => r.maxError)), passed: mine.every((r) => r.passed) }
  })
  return { results, ops, passed: results.every((r) => r.passed) }
}
