// `arc-ttt runs list|show|export` through the real launcher, on an experiment log built here through
// ExperimentLog (tests/cli/runs-fixture.ts), so every expected value is known.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExperimentLog } from '../../main/engine/store'
import { LIST_HEADER } from '../../main/cli/runs/list'
import { PROJECT_ROOT, runCli } from './run-cli'
import { buildRunsFixture, SHA, type RunsFixture } from './runs-fixture'

let dir: string
let fx: RunsFixture
const runs = (...args: string[]) => runCli(['runs', ...args, '--db', fx.file])
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /)

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'arc-ttt-runs-'))
  fx = buildRunsFixture(dir)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function readLog<R>(file: string, read: (log: ExperimentLog) => R): R {
  const log = ExperimentLog.open(file, { readonly: true })
  try {
    return read(log)
  } finally {
    log.close()
  }
}

/** The table's cells, split on runs of two or more spaces (no cell of the fixture has two). */
const cells = (line: string) => line.trim().split(/ {2,}/)

describe('arc-ttt runs list', () => {
  it('prints one row per run, newest first, with both accuracies as percentages', () => {
    const { code, stdout, stderr } = runs('list')
    expect([code, stderr]).toEqual([0, ''])
    const lines = stdout.split('\n')
    expect(cells(lines[0]!)).toEqual([...LIST_HEADER])
    expect(lines.slice(2, 5).map((line) => cells(line)[0])).toEqual([fx.running, fx.failed, fx.baseline])
    expect(cells(lines[4]!)).toEqual([fx.baseline, 'baseline', 'ttt', 'completed', '2', '2', '37.50', '25.00', '3.63', 'arc-tiny', 'cpu', '2026-11-26 06:53:00Z'])
    expect(cells(lines[3]!)).toEqual([fx.failed, 'quick no-ttt', 'no-ttt', 'failed', '1', '0', '100.00', '100.00', '0.75', 'arc-small', 'cuda (requested)', '2026-11-26 06:53:07Z'])
    expect(cells(lines[2]!).slice(4, 9)).toEqual(['0', '0', '-', '-', '-'])
    expect(lines.slice(5)).toEqual(['', `runs 1-3 of 3 in ${fx.file}`, ''])
  })

  it('--json prints the listRuns result', () => {
    const { code, stdout } = runs('list', '--json')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual(readLog(fx.file, (log) => log.listRuns()))
  })

  const ids = (...args: string[]) => {
    const { code, stdout, stderr } = runs('list', '--json', ...args)
    expect([code, stderr]).toEqual([0, ''])
    return (JSON.parse(stdout) as { runs: { id: string }[] }).runs.map((r) => r.id)
  }

  it('filters by status, preset, tag and text', () => {
    expect(ids('--status', 'failed')).toEqual([fx.failed])
    expect(ids('--preset', 'ttt')).toEqual([fx.running, fx.baseline])
    expect(ids('--tag', 'lora')).toEqual([fx.baseline])
    expect(ids('--filter', 'STILL')).toEqual([fx.running])
    expect(ids('--filter', 'smoke', '--status', 'completed')).toEqual([])
    expect(runs('list', '--status', 'cancelled').stdout).toBe(`no runs matching the filters in ${fx.file}\n`)
  })

  it('sorts by a column either way, runs without a value last, and pages', () => {
    expect(ids('--sort', 'name:asc')).toEqual([fx.baseline, fx.failed, fx.running])
    expect(ids('--sort', 'name')).toEqual([fx.running, fx.failed, fx.baseline])
    expect(ids('--sort', 'accuracyOfficial')).toEqual([fx.failed, fx.baseline, fx.running])
    expect(ids('--sort', 'accuracyOfficial:asc')).toEqual([fx.baseline, fx.failed, fx.running])
    expect(ids('--limit', '1', '--offset', '1')).toEqual([fx.failed])
    expect(runs('list', '--limit', '2').stdout).toContain(`runs 1-2 of 3 in ${fx.file}; --offset 2 for the next page\n`)
  })

  it('bad flags are usage errors (exit 2)', () => {
    for (const args of [['--sort', 'size'], ['--sort', 'name:up'], ['--limit', '0'], ['--limit', '1001'], ['--offset=-1'], ['--status', 'done'], ['extra']]) {
      const { code, stderr } = runs('list', ...args)
      expect(code, args.join(' ')).toBe(2)
      expect(stderr).toMatch(/^arc-ttt runs list: .+\n\nUsage: arc-ttt runs list/)
    }
  })
})

