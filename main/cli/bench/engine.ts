// `arc-ttt bench engine [--threads N] [--ep NAME] [--steps N] [--json]`: MatMul peak and
// ARC transformer train-step figures (see main/engine/bench/engine-bench.ts).
import { runEngineBench } from '../../engine/bench/engine-bench'
import { EXECUTION_PROVIDERS } from '../../engine/runtime/providers'
import { flagTable, parseCommandArgs, type Command } from '../command'
import { formatTable } from '../format-table'
import { choiceFlag, integerFlag } from '../integer-flag'
import { EXIT_OK, UsageError } from '../usage-error'
import { ENGINE_MODEL_USAGE, engineModelBench } from './engine-model'

export const engineBench: Command = {
  name: 'engine',
  summary: 'MatMul peak and ARC transformer train-step speed through onnxruntime-node',
  usage: `arc-ttt bench engine [--threads N] [--ep cpu|webgpu|cuda|dml|coreml] [--steps N] [--json]

  --threads N  intra-op threads (default 0 = all cores)
  --ep NAME    execution provider (default cpu)
  --steps N    timed steps per train-step variant after one warm-up step (default 5); the
               median step is reported
  --json       one JSON object: matmulPeakGflops, trainStep, loraStep, peakRssMb, ...

Measures in one run: (a) GFLOP/s of a 2048x2048x2048 float32 MatMul (the practical peak);
(b) a train step of the workbench's ARC transformer, built as TTT and pretraining build it, at
d_model 256, 6 layers, 8 heads, MLP 4x, sequence 1024, batch 4, all weights trainable: seconds per
step, tokens/s, model FLOPs counted analytically, achieved GFLOP/s and the ratio to (a); (c) the
same with only LoRA rank-16 adapters on q, v and the MLP trainable; (d) peak RSS.

${ENGINE_MODEL_USAGE}`,
  async run(argv) {
    if (argv.some((a) => a === '--model' || a.startsWith('--model='))) return engineModelBench.run(argv)
    const { values, positionals } = parseCommandArgs(argv, flagTable('threads', 'ep', 'steps', 'json?'))
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`)
    const provider = choiceFlag('--ep', values.ep, EXECUTION_PROVIDERS, 'cpu')
    const threads = integerFlag('--threads', values.threads, 0, 0)
    const steps = integerFlag('--steps', values.steps, 5, 1)
    const report = await runEngineBench({ runtime: { provider, intraOpThreads: threads }, steps, onProgress: (m) => process.stderr.write(`bench engine: ${m}\n`) })
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
      return EXIT_OK
    }
    const f = (x: number, digits = 2) => x.toFixed(digits)
    const row = (name: string, s: typeof report.trainStep) => [name, f(s.secondsPerStep, 3), f(s.tokensPerSecond, 0), f(s.modelGflop, 1), f(s.achievedGflops, 1), `${f(100 * s.ratioToPeak, 1)}%`, s.trainableParameters]
    process.stdout.write(`provider ${report.provider}, intra-op threads ${report.threads || 'all'}\n`)
    process.stdout.write(`MatMul ${report.matmulSize}^3 float32 peak: ${f(report.matmulPeakGflops, 1)} GFLOP/s\n\n`)
    process.stdout.write(`${formatTable(['train step', 's/step', 'tokens/s', 'GFLOP', 'GFLOP/s', 'of peak', 'trainable'], [row('all weights', report.trainStep), row('LoRA r16', report.loraStep)])}\n\n`)
    process.stdout.write(`peak resident memory: ${f(report.peakRssMb, 0)} MB\n`)
    return EXIT_OK
  }
}
