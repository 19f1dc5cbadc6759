// The Adapt form's client-side checks: override values by key type, and the task selection.
import { describe, expect, it } from 'vitest'
import type { ConfigKeyView, PresetView } from '../../main/api/runs-contract'
import { baseValue, checkField, checkOverrides } from '../../renderer/src/adapt/config-form'
import { checkSelection, draftFromQuery, parseIdList, type SelectionDraft } from '../../renderer/src/adapt/task-selection'

const rank: ConfigKeyView = { key: 'ttt.loraRank', type: { kind: 'integer', min: 1, max: 256 }, default: 16, doc: 'LoRA rank' }
const lr: ConfigKeyView = { key: 'ttt.learningRate', type: { kind: 'number', min: 0, max: 1, exclusiveMin: true }, default: 1e-3, doc: 'peak learning rate' }
const enabled: ConfigKeyView = { key: 'ttt.enabled', type: { kind: 'boolean' }, default: true, doc: 'train at test time' }
const mode: ConfigKeyView = { key: 'ttt.mode', type: { kind: 'choice', values: ['lora', 'full', 'shared'] }, default: 'lora', doc: 'how' }
const targets: ConfigKeyView = { key: 'ttt.loraTargets', type: { kind: 'list', values: ['q', 'k', 'v', 'o'] }, default: ['q', 'v'], doc: 'projections' }
const schema = [rank, lr, enabled, mode, targets]
const noTtt: PresetView = { name: 'no-ttt', description: 'no TTT', overrides: { 'ttt.enabled': false } }

describe('checkField', () => {
  it('checks integers against their range', () => {
    expect(checkField(rank, '8')).toEqual({ ok: true, value: 8 })
    expect(checkField(rank, ' 256 ')).toEqual({ ok: true, value: 256 })
    expect(checkField(rank, '0')).toEqual({ ok: false, error: 'ttt.loraRank: expected an integer >= 1 and <= 256, got "0"' })
    expect(checkField(rank, '257').ok).toBe(false)
    expect(checkField(rank, '2.5').ok).toBe(false)
    expect(checkField(rank, '').ok).toBe(false)
    expect(checkField(rank, 'eight').ok).toBe(false)
  })

  it('checks numbers, an exclusive minimum included', () => {
    expect(checkField(lr, '3e-4')).toEqual({ ok: true, value: 3e-4 })
    expect(checkField(lr, '0')).toEqual({ ok: false, error: 'ttt.learningRate: expected a number > 0 and <= 1, got "0"' })
    expect(checkField(lr, '1.5').ok).toBe(false)
    expect(checkField(lr, 'Infinity').ok).toBe(false)
  })

  it('checks booleans, choices and lists', () => {
    expect(checkField(enabled, 'false')).toEqual({ ok: true, value: false })
    expect(checkField(enabled, 'yes').ok).toBe(false)
    expect(checkField(mode, 'full')).toEqual({ ok: true, value: 'full' })
    expect(checkField(mode, 'Full')).toEqual({ ok: false, error: 'ttt.mode: expected one of lora, full, shared, got "Full"' })
    expect(checkField(targets, ['v', 'q'])).toEqual({ ok: true, value: ['q', 'v'] })
    expect(checkField(targets, 'o, k')).toEqual({ ok: true, value: ['k', 'o'] })
    expect(checkField(targets, []).ok).toBe(false)
    expect(checkField(targets, ['q', 'x']).ok).toBe(false)
  })
})

describe('checkOverrides', () => {
  it('sends only values that differ from the preset and reports bad fields by key', () => {
    expect(baseValue(enabled, noTtt)).toBe(false)
    expect(baseValue(rank, noTtt)).toBe(16)
    const result = checkOverrides(schema, noTtt, { 'ttt.loraRank': '8', 'ttt.enabled': 'false', 'ttt.mode': null, 'ttt.learningRate': '-1', 'ttt.loraTargets': ['v', 'q'] })
    expect(result.overrides).toEqual({ 'ttt.loraRank': 8 })
    expect(Object.keys(result.errors)).toEqual(['ttt.learningRate'])
  })
})