describe('arc-ttt runs show', () => {
  it('prints every recorded field of the run and one row per task', () => {
    const { code, stdout, stderr } = runs('show', fx.baseline)
    expect([code, stderr]).toEqual([0, ''])
    const run = readLog(fx.file, (log) => log.getRun(fx.baseline))
    const field = (label: string, value: string) => expect(stdout).toMatch(new RegExp(`\\n  ${label}: +${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`))
    expect(stdout.startsWith(`Run ${fx.baseline}\n`)).toBe(true)
    field('name', 'baseline')
    field('preset', 'ttt')
    field('status', 'completed')
    field('created', '2026-11-26 06:53:00Z')
    field('ended', '2026-11-26 06:53:06Z')
    field('config hash', 'c0ffee')
    field('seed', '1')
    field('tags', 'ablation, lora')
    field('notes', 'first try, with "quotes"')
    field('model id', 'arc-tiny')
    field('model hash', 'abc123')
    field('dataset path', '/data/arc-agi-1/evaluation')
    field('dataset fingerprint', 'f00d')
    field('provider requested', 'cpu')
    field('provider used', 'cpu')
    field('CPU', `${run.host.cpuModel}, ${run.host.cpuCores} cores`)
    field('memory', `${(run.host.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB`)
    field('OS', `${run.host.platform} ${run.host.osRelease} ${run.host.arch} (${run.host.osVersion})`)
    field('hostname', run.host.hostname)
    field('Node', run.host.nodeVersion)
    field('workbench version', run.workbenchVersion)
    field('git revision', run.gitRevision ?? '- (not a git checkout)')
    field('official accuracy', '37.50% (1.5/4 scored tasks)')
    field('all-or-nothing accuracy', '25.00% (1/4 scored tasks)')
    field('seconds per task', '3.63')
    for (const heading of ['Params (8, the resolved config flattened)', 'Task selection (5 tasks)', 'Metric summaries (2 keys)', 'Artifacts (1)', 'Task results (4)']) {
      expect(stdout).toContain(`\n\n${heading}\n`)
    }
    const line = (start: string) => cells(stdout.split('\n').find((l) => l.startsWith(`  ${start} `)) ?? '')
    expect(line('ttt.lora.targets')).toEqual(['ttt.lora.targets', 'array', '["q","v"]'])
    expect(stdout).toContain('\n  t1, t2, t3, t4, t5\n\n  without a result yet (1):\n  t5\n')
    expect(line('ttt/loss')).toEqual(['ttt/loss', '3', '0.5 (step 2)', '0.5', '2', '1.16667'])
    expect(line('adapter')).toEqual(['adapter', 't1', '4096', SHA, '2026-11-26 06:53:05Z', '/runs/adapters/t1.safetensors'])
    expect(line('task')).toEqual(['task', 'status', 'official', 'all-or-nothing', 'TTT steps', 'final loss', 'ttt s', 'inference s', 'total s', 'correct per output', 'candidates', 'reason'])
    expect(line('t1')).toEqual(['t1', 'done', '0.5', '0', '3', '0.5', '3.00', '1.25', '4.25', '0:yes 1:no', '1'])
    expect(line('t2')).toEqual(['t2', 'done', '1', '1', '24', '0.125', '2.50', '0.50', '3.00', '0:yes', '2'])
    expect(line('t3')).toEqual(['t3', 'skipped', '0', '0', '0', '-', '-', '-', '0.00', '-', '0', 'longer than the 2048-token context, by 12 tokens'])
    expect(line('t4')).toEqual(['t4', 'skipped', '0', '0', '0', '-', '-', '-', '0.00', '0:no', '0', 'out of time'])
  })

  it('shows the status message and the provider not yet recorded', () => {
    const { code, stdout } = runs('show', fx.failed)
    expect(code).toBe(0)
    expect(stdout).toMatch(/\n  status: +failed \(out of memory\)\n/)
    expect(stdout).toMatch(/\n  provider used: +- \(not recorded\)\n/)
  })

  it('--json prints the run record, task selection, metric summaries, artifacts and full task results', () => {
    const { code, stdout } = runs('show', fx.baseline, '--json')
    expect(code).toBe(0)
    const expected = readLog(fx.file, (log) => ({
      run: log.getRun(fx.baseline),
      taskSelection: log.runTasks(fx.baseline),
      metricSummaries: log.metricSummaries(fx.baseline),
      artifacts: log.artifacts(fx.baseline),
      taskResults: log.taskResults(fx.baseline)
    }))
    const report = JSON.parse(stdout)
    expect(report).toEqual(JSON.parse(JSON.stringify(expected)))
    expect(report.run.params).toHaveLength(8)
    expect(report.taskResults[0].outputs[1]).toEqual({ testIndex: 1, attempts: [[[7, 7]]], correct: false, provenance: null })
    expect(report.taskResults[0].candidates).toEqual([
      { testIndex: 1, grid: [[7, 7]], transforms: ['flip-x'], promptIds: ['p1'], votes: 4, score: 2.25, source: 'ttt', program: null, demosExplained: null, demos: null }
    ])
  })
})

