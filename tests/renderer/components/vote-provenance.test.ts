// @vitest-environment happy-dom
// Task detail's candidates table: a search run's candidates show their programs and the demonstrations
// they explain, without TTT's vote columns; a run with TTT candidates keeps those columns.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { TaskResultRecord } from '../../../main/api/runs-contract'
import type { CandidateRecord } from '../../../main/engine/store/types'
import VoteProvenance from '../../../renderer/src/components/detail/VoteProvenance.vue'

const searchCandidate: CandidateRecord = {
  testIndex: 0, grid: [[1]], transforms: [], promptIds: [], votes: 0, score: null,
  source: 'search', program: 'crop(x)', demosExplained: 3, demos: 3
}
const tttCandidate: CandidateRecord = {
  testIndex: 0, grid: [[2]], transforms: ['identity'], promptIds: ['p0'], votes: 2, score: null, source: 'ttt'
}

function result(candidates: CandidateRecord[]): TaskResultRecord {
  const output = { testIndex: 0, attempts: [[[1]]], correct: true, provenance: { method: 'search' } }
  const base = { taskId: 't', status: 'done', reason: null, outputs: [output], officialScore: 1, allOrNothing: 1 }
  const rest = { timings: {}, tttSteps: 0, finalLoss: null, candidates, solvedBy: 'search', totalSeconds: 1, recordedAt: '' }
  return { ...base, ...rest } as TaskResultRecord
}

const headers = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('th').map((th) => th.text())

describe('VoteProvenance', () => {
  it('shows a search candidate\'s program and leaves out the columns only TTT fills', () => {
    const wrapper = mount(VoteProvenance, { props: { result: result([searchCandidate]), testIndex: 0, truth: [[1]] } })
    expect(headers(wrapper)).toEqual(['candidate', 'attempt', 'program'])
    expect(wrapper.get('[data-testid="candidate-program"]').text()).toContain('crop(x)')
    expect(wrapper.get('[data-testid="candidate-program"]').text()).toContain('explains 3 of 3')
  })

  it('keeps the vote columns when TTT candidates are pooled with the search\'s', () => {
    const wrapper = mount(VoteProvenance, { props: { result: result([searchCandidate, tttCandidate]), testIndex: 0, truth: [[1]] } })
    expect(headers(wrapper)).toEqual(['candidate', 'attempt', 'predictions', 'share', 'program', 'transforms', 'prompts'])
  })
})
