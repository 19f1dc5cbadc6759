// Runtime validation of the run methods' arguments: what is accepted (and normalised), and what is
// refused with a message that names the field and what was expected.
import { describe, expect, it } from 'vitest'
import { argsValidators } from '../../main/api/validators'

const start = { datasetPath: '/data/eval', selection: { kind: 'all' }, preset: 'ttt', overrides: {}, provider: 'cpu' }
const v = argsValidators

describe('startRun arguments', () => {
  it('accepts a complete request and parses override values with the config schema', () => {
    const args = v.startRun({ ...start, selection: { kind: 'random', count: 5, seed: 7 }, overrides: { 'data.cap': '32', 'ttt.enabled': false, 'ttt.loraTargets': 'q,v' }, modelDir: '', name: 'n', tags: ['a', 'a', 'b'] })
    expect(args).toEqual({ ...start, selection: { kind: 'random', count: 5, seed: 7 }, overrides: { 'data.cap': 32, 'ttt.enabled': false, 'ttt.loraTargets': ['q', 'v'] }, modelDir: '', name: 'n', tags: ['a', 'b'] })
    expect(v.startRun({ ...start, selection: { kind: 'ids', ids: ['x', 'y'] } })).toMatchObject({ selection: { kind: 'ids', ids: ['x', 'y'] } })
    expect(v.startRun({ ...start, selection: { kind: 'list', path: '/data/dev80.csv' } })).toMatchObject({ selection: { kind: 'list', path: '/data/dev80.csv' } })
  })

  it('refuses a bad override, naming the key and what it expects', () => {
    expect(v.startRun({ ...start, overrides: { 'data.cap': 0 } })).toBe('overrides: data.cap: expected an integer >= 1, got 0')
    expect(v.startRun({ ...start, overrides: { 'ttt.mode': 'half' } })).toBe('overrides: ttt.mode: expected one of lora, full, shared, got "half"')
    expect(v.startRun({ ...start, overrides: { 'ttt.learningRate': 0 } })).toMatch(/ttt\.learningRate: expected a number > 0 and <= 1/)
    expect(v.startRun({ ...start, overrides: { 'data.kap': 3 } })).toMatch(/unknown config key "data\.kap"/)
    expect(v.startRun({ ...start, overrides: [] })).toMatch(/"overrides" must be an object/)
  })

  it('refuses unknown presets, providers, selections and keys', () => {
    expect(v.startRun({ ...start, preset: 'fast' })).toMatch(/^"preset" must be one of ttt, no-ttt, .*got "fast"$/)
    expect(v.startRun({ ...start, provider: 'tpu' })).toBe('"provider" must be one of cpu, webgpu, cuda, dml, coreml, got "tpu"')
    expect(v.startRun({ ...start, selection: { kind: 'some' } })).toBe('"selection.kind" must be one of all, ids, list, random, got "some"')
    expect(v.startRun({ ...start, selection: { kind: 'ids', ids: [] } })).toMatch(/"selection.ids" must be a list of 1 to/)
    expect(v.startRun({ ...start, selection: { kind: 'ids', ids: ['a', 3] } })).toMatch(/"selection.ids\[1\]" must be a non-empty string/)
    expect(v.startRun({ ...start, selection: { kind: 'random', count: 0, seed: 1 } })).toMatch(/"selection.count" must be an integer from 1/)
    expect(v.startRun({ ...start, selection: { kind: 'random', count: 2, seed: -1 } })).toMatch(/"selection.seed" must be an integer from 0/)
    expect(v.startRun({ ...start, selection: { kind: 'all', ids: ['a'] } })).toMatch(/unknown argument\(s\) in "selection": ids/)
    expect(v.startRun({ ...start, gpu: true })).toMatch(/^unknown argument\(s\): gpu/)
    expect(v.startRun({ ...start, datasetPath: '' })).toMatch(/"datasetPath" must be a non-empty string/)
    expect(v.startRun({ ...start, tags: 'a' })).toMatch(/"tags" must be a list of strings/)
  })
})