describe('arc-ttt runs export', () => {
  const SUBMISSION =
    '{\n' +
    '  "t1": [{"attempt_1":[[1,2],[3,4]],"attempt_2":[[5]]},{"attempt_1":[[7,7]],"attempt_2":[[0]]}],\n' +
    '  "t2": [{"attempt_1":[[1,2],[3,4]],"attempt_2":[[5]]}],\n' +
    '  "t4": [{"attempt_1":[[0]],"attempt_2":[[0]]}]\n' +
    '}\n'
  const CSV =
    'task_id,status,reason,official,all_or_nothing,ttt_steps,final_loss,total_seconds,ttt_seconds,inference_seconds\n' +
    't1,done,,0.5,0,3,0.5,4.25,3,1.25\n' +
    't2,done,,1,1,24,0.125,3,2.5,0.5\n' +
    't3,skipped,"longer than the 2048-token context, by 12 tokens",0,0,0,,0,,\n' +
    't4,skipped,out of time,0,0,0,,0,,\n'

  it('submission: one entry per known test input, [[0]] where no answer; unknown tasks named on stderr', () => {
    expect(runs('export', fx.baseline, '--format', 'submission')).toEqual({
      code: 0,
      stdout: SUBMISSION,
      stderr:
        'note: task t3 left out of the submission: skipped (longer than the 2048-token context, by 12 tokens), test inputs unknown\n' +
        'note: task t5 left out of the submission: no result recorded (the run did not reach it)\n'
    })
  })

  it('csv: one quoted row per task with a column per timed phase', () => {
    expect(runs('export', fx.baseline, '--format', 'csv')).toEqual({ code: 0, stdout: CSV, stderr: '' })
  })

  it('json: the same object as runs show --json', () => {
    const exported = runs('export', fx.baseline, '--format', 'json')
    expect(exported.code).toBe(0)
    expect(exported.stdout).toBe(runs('show', fx.baseline, '--json').stdout)
  })

  it('--out writes the file and records it as an artifact with its size and sha256', () => {
    const copy = join(dir, 'copy.sqlite')
    copyFileSync(fx.file, copy)
    const exportTo = (format: string, name: string) => runCli(['runs', 'export', fx.baseline, '--format', format, '--out', join(dir, name), '--db', copy])
    const submission = exportTo('submission', 'submission.json')
    expect(submission.code).toBe(0)
    expect(submission.stdout).toBe('')
    expect(submission.stderr).toContain(`wrote ${join(dir, 'submission.json')} (${Buffer.byteLength(SUBMISSION)} bytes), recorded as an artifact of run ${fx.baseline} (kind submission)\n`)
    expect(exportTo('csv', 'tasks.csv').code).toBe(0)
    expect(readFileSync(join(dir, 'submission.json'), 'utf8')).toBe(SUBMISSION)
    expect(readFileSync(join(dir, 'tasks.csv'), 'utf8')).toBe(CSV)
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
    const artifacts = readLog(copy, (log) => log.artifacts(fx.baseline)).map(({ createdAt: _, ...rest }) => rest)
    expect(artifacts).toEqual([
      { kind: 'adapter', path: '/runs/adapters/t1.safetensors', bytes: 4096, sha256: SHA, taskId: 't1' },
      { kind: 'submission', path: join(dir, 'submission.json'), bytes: Buffer.byteLength(SUBMISSION), sha256: sha256(SUBMISSION), taskId: null },
      { kind: 'export', path: join(dir, 'tasks.csv'), bytes: Buffer.byteLength(CSV), sha256: sha256(CSV), taskId: null }
    ])
    const unwritable = exportTo('csv', 'no-such-folder/tasks.csv')
    expect(unwritable.code).toBe(1)
    expect(unwritable.stderr).toMatch(/^arc-ttt runs export: cannot write .*no-such-folder\/tasks\.csv: ENOENT/)
  })
})

