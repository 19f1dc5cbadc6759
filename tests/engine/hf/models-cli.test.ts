// `arc-ttt models inspect`: the tiny checkpoints described from their headers, and a folder that is
// not a supported model refused with the reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../cli/run-cli'
import { fixtureDir } from './fixtures'

const scratch = mkdtempSync(join(tmpdir(), 'hf-models-cli-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('arc-ttt models inspect', () => {
  it('describes the tiny Llama: architecture, parameters, dtypes, tokenizer, format, memory', () => {
    const result = runCli(['models', 'inspect', fixtureDir('llama-gqa')])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/architecture +LlamaForCausalLM/)
    expect(result.stdout).toMatch(/parameters +158,016 \(2 layers, hidden 64, MLP 176, 4 heads \/ 2 key-value heads of 16\)/)
    expect(result.stdout).toMatch(/rotary +llama3 \(theta 500000, factor 8, original 64\)/)
    expect(result.stdout).toMatch(/tokenizer +.*tokenizer\.json/)
    expect(result.stdout).toMatch(/text format +marc/)
    expect(result.stdout).toMatch(/memory +weights 0\.6 MiB/)
  })

  it('reports the tied Qwen2 as JSON with its stored dtypes', () => {
    const result = runCli(['models', 'inspect', fixtureDir('qwen2-tied'), '--json'])
    expect(result.code).toBe(0)
    type Report = { parameters: number; config: { tiedEmbeddings: boolean; attentionBias: boolean }; dtypes: Record<string, number> }
    const report = JSON.parse(result.stdout) as Report
    expect(report.config).toMatchObject({ tiedEmbeddings: true, attentionBias: true })
    expect(report.dtypes).toEqual({ F32: report.parameters })
  })

  it('refuses an unsupported architecture with exit status 1', () => {
    writeFileSync(join(scratch, 'config.json'), JSON.stringify({ architectures: ['GPT2LMHeadModel'] }))
    const result = runCli(['models', 'inspect', scratch])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/GPT2LMHeadModel is not supported/)
  })
})
