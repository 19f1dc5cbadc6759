// Whether an execution provider works on this machine, found the only reliable way: by running a
// 2x2 MatMul on it. The run happens in a child Node process because a provider that fails to load
// prints from native code straight to the process's stderr (Dawn's "Couldn't load Vulkan",
// onnxruntime's provider-bridge errors), where no JavaScript option reaches: in the caller's own
// process those lines land in every log and test output and read as failures. The child's stderr
// is captured and becomes part of the reason instead; a hung provider is killed at the time limit.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { Graph } from '../onnx/graph'
import * as op from '../onnx/ops'
import { serializeGraph } from '../onnx/serialize'
import { bundledProviders } from './session'
import type { ExecutionProviderName } from './providers'

/** What a probe found: `ok`, or the error and what the provider printed, as `reason`. */
export type ProbeOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string }

const PROBE_TIMEOUT_MS = 20_000

// CommonJS run by `node -e`; argv: onnxruntime-node's path, the provider, the model in base64.
// Prints one JSON line: {"ok":true} or {"ok":false,"error":"..."}.
const CHILD_SOURCE = `
const ort = require(process.argv[1])
const [provider, model] = [process.argv[2], Buffer.from(process.argv[3], 'base64')]
const report = (result) => process.stdout.write(JSON.stringify(result) + '\\n', () => process.exit(0))
;(async () => {
  const session = await ort.InferenceSession.create(model, { executionProviders: [provider], intraOpNumThreads: 1 })
  const a = new ort.Tensor('float32', Float32Array.from([1, 2, 3, 4]), [2, 2])
  const { y } = await session.run({ a })
  if (y.data[0] !== 7) throw new Error('the test graph gave ' + y.data[0] + ' where 7 was expected')
  await session.release()
})().then(() => report({ ok: true }), (error) => report({ ok: false, error: String((error && error.message) || error) }))
`

function probeModel(): Uint8Array {
  const g = new Graph('provider-probe')
  const a = g.input('a', 'float32', [2, 2])
  g.output(op.MatMul(a, a, 'y'))
  return serializeGraph(g)
}

/** The child's printed lines, without colour codes and blank lines. */
function cleanOutput(text: string): string {
  const uncoloured = text.replace(/\u001b\[[0-9;]*m/g, '')
  return uncoloured
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(' | ')
}

/** Runs `source` (CommonJS) in a child Node with `args`; its stdout and stderr are captured, never shown. */
export function runQuietChild(
  source: string,
  args: readonly string[],
  timeoutMs: number
): Promise<{ stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // ELECTRON_RUN_AS_NODE: where the caller is an Electron process, its binary runs as plain Node.
    const child = spawn(process.execPath, ['-e', source, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', () => {
      clearTimeout(timer)
      resolve({ stdout, stderr, timedOut })
    })
  })
}

/** Runs the test graph on `provider` in a child process; never prints anything itself. */
export async function probeExecutionProvider(provider: ExecutionProviderName, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeOutcome> {
  if (provider !== 'cpu' && !bundledProviders().includes(provider)) {
    return {
      ok: false,
      reason: `this onnxruntime-node build on ${process.platform}/${process.arch} offers only ${bundledProviders().join(', ')}`
    }
  }
  const onnxruntime = createRequire(import.meta.url).resolve('onnxruntime-node')
  const model = Buffer.from(probeModel()).toString('base64')
  const { stdout, stderr, timedOut } = await runQuietChild(CHILD_SOURCE, [onnxruntime, provider, model], timeoutMs)
  if (timedOut) return { ok: false, reason: `the probe did not finish in ${timeoutMs / 1000} s` }
  const line = stdout.split('\n').find((l) => l.startsWith('{'))
  const result = line
    ? (JSON.parse(line) as { ok: boolean; error?: string })
    : { ok: false, error: 'the probe process ended without a result' }
  if (result.ok) return { ok: true }
  const printed = cleanOutput(stderr)
  return { ok: false, reason: printed ? `${result.error} (it printed: ${printed})` : String(result.error) }
}
