// What the run methods need from the engine host (main/host): the process that executes runs out
// of the UI thread and the server's event loop. The API side only talks to this interface.
import type { ActiveRunView, HostEventSource, ProviderView, StartRunArgs } from './runs-contract'

export interface RunHost extends HostEventSource {
  /** Resolves once the run is recorded in the log and has started (its id is known). */
  startRun(args: StartRunArgs): Promise<{ runId: string }>
  /** Continues an interrupted (or cancelled, or failed) run; resolves once it has started. */
  resumeRun(runId: string, provider?: string): Promise<{ runId: string }>
  /** Asks the run to stop between steps; false when the host is not running it. */
  cancelRun(runId: string): Promise<{ cancelled: boolean }>
  /** Snapshots of the runs executing now, kept up to date from the host's events. */
  activeRuns(): readonly ActiveRunView[]
  /** Every execution provider, with whether it works on this machine (probed in the host process). */
  providers(): Promise<readonly ProviderView[]>
  /** Stops the host process (when the app or server shuts down). */
  close(): Promise<void>
}
