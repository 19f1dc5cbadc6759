// Progress events of an experiment run, for the CLI's progress bar and the UI's live view.
export type RunPhase = 'ttt-data' | 'ttt' | 'inference' | 'shared-adapter' | 'search'

export type RunEvent =
  | { readonly kind: 'run-started'; readonly runId: string; readonly total: number; readonly alreadyDone: number }
  | { readonly kind: 'task-started'; readonly runId: string; readonly taskId: string; readonly index: number; readonly total: number }
  | { readonly kind: 'phase'; readonly runId: string; readonly taskId: string; readonly phase: RunPhase }
  | {
      readonly kind: 'step'
      readonly runId: string
      readonly taskId: string
      readonly step: number
      readonly totalSteps: number
      readonly loss: number
      readonly learningRate: number
      readonly tokensPerSecond: number
    }
  | {
      readonly kind: 'task-finished'
      readonly runId: string
      readonly taskId: string
      readonly index: number
      readonly total: number
      readonly status: 'done' | 'skipped'
      readonly officialScore: number | null
      readonly seconds: number
      /** Estimated seconds for the remaining tasks, from the mean time of the tasks run so far. */
      readonly etaSeconds: number
    }
  | { readonly kind: 'run-finished'; readonly runId: string; readonly status: 'completed' | 'cancelled' | 'failed' }
