// `arc-ttt runs show` as text: every recorded field of a run, section by section, then one row per task.
import type { ArtifactRecord, MetricSummary, RunRecord, TaskResultRecord } from '../../engine/store'
import { formatTaskCount } from '../commands/score'
import { formatTable } from '../format-table'
import { MISSING, formatAccuracy, formatGibibytes, formatNumber, formatSeconds, formatTime, indent, wrapList } from './format-values'
import type { RunReport } from './run-report'

type Field = readonly [label: string, value: string]

/** `label:  value` lines with the values aligned; a multi-line value stays under its column. */
function fields(title: string, rows: readonly Field[]): string {
  const width = Math.max(...rows.map(([label]) => label.length)) + 2
  const lines = rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value.split('\n').join(`\n${' '.repeat(width)}`)}`)
  return `${title}\n${indent(lines.join('\n'))}`
}

function table(title: string, header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${title}\n${indent(rows.length === 0 ? '(none)' : formatTable(header, rows))}`
}

function identity(run: RunRecord): string {
  const status = run.statusMessage === null || run.statusMessage === '' ? run.status : `${run.status} (${run.statusMessage})`
  return fields(`Run ${run.id}`, [
    ['name', run.name],
    ['preset', run.preset],
    ['status', status],
    ['created', formatTime(run.createdAt)],
    ['ended', formatTime(run.endedAt)],
    ['config hash', run.configHash],
    ['seed', String(run.seed)],
    ['tags', run.tags.length === 0 ? MISSING : run.tags.join(', ')],
    ['notes', run.notes === '' ? MISSING : run.notes]
  ])
}

function provenance(run: RunRecord): string {
  const host = run.host
  return fields('Model, data and machine', [
    ['model id', run.modelId],
    ['model hash', run.modelHash],
    ['dataset path', run.datasetPath],
    ['dataset fingerprint', run.datasetFingerprint],
    ['provider requested', run.providerRequested],
    ['provider used', run.providerUsed ?? `${MISSING} (not recorded)`],
    ['CPU', `${host.cpuModel}, ${host.cpuCores} cores`],
    ['memory', formatGibibytes(host.totalMemoryBytes)],
    ['OS', `${host.platform} ${host.osRelease} ${host.arch} (${host.osVersion})`],
    ['hostname', host.hostname],
    ['Node', host.nodeVersion],
    ['Electron', host.electronVersion ?? MISSING],
    ['workbench version', run.workbenchVersion],
    ['git revision', run.gitRevision ?? `${MISSING} (not a git checkout)`]
  ])
}

function summary(run: RunRecord): string {
  const scored = `scored tasks`
  return fields('Results', [
    ['tasks done', String(run.tasksDone)],
    ['tasks skipped', String(run.tasksSkipped)],
    ['tasks scored', String(run.tasksScored)],
    ['official accuracy', `${formatAccuracy(run.accuracyOfficial)}% (${formatTaskCount(run.officialScoreSum)}/${run.tasksScored} ${scored})`],
    ['all-or-nothing accuracy', `${formatAccuracy(run.accuracyAllOrNothing)}% (${run.allOrNothingSum}/${run.tasksScored} ${scored})`],
    ['seconds per task', formatSeconds(run.secondsPerTask)]
  ])
}

function params(run: RunRecord): string {
  return table(`Params (${run.params.length}, the resolved config flattened)`, ['key', 'type', 'value'], run.params.map((p) => [p.key, p.type, p.text]))
}

function selection(taskIds: readonly string[], results: readonly TaskResultRecord[]): string {
  if (taskIds.length === 0) return 'Task selection\n  (none recorded)'
  const recorded = new Set(results.map((r) => r.taskId))
  const pending = taskIds.filter((id) => !recorded.has(id))
  const lines = [...wrapList(taskIds), ...(pending.length === 0 ? [] : ['', `without a result yet (${pending.length}):`, ...wrapList(pending)])]
  return `Task selection (${taskIds.length} tasks)\n${indent(lines.join('\n'))}`
}

function metrics(summaries: readonly MetricSummary[]): string {
  const rows = summaries.map((m) => [m.key, String(m.count), `${formatNumber(m.last)} (step ${m.lastStep})`, formatNumber(m.min), formatNumber(m.max), formatNumber(m.mean)])
  return table(`Metric summaries (${summaries.length} keys)`, ['key', 'count', 'last', 'min', 'max', 'mean'], rows)
}

function artifacts(records: readonly ArtifactRecord[]): string {
  const rows = records.map((a) => [a.kind, a.taskId ?? MISSING, String(a.bytes), a.sha256, formatTime(a.createdAt), a.path])
  return table(`Artifacts (${records.length})`, ['kind', 'task', 'bytes', 'sha256', 'created', 'path'], rows)
}

/** The phases timed over all tasks, in order of first appearance. */
export function phasesOf(results: readonly TaskResultRecord[]): string[] {
  return [...new Set(results.flatMap((r) => Object.keys(r.timings)))]
}

function correctness(result: TaskResultRecord): string {
  if (result.outputs.length === 0) return MISSING
  return result.outputs.map((o) => `${o.testIndex}:${o.correct === null ? '?' : o.correct ? 'yes' : 'no'}`).join(' ')
}

function taskResults(results: readonly TaskResultRecord[]): string {
  const phases = phasesOf(results)
  const header = ['task', 'status', 'official', 'all-or-nothing', 'TTT steps', 'final loss', ...phases.map((p) => `${p} s`), 'total s', 'correct per output', 'candidates', 'reason']
  const rows = results.map((r) => [
    r.taskId,
    r.status,
    formatNumber(r.officialScore),
    formatNumber(r.allOrNothing),
    String(r.tttSteps),
    formatNumber(r.finalLoss),
    ...phases.map((p) => formatSeconds(r.timings[p] ?? null)),
    formatSeconds(r.totalSeconds),
    correctness(r),
    String(r.candidates.length),
    r.reason ?? ''
  ])
  return table(`Task results (${results.length})`, header, rows)
}

/** The whole report as text sections separated by blank lines. */
export function formatRunReport(report: RunReport): string {
  const { run } = report
  return [
    identity(run),
    provenance(run),
    summary(run),
    params(run),
    selection(report.taskSelection, report.taskResults),
    metrics(report.metricSummaries),
    artifacts(report.artifacts),
    taskResults(report.taskResults)
  ].join('\n\n')
}
