// The progress line of `arc-ttt pretrain` on stderr: one updating line on a terminal (step, loss,
// learning rate, tokens/s, ETA), and a plain line every `every` steps otherwise; held-out losses
// and checkpoints always get their own line.
import type { PretrainEvent } from '../engine/pretrain'

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?'
  const s = Math.round(seconds)
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`
}

export function pretrainProgressPrinter(stream: NodeJS.WriteStream = process.stderr, every = 10): (event: PretrainEvent) => void {
  const live = stream.isTTY === true
  let tokens = 0
  let seconds = 0
  let steps = 0 // steps run in this process (a resume starts counting at its first step)
  const line = (text: string) => {
    if (live) stream.write('\r\x1b[2K')
    stream.write(`${text}\n`)
  }
  return (event) => {
    switch (event.kind) {
      case 'started': {
        const { split } = event
        line(
          `pretrain: ${split.training.length} training tasks, ${split.heldOut.length} held out (${split.heldOut.map((t) => t.id).join(', ')}), ${split.dropped.length} dropped; ` +
            `${event.resumed ? `resuming at step ${event.step}` : 'starting'} of ${event.totalSteps}${event.runId ? `, run ${event.runId}` : ''}`
        )
        break
      }
      case 'step': {
        tokens += event.tokens
        seconds += event.seconds
        steps++
        const eta = (seconds / steps) * (event.totalSteps - event.step)
        const text = `step ${event.step}/${event.totalSteps} loss ${event.loss.toFixed(4)} lr ${event.learningRate.toExponential(2)} ${Math.round(tokens / Math.max(seconds, 1e-9))} tok/s | ETA ${duration(eta)}`
        if (live) stream.write(`\r\x1b[2K${text.slice(0, (stream.columns ?? 120) - 1)}`)
        else if (event.step % every === 0 || event.step === event.totalSteps) stream.write(`${text}\n`)
        break
      }
      case 'held-out':
        line(`step ${event.step}: held-out loss ${event.loss.toFixed(4)}`)
        break
      case 'checkpoint':
        line(`step ${event.step}: checkpoint ${event.dir}`)
        break
    }
  }
}
