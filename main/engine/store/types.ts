// The experiment log's records: what callers pass in and what queries return. Plain JSON-shaped
// values, so the wire API can hand them to the renderer unchanged.
import type { Grid } from '../arc/types'

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue }
export type JsonObject = { readonly [key: string]: JsonValue }

export const RUN_STATUSES = ['running', 'completed', 'interrupted', 'failed', 'cancelled'] as const
/** 'interrupted': the process died or was killed mid-run; such a run can be resumed. */
export type RunStatus = (typeof RUN_STATUSES)[number]

/** What the runner knows when a run starts; the log adds id, time, host, versions and status. */
export interface NewRun {
  readonly name: string
  /** The preset the config was resolved from, e.g. 'ttt' or 'no-ttt'. */
  readonly preset: string
  /** The fully resolved config, a plain JSON object; stored as canonical JSON and flattened into params. */
  readonly config: object
  readonly configHash: string
  readonly seed: number
  readonly modelId: string
  readonly modelHash: string
  readonly datasetPath: string
  readonly datasetFingerprint: string
  /** The execution provider asked for ('cpu', 'cuda'...); the one used is set by setProviderUsed. */
  readonly provider: string
  readonly tags?: readonly string[]
  readonly notes?: string
}

/** The machine a run ran on. */
export interface HostInfo {
  readonly cpuModel: string
  /** Logical cores available to the process. */
  readonly cpuCores: number
  readonly totalMemoryBytes: number
  /** 'linux', 'darwin', 'win32'. */
  readonly platform: string
  readonly osRelease: string
  readonly osVersion: string
  readonly arch: string
  readonly hostname: string
  readonly nodeVersion: string
  /** Set when the engine runs inside Electron. */
  readonly electronVersion: string | null
}

export type ParamValueType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object'

/** A param's value. */
export interface ParamValue {
  readonly type: ParamValueType
  /** Strings as they are; anything else as canonical JSON ('8', 'true', '["q","v"]'). */
  readonly text: string
  /** The value when it is a number, else null: for numeric filters and sorting. */
  readonly number: number | null
}

/** One leaf of a run's config: `ttt.lora.rank` -> 8. Arrays and empty objects are leaves. */
export interface RunParam extends ParamValue {
  readonly key: string
}

/** A config key whose value differs between compared runs; `values` follows the runs' order. */
export interface ParamDifference {
  readonly key: string
  /** null where that run's config lacks the key. */
  readonly values: readonly (ParamValue | null)[]
}

/** A row of the runs table. Accuracies count a skipped task with a score as unsolved. */
export interface RunSummary {
  readonly id: string
  readonly name: string
  readonly preset: string
  readonly status: RunStatus
  /** Why a run failed or was interrupted, when the runner said. */
  readonly statusMessage: string | null
  /** ISO 8601, UTC. */
  readonly createdAt: string
  /** Set when the run reached a terminal status. */
  readonly endedAt: string | null
  readonly modelId: string
  readonly providerRequested: string
  readonly providerUsed: string | null
  readonly seed: number
  readonly configHash: string
  readonly datasetFingerprint: string
  readonly tags: readonly string[]
  readonly notes: string
  readonly tasksDone: number
  readonly tasksSkipped: number
  /** Tasks with a score (ground truth known): the denominator of both accuracies. */
  readonly tasksScored: number
  readonly officialScoreSum: number
  readonly allOrNothingSum: number
  /** officialScoreSum / tasksScored, or null before any scored task. */
  readonly accuracyOfficial: number | null
  /** allOrNothingSum / tasksScored, or null before any scored task. */
  readonly accuracyAllOrNothing: number | null
  /** Total seconds of the done tasks divided by their number, or null before the first. */
  readonly secondsPerTask: number | null
}

/** Everything recorded about a run, as `getRun` returns it. */
export interface RunRecord extends RunSummary {
  readonly config: JsonObject
  readonly params: readonly RunParam[]
  readonly modelHash: string
  readonly datasetPath: string
  readonly host: HostInfo
  readonly workbenchVersion: string
  /** `git rev-parse HEAD` of the workbench's checkout, or null outside one. */
  readonly gitRevision: string | null
  readonly artifactCount: number
  readonly metricKeyCount: number
}

export interface RunUpdate {
  readonly name?: string
  readonly tags?: readonly string[]
  readonly notes?: string
}

/** Columns the runs table may sort by; anything else is refused. */
export const RUN_ORDER_COLUMNS = [
  'createdAt',
  'endedAt',
  'name',
  'status',
  'preset',
  'modelId',
  'providerUsed',
  'tasksDone',
  'accuracyOfficial',
  'accuracyAllOrNothing',
  'secondsPerTask'
] as const
export type RunOrderColumn = (typeof RUN_ORDER_COLUMNS)[number]

export type ParamFilterValue = string | number | boolean | null

export interface RunFilter {
  /** A case-insensitive substring of the id, name, notes, preset, model id or a tag. */
  readonly text?: string
  readonly status?: RunStatus
  readonly preset?: string
  /** Runs carrying this exact tag. */
  readonly tag?: string
  /**
   * Runs whose config has every key with the value: a number compares numerically (8 matches 8.0),
   * a string compares with the param's text (so '8' also matches 8), true/false/null by type.
   */
  readonly params?: Readonly<Record<string, ParamFilterValue>>
}

