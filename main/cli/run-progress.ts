// The progress bar of `arc-ttt run` on stderr: one updating line on a terminal (task i of N, the
// current phase and TTT step with its loss, ETA), one line per finished task otherwise.
import type { RunEvent } from '../engine/experiment/events'

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?'
  const s = Math.round(seconds)
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`
}

function bar(done: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.round((done / total) * width) : 0
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`
}

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (event: RunEvent) => void {
  const live = stream.isTTY === true
  let done = 0
  let total = 0
  let eta = Number.NaN
  let current = ''
  const show = (text: string) => {
    if (live) stream.write(`\r\x1b[2K${text.slice(0, (stream.columns ?? 120) - 1)}`)
  }
  return (event) => {
    switch (event.kind) {
      case 'run-started':
        total = event.total
        done = event.alreadyDone
        stream.write(`run ${event.runId}: ${event.total} tasks${event.alreadyDone > 0 ? `, ${event.alreadyDone} already done (resumed)` : ''}\n`)
        break
      case 'task-started':
        current = event.taskId
        show(`${bar(done, total)} task ${done + 1}/${total} ${current} | ETA ${duration(eta)}`)
        break
      case 'phase':
        show(`${bar(done, total)} task ${done + 1}/${total} ${event.taskId} ${event.phase} | ETA ${duration(eta)}`)
        break
      case 'step':
        show(`${bar(done, total)} task ${done + 1}/${total} ${event.taskId} ttt step ${event.step}/${event.totalSteps} loss ${event.loss.toFixed(4)} ${Math.round(event.tokensPerSecond)} tok/s | ETA ${duration(eta)}`)
        break
      case 'task-finished': {
        done++
        eta = event.etaSeconds
        const score = event.officialScore === null ? 'no ground truth' : event.officialScore === 1 ? 'solved' : event.officialScore > 0 ? `${Math.round(event.officialScore * 100)}% of outputs` : 'not solved'
        if (live) stream.write('\r\x1b[2K')
        stream.write(`task ${done}/${total} ${event.taskId}: ${event.status === 'skipped' ? 'skipped' : score} (${duration(event.seconds)}), ETA ${duration(eta)}\n`)
        break
      }
      case 'run-finished':
        if (live) stream.write('\r\x1b[2K')
        stream.write(`run ${event.runId} ${event.status}\n`)
        break
    }
  }
}
