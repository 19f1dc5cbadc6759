// The Runs view's URL state, its param filter and the Compare view's run list.
import { describe, expect, it } from 'vitest'
import { formatParamFilter, parseParamFilter } from '../../renderer/src/analysis/param-filter'
import { formatRunIds, parseRunIds, pinBaseline, withoutRun } from '../../renderer/src/analysis/run-ids'
import { defaultRunsState, runsStateFromQuery, runsStateToListQuery, runsStateToQuery } from '../../renderer/src/analysis/runs-query'

describe('param filter', () => {
  it('parses key=value pairs into typed values', () => {
    expect(parseParamFilter('ttt.loraRank=8 data.cap=32.5; ttt.enabled=false,seed="7" model=null preset=ttt')).toEqual({
      ok: true,
      params: { 'ttt.loraRank': 8, 'data.cap': 32.5, 'ttt.enabled': false, seed: '7', model: null, preset: 'ttt' }
    })
  })

  it('keeps commas and spaces inside a value', () => {
    expect(parseParamFilter('ttt.lora.targets=["q","v"], name=two words')).toEqual({ ok: true, params: { 'ttt.lora.targets': '["q","v"]', name: 'two words' } })
  })

  it('names the bad pair', () => {
    expect(parseParamFilter('rank')).toEqual({ ok: false, message: 'param filter "rank" must look like key=value, e.g. ttt.loraRank=8' })
    expect(parseParamFilter('rank=')).toEqual({ ok: false, message: 'param filter rank= needs a value' })
    expect(parseParamFilter('=3')).toMatchObject({ ok: false })
    expect(parseParamFilter('  ')).toEqual({ ok: true, params: {} })
  })

  it('formats back to text that parses to the same filter', () => {
    const params = { 'ttt.loraRank': 8, seed: '7', on: true, name: 'x' }
    expect(formatParamFilter(params)).toBe('ttt.loraRank=8 seed="7" on=true name=x')
    expect(parseParamFilter(formatParamFilter(params))).toEqual({ ok: true, params })
  })
})

describe('runs view state in the URL', () => {
  it('round-trips through the query, leaving defaults out', () => {
    expect(runsStateToQuery(defaultRunsState())).toEqual({})
    const state = { ...defaultRunsState(), text: 'lora', tag: 'ablation', status: 'completed' as const, params: 'ttt.loraRank=8', orderBy: 'accuracyOfficial' as const, descending: false, page: 2, pageSize: 50 }
    const query = runsStateToQuery(state)
    expect(query).toEqual({ q: 'lora', tag: 'ablation', status: 'completed', params: 'ttt.loraRank=8', sort: 'accuracyOfficial', asc: '1', page: '3', size: '50' })
    expect(runsStateFromQuery(query)).toEqual(state)
  })

  it('falls back to defaults for values the API would refuse', () => {
    expect(runsStateFromQuery({ status: 'exploded', sort: 'DROP TABLE', page: '-3', size: '7' })).toEqual(defaultRunsState())
  })

  it('builds the listRuns query, or reports a bad param filter', () => {
    const state = { ...defaultRunsState(), text: ' lora ', preset: 'ttt', params: 'ttt.loraRank=8', page: 1 }
    expect(runsStateToListQuery(state)).toEqual({
      ok: true,
      query: { limit: 25, offset: 25, orderBy: 'createdAt', descending: true, filter: { text: 'lora', preset: 'ttt', params: { 'ttt.loraRank': 8 } } }
    })
    expect(runsStateToListQuery({ ...state, params: 'rank' })).toMatchObject({ ok: false })
  })
})

describe('compared run ids', () => {
  it('parses, pins a baseline and removes a run', () => {
    const ids = parseRunIds(' r1,r2,,r3,r2 ')
    expect(ids).toEqual(['r1', 'r2', 'r3'])
    expect(parseRunIds(['r1,r2', 'r4'])).toEqual(['r1', 'r2', 'r4'])
    expect(parseRunIds(undefined)).toEqual([])
    expect(formatRunIds(pinBaseline(ids, 'r3'))).toBe('r3,r1,r2')
    expect(pinBaseline(ids, 'zz')).toEqual(ids)
    expect(withoutRun(ids, 'r1')).toEqual(['r2', 'r3'])
  })
})