describe('arc-ttt runs errors', () => {
  it('a missing database: a clear message, exit 1, nothing created', () => {
    const missing = join(dir, 'absent', 'log.sqlite')
    const result = runCli(['runs', 'list', '--db', missing])
    expect(result).toEqual({ code: 1, stdout: '', stderr: `arc-ttt runs list: no experiment log at ${missing}; run \`arc-ttt run\` first or pass --db\n` })
    expect(runCli(['runs', 'export', 'x', '--format', 'csv', '--out', join(dir, 'x.csv'), '--db', missing]).code).toBe(1)
    expect(() => readFileSync(missing)).toThrow()
  })

  it('an unknown run id: says how to list the ids, exit 1', () => {
    for (const args of [['show', 'run-nope'], ['export', 'run-nope', '--format', 'submission']]) {
      const { code, stdout, stderr } = runs(...args)
      expect([code, stdout]).toEqual([1, ''])
      expect(stderr).toBe(`arc-ttt runs ${args[0]}: no run "run-nope" in the experiment log ${fx.file}; \`arc-ttt runs list --db ${fx.file}\` shows the run ids\n`)
    }
  })

  it('usage errors exit 2: bad or missing format, no run id, unknown subcommand', () => {
    expect(runs('export', fx.baseline, '--format', 'xml')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^arc-ttt runs export: --format must be one of submission, csv, json, got "xml"\n\nUsage: arc-ttt runs export/) })
    expect(runs('export', fx.baseline)).toMatchObject({ code: 2, stderr: expect.stringContaining('--format is required') })
    expect(runs('show')).toMatchObject({ code: 2, stderr: expect.stringContaining('runs show needs exactly one RUN_ID') })
    expect(runCli(['runs', 'delete'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown runs subcommand "delete"; one of list, show, export') })
  })

  it('a file that is not an experiment log: the store error message, exit 1, no stack trace', () => {
    const junk = join(dir, 'junk.sqlite')
    writeFileSync(junk, 'this is not a database, just some text long enough to be looked at by SQLite'.repeat(20))
    const { code, stderr } = runCli(['runs', 'list', '--db', junk])
    expect(code).toBe(1)
    expect(stderr).toMatch(/^arc-ttt runs list: .*junk\.sqlite is not a SQLite database or is damaged/)
    noStack(stderr)
  })

  it('without --db, $ARC_TTT_DB names the log', () => {
    const launcher = join(PROJECT_ROOT, 'bin', 'arc-ttt.mjs')
    const result = spawnSync(process.execPath, [launcher, 'runs', 'list', '--json'], { encoding: 'utf8', env: { ...process.env, ARC_TTT_DB: fx.file } })
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout).total).toBe(3)
  })
})

