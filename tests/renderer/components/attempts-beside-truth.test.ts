// @vitest-environment happy-dom
// Task detail's attempts beside the truth: one block per test input, one row per selected run with
// its verdict in words, each attempt diffed against the truth cell by cell (or only the wrong
// cells), and a search attempt's program with the demonstrations it explains.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { TaskResultRecord } from '../../../main/api/runs-contract'
import type { Grid } from '../../../main/engine/arc/types'
import AttemptsBesideTruth from '../../../renderer/src/components/detail/AttemptsBesideTruth.vue'
import type { RunColumn } from '../../../renderer/src/detail/run-column'

const TRUTH: Grid = [
  [1, 2],
  [3, 4]
]
const ONE_WRONG: Grid = [
  [1, 2],
  [3, 0]
]

function result(patch: Partial<TaskResultRecord>): TaskResultRecord {
  const base = { runId: 'r', taskId: 't', status: 'done', reason: null, outputs: [], tttSteps: 0, finalLoss: null, totalSeconds: 1 }
  return { ...base, recordedAt: '2026-12-01T00:00:00Z', ...patch } as TaskResultRecord
}

/** A search attempt's provenance: the program and the demonstrations it reproduces. */
const SEARCHED = { attempts: [{ rank: 1, program: 'flipH | recolour(4->0)', demos: 3, demosExplained: 2 }] }

const RUNS: RunColumn[] = [
  {
    runId: 'ttt',
    label: 'TTT run',
    result: result({ outputs: [{ testIndex: 0, attempts: [ONE_WRONG, TRUTH], correct: true, provenance: { method: 'hierarchical' } }] })
  },
  {
    runId: 'search',
    label: 'search run',
    result: result({ outputs: [{ testIndex: 0, attempts: [ONE_WRONG], correct: false, provenance: SEARCHED }] })
  },
  { runId: 'skipped', label: 'skipping run', result: result({ status: 'skipped', reason: 'prompt longer than the context' }) },
  { runId: 'absent', label: 'other run', result: null }
]

function mountAttempts(diffOnly = false) {
  return mount(AttemptsBesideTruth, { props: { truth: [TRUTH], testInputs: [TRUTH], runs: RUNS, diffOnly } })
}

describe('AttemptsBesideTruth', () => {
  it('says for each run what became of the test output', () => {
    const wrapper = mountAttempts()
    const verdictOf = (row: ReturnType<typeof wrapper.get>) => [
      row.attributes('data-run-id'), row.get('[data-testid="attempt-verdict"]').text()
    ]
    const verdicts = wrapper.findAll('[data-testid="attempt-row"]').map(verdictOf)
    expect(verdicts).toEqual([
      ['ttt', 'solved'],
      ['search', 'wrong'],
      ['skipped', 'skipped: prompt longer than the context'],
      ['absent', 'not in this run']
    ])
  })

  it('diffs each attempt against the truth, marking only the wrong cells', () => {
    const wrapper = mountAttempts()
    const ttt = wrapper.get('[data-testid="attempt-row"][data-run-id="ttt"]')
    const grids = ttt.findAll('[data-testid="attempt-grid"]')
    expect(grids).toHaveLength(2)
    expect(grids[0]!.findAll('[data-testid="mismatch-cell"]')).toHaveLength(1)
    expect(grids[1]!.findAll('[data-testid="mismatch-cell"]')).toHaveLength(0)
  })

  it("shows a search attempt's program and how many demonstrations it explains, and none for TTT", () => {
    const wrapper = mountAttempts()
    const programs = wrapper.findAll('[data-testid="attempt-program"]')
    expect(programs).toHaveLength(1)
    expect(programs[0]!.get('code').text()).toBe('flipH | recolour(4->0)')
    expect(programs[0]!.get('.explains').text()).toBe('explains 2 of 3 demonstrations')
    expect(wrapper.get('[data-testid="attempt-row"][data-run-id="search"]').find('[data-testid="attempt-program"]').exists()).toBe(true)
  })

  it('says when the truth is unknown, and asks for runs when none is selected', () => {
    const wrapper = mount(AttemptsBesideTruth, { props: { truth: [null], testInputs: [TRUTH], runs: [], diffOnly: false } })
    expect(wrapper.get('[data-testid="truth-unknown"]').text()).toBe('truth unknown')
    expect(wrapper.text()).toContain('Add runs above to see their attempts.')
  })
})
