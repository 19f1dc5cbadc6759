// `arc-ttt gradcheck [--op NAME] [--ep PROVIDER] [--seed N] [--float32] [--json]`: finite-difference checks of
// every gradient rule, run in onnxruntime-node.
import { checkedOps, runGradcheck } from '../../engine/autodiff/gradcheck/run-all'
import { TOLERANCES } from '../../engine/autodiff/gradcheck/check'
import { EXECUTION_PROVIDERS } from '../../engine/runtime/providers'
import { choiceFlag, integerFlag } from '../integer-flag'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatTable } from '../format-table'
import { EXIT_FAILURE, EXIT_OK, UsageError } from '../usage-error'

export const gradcheckCommand: Command = {
  name: 'gradcheck',
  summary: 'check every gradient rule against central finite differences in onnxruntime',
  usage: `arc-ttt gradcheck [--op NAME] [--ep cpu|webgpu|cuda|dml|coreml] [--seed N] [--json]

  --op NAME   only the cases of one op (e.g. MatMul, Softmax, SoftmaxCrossEntropy)
  --ep NAME   execution provider (default cpu)
  --seed N    seed of the random inputs (default 1); printed with each failure
  --float32   every case in float32 (always so for providers other than cpu: GPUs have no float64 kernels)
  --json      print every case as JSON

Error = |analytic - numeric| / max(1, |numeric|); tolerance ${TOLERANCES.float64.tolerance} in float64, ${TOLERANCES.float32.tolerance} in float32.
Exit status 0 only when every case passes.`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, flagTable('op', 'ep', 'seed', 'float32?', 'json?'))
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`)
    if (values.op !== undefined && !checkedOps().includes(values.op)) throw new UsageError(`no cases for op "${values.op}"; ops: ${checkedOps().join(', ')}`)
    const provider = choiceFlag('--ep', values.ep, EXECUTION_PROVIDERS, 'cpu')
    const seed = integerFlag('--seed', values.seed, 1)
    // Only the CPU provider has float64 kernels; elsewhere a float64 case would check the CPU fallback.
    const float32 = values.float32 === true || provider !== 'cpu'
    const report = await runGradcheck({ ...(values.op ? { op: values.op } : {}), seed, runtime: { provider }, float32 })
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ provider, float32, ...report }, null, 2)}\n`)
    } else {
      const rows = report.ops.map((o) => [o.op, o.cases, Number.isNaN(o.maxError) ? 'error' : o.maxError.toExponential(2), o.passed ? 'pass' : 'FAIL'])
      process.stdout.write(`${formatTable(['op', 'cases', 'max error', 'result'], rows)}\n`)
      for (const r of report.results.filter((x) => !x.passed || x.expectedFailure)) {
        const why = r.error ?? `max error ${r.maxError.toExponential(2)}`
        process.stdout.write(`${r.passed ? 'expected failure' : 'FAILED'}: ${r.name} (${r.dtype}, seed ${r.seed}): ${why}${r.expectedFailure ? ` [${r.expectedFailure}]` : ''}\n`)
      }
      const failed = report.results.filter((r) => !r.passed).length
      process.stdout.write(`${report.results.length - failed}/${report.results.length} cases passed on ${provider}\n`)
    }
    return report.passed ? EXIT_OK : EXIT_FAILURE
  }
}
