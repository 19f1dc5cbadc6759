// Experiment configs: presets plus overrides, every key validated with a message naming it, hashed.
import { describe, expect, it } from 'vitest'
import { flattenConfig, parseOverrides, resolveConfig, validateConfig } from '../../../main/engine/experiment/config'
import { configHash } from '../../../main/engine/experiment/config-hash'
import { ConfigError } from '../../../main/engine/experiment/config-values'
import { PRESETS, PRESET_DESCRIPTIONS } from '../../../main/engine/experiment/presets'
import { CONFIG_SCHEMA } from '../../../main/engine/experiment/schema'

describe('experiment config', () => {
  it('resolves every preset to a complete config, each described', () => {
    for (const preset of Object.keys(PRESETS)) {
      const config = resolveConfig(preset)
      expect(flattenConfig(config).map(([k]) => k)).toEqual(CONFIG_SCHEMA.map((s) => s.key))
      expect(PRESET_DESCRIPTIONS[preset]).toBeTruthy()
    }
    expect(resolveConfig('no-ttt').ttt.enabled).toBe(false)
    expect(resolveConfig('direct-io').data.format).toBe('direct-io')
    expect(resolveConfig('test-output-loss').data.lossMask).toBe('test-output-only')
    expect(resolveConfig('shared-adapter').ttt.mode).toBe('shared')
    expect(resolveConfig('vote-poe').vote.method).toBe('product-of-experts')
  })

  it('applies typed overrides from key=value strings', () => {
    const config = resolveConfig('ttt', parseOverrides(['ttt.loraRank=8', 'data.augment=false', 'ttt.loraTargets=q,k,q', 'ttt.learningRate=3e-4']))
    expect(config.ttt.loraRank).toBe(8)
    expect(config.data.augment).toBe(false)
    expect(config.ttt.loraTargets).toEqual(['q', 'k'])
    expect(config.ttt.learningRate).toBe(3e-4)
  })

  it.each([
    [{ 'ttt.rank': '8' }, /unknown config key "ttt.rank"; keys near it: .*ttt.loraRank/],
    [{ 'ttt.loraRank': '0' }, 'ttt.loraRank: expected an integer >= 1 and <= 256, got "0"'],
    [{ 'ttt.loraRank': '2.5' }, /ttt.loraRank: expected an integer/],
    [{ 'data.augment': 'yes' }, 'data.augment: expected true or false, got "yes"'],
    [{ 'vote.method': 'majority' }, /vote.method: expected one of hierarchical, flat, none, product-of-experts, got "majority"/],
    [{ 'ttt.loraTargets': 'q,lm_head' }, /ttt.loraTargets: expected one or more of q, k, v, o, up, down \(comma-separated\)/],
    [{ 'ttt.learningRate': '0' }, /ttt.learningRate: expected a number > 0/]
  ])('refuses %j with a message naming the key', (overrides, message) => {
    expect(() => resolveConfig('ttt', overrides)).toThrow(ConfigError)
    expect(() => resolveConfig('ttt', overrides)).toThrow(message)
  })

  it('names an unknown preset and a malformed override', () => {
    expect(() => resolveConfig('best')).toThrow(/unknown preset "best"; presets: ttt, no-ttt/)
    expect(() => parseOverrides(['seed'])).toThrow('override "seed" must look like key=value')
  })

  it('hashes the resolved values, not how they were written', () => {
    expect(configHash(resolveConfig('ttt', { 'ttt.loraRank': '16' }))).toBe(configHash(resolveConfig('ttt')))
    expect(configHash(resolveConfig('no-augment'))).toBe(configHash(resolveConfig('ttt', { 'data.augment': false })))
    expect(configHash(resolveConfig('ttt', { seed: 1 }))).not.toBe(configHash(resolveConfig('ttt')))
  })

  it('puts list values in schema order, so q,v and v,q are one config with one hash', () => {
    const qv = resolveConfig('ttt', parseOverrides(['ttt.loraTargets=q,v']))
    const vq = resolveConfig('ttt', parseOverrides(['ttt.loraTargets=v,q']))
    expect(vq.ttt.loraTargets).toEqual(['q', 'v'])
    expect(configHash(vq)).toBe(configHash(qv))
    expect(configHash(resolveConfig('ttt', { 'ttt.loraTargets': ['down', 'q', 'down'] }))).toBe(configHash(resolveConfig('ttt', { 'ttt.loraTargets': 'q,down' })))
    expect(validateConfig({ ttt: { loraTargets: ['v', 'q'] } }).ttt.loraTargets).toEqual(['q', 'v'])
  })

  it('re-validates a config read back from the log', () => {
    const config = resolveConfig('full-ft', { seed: 3 })
    expect(validateConfig(JSON.parse(JSON.stringify(config)))).toEqual(config)
    expect(() => validateConfig({ ...config, ttt: { ...config.ttt, batchSize: -1 } })).toThrow(/ttt.batchSize: expected an integer >= 1/)
  })
})

describe('docs/experiments.md', () => {
  it('documents every config key and every preset', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = readFileSync(new URL('../../../docs/experiments.md', import.meta.url), 'utf8')
    expect(CONFIG_SCHEMA.filter((s) => !doc.includes(`| \`${s.key}\` |`)).map((s) => s.key)).toEqual([])
    expect(Object.keys(PRESETS).filter((p) => !doc.includes(`| \`${p}\` |`))).toEqual([])
  })
})
