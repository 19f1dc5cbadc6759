// `arc-ttt serve` refusals through the real launcher (the serving itself is covered end to end in
// tests/e2e/task-browser.test.ts).
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli'

describe('arc-ttt serve', () => {
  it('refuses a non-loopback --host without --allow-remote, and says why', () => {
    const { code, stderr } = runCli(['serve', '--host', '0.0.0.0'])
    expect(code).toBe(2)
    expect(stderr).toContain('--host 0.0.0.0 is not a loopback address')
    expect(stderr).toContain('--allow-remote')
  })

  it('refuses a bad --port and stray arguments', () => {
    expect(runCli(['serve', '--port', 'eighty']).stderr).toContain('--port must be an integer 0..65535')
    expect(runCli(['serve', '--port', '70000']).code).toBe(2)
    expect(runCli(['serve', 'extra']).code).toBe(2)
  })

  it('is listed with its options', () => {
    expect(runCli(['--help']).stdout).toMatch(/\n\s+serve\s+open the workbench in a web browser/)
    const { code, stdout } = runCli(['serve', '--help'])
    expect(code).toBe(0)
    for (const option of ['--data PATH', '--port N', '--host ADDRESS', '--allow-remote']) expect(stdout).toContain(option)
  })
})