export interface RunListQuery {
  /** Page size, 1..1000; default 50. */
  readonly limit?: number
  readonly offset?: number
  /** Default 'createdAt'. Runs without a value (null) come last in either direction. */
  readonly orderBy?: RunOrderColumn
  /** Default true: newest first. */
  readonly descending?: boolean
  readonly filter?: RunFilter
}

export interface RunList {
  /** Runs matching the filter, over all pages. */
  readonly total: number
  readonly runs: readonly RunSummary[]
}

/** Where a metric point belongs inside a run; both parts optional (a run-level metric has neither). */
export interface MetricContext {
  readonly taskId?: string
  /** e.g. 'ttt', 'inference'. */
  readonly phase?: string
}

export interface MetricPointInput {
  /** e.g. 'ttt/loss', 'ttt/learning-rate'. */
  readonly key: string
  readonly context?: MetricContext
  /** An integer, e.g. the optimizer step. Re-recording the same (key, context, step) replaces the value. */
  readonly step: number
  /** NaN is kept (a diverged loss is worth seeing) and left out of min, max and mean. */
  readonly value: number
}

export interface MetricPoint {
  readonly context: MetricContext
  readonly step: number
  readonly value: number
}

/** Per (run, key): count of points; min, max and mean of the non-NaN values; the last recorded point. */
export interface MetricSummary {
  readonly key: string
  readonly count: number
  readonly last: number
  readonly lastStep: number
  readonly min: number | null
  readonly max: number | null
  readonly mean: number | null
}

/** Per step, over the contexts (e.g. the tasks) that have that step: a mean curve with its band. */
export interface MetricStepStatistics {
  readonly step: number
  readonly count: number
  readonly mean: number | null
  readonly min: number | null
  readonly max: number | null
}

/** 'done': predicted (and scored when there is ground truth); 'skipped': could not run, with a reason. */
export type TaskResultStatus = 'done' | 'skipped'

export interface TestOutputResult {
  readonly testIndex: number
  /** Zero, one or two attempts, best first. */
  readonly attempts: readonly Grid[]
  /** Null when the test output is unknown (no ground truth). */
  readonly correct: boolean | null
  /** How the attempts were chosen (votes, transforms...): any JSON value. */
  readonly provenance: unknown
}

export const CANDIDATE_SOURCES = ['ttt', 'search'] as const
/** The solver that proposed a candidate. */
export type CandidateSource = (typeof CANDIDATE_SOURCES)[number]

export const SOLVED_BY = ['search', 'ttt', 'both'] as const
/** Which solver's candidates a task's right attempts were. */
export type SolvedBy = (typeof SOLVED_BY)[number]

/** One distinct candidate prediction for one test input, with where it came from. */
export interface CandidateRecord {
  readonly testIndex: number
  readonly grid: Grid
  readonly transforms: readonly string[]
  readonly promptIds: readonly string[]
  readonly votes: number
  /** e.g. the summed negative log-likelihood of product-of-experts rescoring; null when not scored. */
  readonly score: number | null
  /** The solver that proposed it; 'ttt' when left out. */
  readonly source?: CandidateSource
  /** The search program that produced it, as readable text, e.g. `tile(crop(x), 2, 2)`; null for TTT candidates. */
  readonly program?: string | null
  /** Demonstrations the program reproduces, of `demos`; null for TTT candidates. */
  readonly demosExplained?: number | null
  readonly demos?: number | null
}

export interface TaskResultInput {
  readonly taskId: string
  readonly status: TaskResultStatus
  /** Required for a skipped task ('longer than the 2048-token context', 'invalid: ...'). */
  readonly reason?: string
  readonly outputs: readonly TestOutputResult[]
  /** 0..1, or null without ground truth. Give a skipped task with ground truth 0, so it counts as unsolved. */
  readonly officialScore: number | null
  /** 0 or 1, or null exactly when officialScore is null. */
  readonly allOrNothing: 0 | 1 | null
  /** Seconds per phase, e.g. { ttt: 41.2, inference: 12.5 }. */
  readonly timings: Readonly<Record<string, number>>
  readonly tttSteps: number
  readonly finalLoss: number | null
  readonly candidates: readonly CandidateRecord[]
  /** Which solver's candidates the right attempts were; null (or left out) when no test output is solved. */
  readonly solvedBy?: SolvedBy | null
}

export interface TaskResultRecord extends Omit<TaskResultInput, 'reason'> {
  /** Why a skipped task was skipped; null for a done one. */
  readonly reason: string | null
  readonly totalSeconds: number
  readonly recordedAt: string
}

/** One cell of a tasks x runs matrix. */
export interface TaskOutcome {
  readonly runId: string
  readonly taskId: string
  readonly status: TaskResultStatus
  readonly officialScore: number | null
  readonly allOrNothing: 0 | 1 | null
  readonly totalSeconds: number
  readonly tttSteps: number
  readonly finalLoss: number | null
  readonly solvedBy: SolvedBy | null
}

export const ARTIFACT_KINDS = ['adapter', 'submission', 'export', 'checkpoint', 'other'] as const
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number]

export interface NewArtifact {
  readonly kind: ArtifactKind
  readonly path: string
  readonly bytes: number
  /** Hex sha256 of the file's content. */
  readonly sha256: string
  /** The task it belongs to, e.g. for a per-task adapter. */
  readonly taskId?: string
}

export interface ArtifactRecord {
  readonly kind: ArtifactKind
  readonly path: string
  readonly bytes: number
  readonly sha256: string
  readonly taskId: string | null
  readonly createdAt: string
}
