// Provider probes run in a child process: a failing provider's native messages (Vulkan, onnxruntime's
// provider bridge) are captured there and reported in words, never printed to the caller's stderr.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { probeExecutionProvider, runQuietChild } from '../../../main/engine/runtime/provider-probe'

const ROOT = join(import.meta.dirname, '..', '..', '..')

describe('quiet child process', () => {
  it("captures the child's stderr and stdout instead of passing them on", async () => {
    const result = await runQuietChild(
      "process.stderr.write('noise from native code\\n'); process.stdout.write(process.argv[1])",
      ['an argument'],
      5000
    )
    expect(result).toEqual({ stdout: 'an argument', stderr: 'noise from native code\n', timedOut: false })
  })

  it('kills a child that runs past the time limit', async () => {
    const result = await runQuietChild('setInterval(() => {}, 1000)', [], 300)
    expect(result.timedOut).toBe(true)
  })
})

describe('probeExecutionProvider', () => {
  it('runs the test graph on the CPU in the child process', async () => {
    expect(await probeExecutionProvider('cpu')).toEqual({ ok: true })
  })

  it('names what this build offers for a provider it does not include', async () => {
    const other = process.platform === 'darwin' ? 'dml' : 'coreml'
    const outcome = await probeExecutionProvider(other)
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.reason).toMatch(/offers only cpu/)
  })
})

describe('probing every provider', () => {
  it('prints nothing to stderr and says in words what each unavailable provider needs', () => {
    const script = join(mkdtempSync(join(tmpdir(), 'probe-')), 'probe-all.mts')
    const checkModule = join(ROOT, 'main/engine/experiment/provider-check.ts')
    writeFileSync(
      script,
      `import { probeProviders } from ${JSON.stringify(checkModule)}\nconsole.log(JSON.stringify(await probeProviders()))\n`
    )
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(child.stderr).toBe('')
    const statuses = JSON.parse(child.stdout) as { name: string; available: boolean; detail: string }[]
    expect(statuses.map((s) => s.name)).toEqual(['cpu', 'webgpu', 'cuda', 'dml', 'coreml'])
    for (const status of statuses.filter((s) => !s.available)) {
      expect(status.detail).toContain('It needs')
      expect(status.detail).not.toMatch(/onnxruntime_src|\[E:onnxruntime/)
    }
  })
})
