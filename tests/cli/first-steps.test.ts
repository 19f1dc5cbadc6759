// What a new user meets first, through the real launcher: a mistake is one line that says what is
// wrong (no stack, no "internal error", no raw ENOENT or parser text) and no run is logged.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ExperimentLog } from '../../main/engine/store'
import { PROJECT_ROOT, runCli, type CliResult } from './run-cli'

const dir = mkdtempSync(join(tmpdir(), 'arc-ttt-first-steps-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const SAMPLES = join(PROJECT_ROOT, 'resources', 'sample-tasks')
/** A provider this platform's onnxruntime-node build does not include, so the check fails on every machine. */
const MISSING_PROVIDER = process.platform === 'darwin' ? 'dml' : 'coreml'

/** The lines the command wrote on stderr, without onnxruntime's own native log lines. */
function ourLines(result: CliResult): string[] {
  return result.stderr.split('\n').filter((line) => line.startsWith('arc-ttt'))
}

function expectOneClearLine(result: CliResult, code: number, line: RegExp | string): void {
  expect(result.code).toBe(code)
  expect(result.stdout).toBe('')
  expect(result.stderr).not.toMatch(/internal error|\n\s+at |ERR_PARSE_ARGS/)
  const lines = ourLines(result)
  expect(lines[0]).toMatch(line)
  if (code === 1) expect(lines).toHaveLength(1)
}

function loggedRuns(db: string): number {
  const log = ExperimentLog.open(db)
  try {
    return log.listRuns().total
  } finally {
    log.close()
  }
}

describe('arc-ttt run refuses before anything is logged', () => {
  it('an unknown task id, naming it and the nearest ids', () => {
    const db = join(dir, 'unknown-task.sqlite')
    const result = runCli(['run', '--data', SAMPLES, '--tasks', 'flip-horizontl,gravity', '--db', db])
    const named = /^arc-ttt run: 1 task id is not in .*sample-tasks: flip-horizontl \(nearest: flip-horizontal, flip-vertical/
    expectOneClearLine(result, 1, named)
    expect(loggedRuns(db)).toBe(0)
  })

  it('an execution provider this machine lacks, saying what it needs', () => {
    const db = join(dir, 'provider.sqlite')
    const result = runCli(['run', '--data', SAMPLES, '--tasks', 'gravity', '--ep', MISSING_PROVIDER, '--db', db])
    const said = new RegExp(`^arc-ttt run: execution provider "${MISSING_PROVIDER}" is not available on this machine: .*It needs `)
    expectOneClearLine(result, 1, said)
    expect(loggedRuns(db)).toBe(0)
  })
})

describe('validate and tasks say what is wrong in words', () => {
  it('validate --bogus is a usage error naming the options', () => {
    const result = runCli(['validate', '--bogus'])
    expectOneClearLine(result, 2, 'arc-ttt validate: unknown option --bogus; the options are --json, --solutions')
    expect(result.stderr).not.toContain('positional argument')
    expect(runCli(['validate', '--jsn', SAMPLES]).stderr).toContain('unknown option --jsn (did you mean --json?)')
  })

  it('validate and tasks on a missing path: one line, no table header', () => {
    const missing = join(dir, 'no', 'such', 'path')
    expectOneClearLine(runCli(['validate', missing]), 1, `arc-ttt validate: ${missing}: no such file or folder (ENOENT)`)
    expectOneClearLine(runCli(['tasks', missing]), 1, `arc-ttt tasks: ${missing}: no such file or folder (ENOENT)`)
  })

  it('serve --data on a missing folder is an error at start', () => {
    const missing = join(dir, 'no-such-folder')
    expectOneClearLine(runCli(['serve', '--data', missing]), 1, `arc-ttt serve: ${missing}: no such file or folder (ENOENT)`)
  })
})
