// Every gradient rule against central finite differences in onnxruntime-node (seed printed on failure),
// and the rule table's coverage: every differentiable op has at least one case.
import { describe, expect, it } from 'vitest'
import { GRAD_CASES } from '../../../main/engine/autodiff/gradcheck/cases'
import { runGradCase, TOLERANCES, type GradCase } from '../../../main/engine/autodiff/gradcheck/check'
import { runGradcheck } from '../../../main/engine/autodiff/gradcheck/run-all'
import { differentiableOps, GRADIENT_RULES } from '../../../main/engine/autodiff/rules'
import type { GradientRule } from '../../../main/engine/autodiff/rule'
import * as op from '../../../main/engine/onnx/ops'

describe('gradient rules match finite differences', () => {
  it.each(GRAD_CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const seed = 1000 + i
    const result = await runGradCase(c, seed)
    const tolerance = TOLERANCES[c.dtype].tolerance
    expect(result.error, `seed ${seed}`).toBeUndefined()
    if (c.expectedFailure) expect(result.maxError, `expected failure: ${c.expectedFailure}`).toBeGreaterThan(tolerance)
    else expect(result.maxError, `seed ${seed}, ${c.dtype}`).toBeLessThanOrEqual(tolerance)
  })

  it('runs every case in float32 when asked (as on a GPU provider, which has no float64 kernels)', async () => {
    const report = await runGradcheck({ float32: true, seed: 5 })
    expect(report.results.map((r) => r.dtype).every((d) => d === 'float32')).toBe(true)
    expect(report.results.filter((r) => !r.passed).map((r) => `${r.name}: ${r.error ?? r.maxError}`)).toEqual([])
    expect(report.results).toHaveLength(GRAD_CASES.length)
  })

  it('covers every op that has a rule', () => {
    const covered = new Set(GRAD_CASES.map((c) => c.op))
    expect(differentiableOps().filter((name) => !covered.has(name))).toEqual([])
  })

  it('the check detects a wrong gradient rule', async () => {
    // A composite x*x registered with the wrong rule dx = g (the right one is 2 x g).
    const rules = GRADIENT_RULES as Record<string, GradientRule>
    rules.WrongSquare = (ctx) => [ctx.gradOutput(0)]
    try {
      const wrong: GradCase = {
        name: 'WrongSquare',
        op: 'WrongSquare',
        dtype: 'float64',
        inputs: [{ shape: [2, 3] }],
        build: ([x]) => x!.graph.buildComposite('WrongSquare', [x!], {}, () => [op.Mul(x!, x!)])[0]!
      }
      const result = await runGradCase(wrong, 1)
      expect(result.passed).toBe(false)
      expect(result.maxError).toBeGreaterThan(0.01)
    } finally {
      delete rules.WrongSquare
    }
  })

  it('reports an op the provider cannot run as an error, not a pass', async () => {
    const erf64: GradCase = { name: 'Erf float64', op: 'Erf', dtype: 'float64', inputs: [{ shape: [2] }], build: ([x]) => op.Erf(x!) }
    const result = await runGradCase(erf64, 1)
    expect(result.passed).toBe(false)
    expect(result.error).toMatch(/Erf/)
  })
})