describe('listRuns arguments', () => {
  it('accepts nothing, or a page, a sort column and filters', () => {
    expect(v.listRuns(undefined)).toEqual({})
    const query = { limit: 20, offset: 40, orderBy: 'accuracyOfficial', descending: false, filter: { text: 'abl', status: 'completed', preset: 'ttt', tag: 'x', params: { 'data.cap': 32, 'ttt.mode': 'lora', 'ttt.enabled': true } } }
    expect(v.listRuns(query)).toEqual(query)
  })

  it('refuses what the store would not take', () => {
    expect(v.listRuns({ orderBy: 'run_number; DROP TABLE runs' })).toMatch(/^"orderBy" must be one of createdAt, endedAt, name/)
    expect(v.listRuns({ limit: 1001 })).toBe('"limit" must be an integer from 1 to 1000, got 1001')
    expect(v.listRuns({ offset: -1 })).toMatch(/"offset" must be an integer from 0/)
    expect(v.listRuns({ filter: { status: 'paused' } })).toMatch(/"filter.status" must be one of running, completed, interrupted, failed, cancelled/)
    expect(v.listRuns({ filter: { params: { 'data.cap': [1] } } })).toMatch(/"filter.params.data.cap" must be a string, a finite number, true, false or null/)
    expect(v.listRuns({ filter: { params: { 'data.cap': Number.NaN } } })).toMatch(/"filter.params.data.cap"/)
    expect(v.listRuns({ filter: { owner: 'me' } })).toMatch(/unknown argument\(s\) in "filter": owner/)
  })
})

describe('the other run methods', () => {
  it('accept their arguments', () => {
    expect(v.runOptions({})).toEqual({})
    expect(v.activeRuns(undefined)).toEqual({})
    expect(v.cancelRun({ runId: 'r1' })).toEqual({ runId: 'r1' })
    expect(v.resumeRun({ runId: 'r1', provider: 'cpu' })).toEqual({ runId: 'r1', provider: 'cpu' })
    expect(v.updateRun({ runId: 'r1', notes: '' })).toEqual({ runId: 'r1', notes: '' })
    expect(v.updateRun({ runId: 'r1', name: 'n', tags: [] })).toEqual({ runId: 'r1', name: 'n', tags: [] })
    expect(v.exportRun({ runId: 'r1', format: 'csv' })).toEqual({ runId: 'r1', format: 'csv' })
    expect(v.compareRuns({ runIds: ['a', 'b'] })).toEqual({ runIds: ['a', 'b'] })
    expect(v.lossCurves({ runId: 'r1' })).toEqual({ runId: 'r1' })
    expect(v.taskAcrossRuns({ datasetPath: '/d', taskId: 't', runIds: [] })).toEqual({ datasetPath: '/d', taskId: 't', runIds: [] })
    expect(v.tttPreview({ datasetPath: '/d', taskId: 't', preset: 'no-augment', count: 8 })).toEqual({ datasetPath: '/d', taskId: 't', preset: 'no-augment', count: 8 })
  })

  it('refuse bad ones with the field named', () => {
    expect(v.runOptions({ all: true })).toMatch(/unknown argument\(s\): all/)
    expect(v.getRun({})).toBe('"runId" must be a non-empty string of at most 256 characters, got nothing')
    expect(v.resumeRun({ runId: 'r', provider: 'gpu' })).toMatch(/"provider" must be one of cpu/)
    expect(v.updateRun({ runId: 'r' })).toBe('updateRun needs at least one of "name", "tags", "notes"')
    expect(v.updateRun({ runId: 'r', name: '   ' })).toMatch(/"name" must be a name that is not only spaces/)
    expect(v.exportRun({ runId: 'r', format: 'json' })).toBe('"format" must be one of submission, csv, got "json"')
    expect(v.compareRuns({ runIds: [] })).toMatch(/"runIds" must be a list of 1 to 50 strings/)
    expect(v.compareRuns({ runIds: ['a', 'a'] })).toMatch(/"runIds" must be a list without repeated run ids/)
    expect(v.tttPreview({ datasetPath: '/d', taskId: 't', preset: 'ttt', count: 65 })).toBe('"count" must be an integer from 1 to 64, got 65')
    expect(v.tttPreview({ datasetPath: '/d', taskId: 't', preset: 'nope', count: 1 })).toMatch(/"preset" must be one of/)
    expect(v.taskAcrossRuns({ datasetPath: '/d', taskId: 't' })).toMatch(/"runIds" must be a list of strings/)
  })
})