describe('arc-ttt runs compare', () => {
  it('prints accuracy with bootstrap intervals, McNemar against the baseline and the changed tasks', () => {
    const { code: status, stdout } = runs('compare', fx.baseline, fx.failed)
    expect(status).toBe(0)
    const row = (id: string) => cells(stdout.split('\n').find((l) => l.startsWith(id)) ?? '')
    // baseline: t1 0, t2 1, t3 0 (skipped), t4 0 (skipped) -> 1/4; the other run: t1 solved -> 1/1.
    expect(row(`${fx.baseline} (baseline)`).slice(4, 6)).toEqual(['1/4', '25.0% [0.0, 75.0]'])
    expect(row(fx.failed).slice(4, 8)).toEqual(['1/1', '100.0% [100.0, 100.0]', '100.0% [100.0, 100.0]', 'b=0 c=1 p=1.00'])
    expect(stdout).toContain(`${fx.failed}: newly solved t1; newly broken none`)
    // The fixture's dataset path does not exist, so near misses are not computed, and it says so.
    expect(stdout).toMatch(/Near misses: the dataset with the truth could not be read/)
  })

  it('with --data, prints near misses and the candidate ceiling against the dataset\'s truth', () => {
    // Truth for t1 (the only task in the dataset): test 0 [[1,2],[3,0]], test 1 [[7,7]].
    const data = join(dir, 'truth')
    mkdirSync(data, { recursive: true })
    const task = {
      train: [{ input: [[1]], output: [[1]] }],
      test: [
        { input: [[0, 0], [0, 0]], output: [[1, 2], [3, 0]] },
        { input: [[0, 0]], output: [[7, 7]] }
      ]
    }
    writeFileSync(join(data, 't1.json'), JSON.stringify(task))
    const { code: status, stdout } = runs('compare', fx.baseline, fx.failed, '--data', data)
    expect(status).toBe(0)
    const tail = stdout.slice(stdout.indexOf('Near misses'))
    const row = (id: string) => cells(tail.split('\n').find((l) => l.startsWith(id)) ?? '')
    // baseline: test 0 right size with 3 of 4 cells, test 1 exact and among the candidates.
    // It solves test 1 with a TTT candidate: 1 of 2 outputs, the whole of its ceiling.
    expect(row(fx.baseline).slice(1)).toEqual(['2', '2 (100.0%)', '87.5%', '1 (50.0%)', '1 (50.0%)', '100.0%', '0 / 1 / 0'])
    // the other run: test 0 right size (3 of 4), no attempt or candidate for test 1.
    expect(row(fx.failed).slice(1)).toEqual(['2', '1 (50.0%)', '75.0%', '0 (0.0%)', '0 (0.0%)', '-', '0 / 0 / 0'])
    const parsed = JSON.parse(runs('compare', fx.baseline, fx.failed, '--data', data, '--json').stdout)
    expect(parsed.nearMisses).toEqual([
      { outputs: 2, rightShape: 2, cellAccuracy: 0.875, rightCandidate: 1, solved: 1, solvedFrom: { search: 0, ttt: 1, both: 0 } },
      { outputs: 2, rightShape: 1, cellAccuracy: 0.75, rightCandidate: 0, solved: 0, solvedFrom: { search: 0, ttt: 0, both: 0 } }
    ])
  })

  it('--json carries the same numbers', () => {
    const { code: status, stdout } = runs('compare', fx.baseline, fx.failed, '--json')
    expect(status).toBe(0)
    const parsed = JSON.parse(stdout)
    expect(parsed.accuracy.map((a: { solved: number; scored: number }) => [a.solved, a.scored])).toEqual([[1, 4], [1, 1]])
    expect(parsed.accuracy[1].versusBaseline).toEqual({ common: 1, b: 0, c: 1, p: 1 })
    expect(parsed.changes).toEqual([{ runId: fx.failed, newlySolved: ['t1'], newlyBroken: [] }])
  })

  it('needs two distinct known runs', () => {
    expect(runs('compare', fx.baseline).code).toBe(2)
    expect(runs('compare', fx.baseline, fx.baseline).stderr).toMatch(/given twice/)
    const unknown = runs('compare', fx.baseline, 'run-nope')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/no run "run-nope"/)
  })
})
