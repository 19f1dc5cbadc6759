// The model chooser's catalog lists Hugging Face checkpoint folders next to our own models, and
// leaves out folders of architectures the engine cannot run.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { modelCatalog } from '../../../main/engine/model/model-catalog'
import { fixtureDir } from './fixtures'

const modelsDir = mkdtempSync(join(tmpdir(), 'hf-catalog-'))
afterAll(() => rmSync(modelsDir, { recursive: true, force: true }))

describe('the model catalog', () => {
  it('lists a Llama checkpoint folder with its shape and leaves out an unsupported one', async () => {
    mkdirSync(join(modelsDir, 'tiny-llama'))
    copyFileSync(join(fixtureDir('llama-gqa'), 'config.json'), join(modelsDir, 'tiny-llama', 'config.json'))
    mkdirSync(join(modelsDir, 'gpt2'))
    writeFileSync(join(modelsDir, 'gpt2', 'config.json'), JSON.stringify({ architectures: ['GPT2LMHeadModel'], model_type: 'gpt2' }))
    const catalog = await modelCatalog(modelsDir)
    const tiny = catalog.find((m) => m.id === 'tiny-llama')
    const summary = 'LlamaForCausalLM, 2 layers, hidden 64, 4 heads (2 key-value), Hugging Face checkpoint'
    expect(tiny).toMatchObject({ isDefault: false, parameterCount: 158016, summary })
    expect(catalog.some((m) => m.id === 'gpt2')).toBe(false)
  })
})
