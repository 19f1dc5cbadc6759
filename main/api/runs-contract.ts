// The wire API's types for runs: starting adaptation, live progress, the runs table, comparing runs
// and a task's results across runs. Types only (no Node imports): the renderer imports this file.
// Store records (RunSummary, RunRecord, TaskOutcome...) cross the wire unchanged.
import type { NearMissSummary } from '../engine/analysis/near-misses'
import type { Grid } from '../engine/arc/types'
import type { RunEvent } from '../engine/experiment/events'
import type { ProviderStatus } from '../engine/experiment/provider-check'
import type { KeySpec } from '../engine/experiment/schema'
import type { TaskSelection } from '../engine/experiment/task-selection'
import type { ModelCatalogEntry } from '../engine/model/model-catalog'
import type {
  MetricPoint,
  MetricStepStatistics,
  ParamDifference,
  RunList,
  RunListQuery,
  RunRecord,
  RunSummary,
  TaskOutcome,
  TaskResultRecord
} from '../engine/store/types'

export type {
  MetricPoint,
  MetricStepStatistics,
  ParamDifference,
  RunList,
  RunListQuery,
  RunRecord,
  RunSummary,
  TaskOutcome,
  TaskResultRecord
}

/** One key of the experiment config, as the Adapt form shows it: the schema's own key spec. */
export type ConfigKeyView = KeySpec

/** A model a run can use, as the Adapt form lists it. */
export type ModelView = ModelCatalogEntry

/** Whether an execution provider works on the engine host's machine, and why not in words. */
export type ProviderView = ProviderStatus

/** Which tasks of the dataset a run takes (every id must be in the dataset: docs/experiments.md). */
export type { TaskSelection }

export interface PresetView {
  readonly name: string
  readonly description: string
  /** The preset's overrides of the schema defaults. */
  readonly overrides: Readonly<Record<string, string | number | boolean>>
}

export interface RunOptionsView {
  readonly presets: readonly PresetView[]
  readonly schema: readonly ConfigKeyView[]
  readonly models: readonly ModelView[]
  readonly providers: readonly ProviderView[]
  /** Saved task lists found next to known datasets (e.g. dev80-task-levels.csv), absolute paths. */
  readonly taskLists: readonly { readonly path: string; readonly label: string; readonly count: number }[]
}

export interface StartRunArgs {
  readonly datasetPath: string
  readonly selection: TaskSelection
  readonly preset: string
  /** Config keys over the preset, e.g. { 'data.cap': 32 }; each validated against the schema. */
  readonly overrides: Readonly<Record<string, string | number | boolean | readonly string[]>>
  /** A model folder; omitted = the bundled default; '' = the seeded initial weights (ModelView.dir ''). */
  readonly modelDir?: string
  readonly provider: string
  readonly name?: string
  readonly tags?: readonly string[]
}

/** What the engine host knows about a run it is executing now (a snapshot; events update it). */
export interface ActiveRunView {
  readonly runId: string
  readonly name: string
  readonly total: number
  readonly done: number
  readonly currentTaskId: string | null
  readonly currentIndex: number | null
  readonly phase: string | null
  readonly etaSeconds: number | null
  /** The current task's TTT loss so far: [step, loss]. */
  readonly currentLoss: readonly (readonly [number, number])[]
  readonly startedAt: string
}

/** Events pushed from the engine host to the UI: the runner's events plus the host's own. */
export type HostEvent =
  | RunEvent
  | { readonly kind: 'run-failed'; readonly runId: string; readonly message: string }
  /** The engine process died; its runs are marked interrupted and can be resumed. */
  | { readonly kind: 'host-crashed'; readonly message: string; readonly interruptedRunIds: readonly string[] }

export interface CompareView {
  /** In the order asked, the first being the baseline. */
  readonly runs: readonly RunSummary[]
  /** Config keys whose values differ, values in the runs' order. */
  readonly differences: readonly ParamDifference[]
  readonly outcomes: readonly TaskOutcome[]
  /** Difficulty level per task id where the dataset folder has a levels file (e.g. dev80-task-levels.csv). */
  readonly levels: Readonly<Record<string, string>>
  /**
   * Per run, in the runs' order: first attempts of the right size, their right cells, and test
   * outputs with the truth among the candidates; null where the run's dataset cannot be read.
   */
  readonly nearMisses: readonly (NearMissSummary | null)[]
}

export interface TaskRunView {
  readonly runId: string
  readonly result: TaskResultRecord | null
  /** The task's TTT loss curve in this run: its ttt.loss points. */
  readonly loss: readonly MetricPoint[]
}

export interface TaskAcrossRunsView {
  readonly taskId: string
  /** The true test outputs where the dataset has them (null where unknown). */
  readonly truth: readonly (Grid | null)[]
  readonly runs: readonly TaskRunView[]
}

/** One TTT training example as the preview shows it: its grids and which outputs are in the loss. */
export interface TttExampleView {
  readonly augmentation: string
  readonly pairs: readonly { readonly input: Grid; readonly output: Grid; readonly inLoss: boolean }[]
  readonly tokens: number
}

export interface TttPreviewView {
  readonly taskId: string
  /** All examples the config builds for the task (before sampling). */
  readonly total: number
  readonly examples: readonly TttExampleView[]
}

export type ExportFormat = 'submission' | 'csv'

/** The run-related methods, merged into ApiMethods. */
export interface RunApiMethods {
  runOptions: { args: Record<string, never>; result: RunOptionsView }
  startRun: { args: StartRunArgs; result: { runId: string } }
  cancelRun: { args: { runId: string }; result: { cancelled: boolean } }
  resumeRun: { args: { runId: string; provider?: string }; result: { runId: string } }
  activeRuns: { args: Record<string, never>; result: { runs: readonly ActiveRunView[] } }
  listRuns: { args: RunListQuery; result: RunList }
  getRun: { args: { runId: string }; result: RunRecord }
  updateRun: { args: { runId: string; name?: string; tags?: readonly string[]; notes?: string }; result: RunRecord }
  deleteRun: { args: { runId: string }; result: { deleted: boolean } }
  exportRun: { args: { runId: string; format: ExportFormat }; result: { filename: string; mimeType: string; content: string } }
  compareRuns: { args: { runIds: readonly string[] }; result: CompareView }
  runTaskResults: { args: { runId: string }; result: { results: readonly TaskResultRecord[] } }
  lossCurves: {
    args: { runId: string; taskId?: string }
    result: { points: readonly MetricPoint[]; mean: readonly MetricStepStatistics[] }
  }
  taskAcrossRuns: { args: { datasetPath: string; taskId: string; runIds: readonly string[] }; result: TaskAcrossRunsView }
  tttPreview: { args: { datasetPath: string; taskId: string; preset: string; count: number }; result: TttPreviewView }
}

/** Live events from the engine host: over IPC in Electron, over a server-sent event stream in browser mode. */
export interface HostEventSource {
  /** Calls `listener` for every event from now on; returns the function that stops it. */
  subscribe(listener: (event: HostEvent) => void): () => void
}