describe('task selection', () => {
  const context = { datasetIds: ['a', 'b', 'c'], taskLists: [{ path: '/data/dev80-task-levels.csv', count: 80 }] }
  const draft = (over: Partial<SelectionDraft>): SelectionDraft => ({ ...draftFromQuery({}), ...over })

  it('opens on the task or the ids a link names', () => {
    expect(draftFromQuery({ task: 'b' })).toMatchObject({ mode: 'single', singleTaskId: 'b' })
    expect(draftFromQuery({ tasks: 'a,c, a' })).toMatchObject({ mode: 'filtered', filteredIds: ['a', 'c'] })
    expect(draftFromQuery({}).mode).toBe('all')
    expect(parseIdList(' x  y,z,,x ')).toEqual(['x', 'y', 'z'])
  })

  it('builds each kind of selection with its task count', () => {
    expect(checkSelection(draft({ mode: 'all' }), context)).toEqual({ ok: true, selection: { kind: 'all' }, count: 3 })
    expect(checkSelection(draft({ mode: 'list', listPath: '/data/dev80-task-levels.csv' }), context)).toEqual({ ok: true, selection: { kind: 'list', path: '/data/dev80-task-levels.csv' }, count: 80 })
    expect(checkSelection(draft({ mode: 'random', randomCount: '2', randomSeed: '7' }), context)).toEqual({ ok: true, selection: { kind: 'random', count: 2, seed: 7 }, count: 2 })
    expect(checkSelection(draft({ mode: 'single', singleTaskId: 'c' }), context)).toEqual({ ok: true, selection: { kind: 'ids', ids: ['c'] }, count: 1 })
    expect(checkSelection(draft({ mode: 'filtered', filteredIds: ['a', 'b'] }), context)).toEqual({ ok: true, selection: { kind: 'ids', ids: ['a', 'b'] }, count: 2 })
  })

  it('refuses what the dataset cannot give, saying why', () => {
    expect(checkSelection(draft({ mode: 'random', randomCount: '4' }), context)).toEqual({ ok: false, error: 'the dataset has only 3 tasks; ask for at most 3' })
    expect(checkSelection(draft({ mode: 'random', randomCount: '0' }), context).ok).toBe(false)
    expect(checkSelection(draft({ mode: 'random', randomSeed: '-1' }), context).ok).toBe(false)
    expect(checkSelection(draft({ mode: 'single', singleTaskId: 'zz' }), context)).toEqual({ ok: false, error: expect.stringMatching(/^1 task id is not in this dataset: zz \(nearest: /) })
    expect(checkSelection(draft({ mode: 'filtered', filteredIds: ['a', 'q'] }), context)).toEqual({ ok: false, error: expect.stringMatching(/^1 task id is not in this dataset: q \(nearest: /) })
    expect(checkSelection(draft({ mode: 'list', listPath: '' }), context).ok).toBe(false)
    expect(checkSelection(draft({ mode: 'all' }), { ...context, datasetIds: null }).ok).toBe(false)
  })
})

describe('the form and `arc-ttt run --set` share one value parser', () => {
  it('gives the config hash of the command line for the same list in any order', async () => {
    const { CONFIG_SCHEMA } = await import('../../main/engine/experiment/schema')
    const { parseOverrides, resolveConfig } = await import('../../main/engine/experiment/config')
    const { configHash } = await import('../../main/engine/experiment/config-hash')
    const form = checkOverrides(CONFIG_SCHEMA, undefined, { 'ttt.loraTargets': ['v', 'q'] })
    expect(form.overrides).toEqual({ 'ttt.loraTargets': ['q', 'v'] })
    const fromCli = resolveConfig('ttt', parseOverrides(['ttt.loraTargets=v,q']))
    expect(configHash(resolveConfig('ttt', form.overrides))).toBe(configHash(fromCli))
  })
})
