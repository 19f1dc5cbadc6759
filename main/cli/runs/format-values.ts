// How the `runs` tables print recorded values: '-' for a missing one, numbers short but exact enough.
import type { RunSummary } from '../../engine/store'
import { formatPercent } from '../commands/score'

export const MISSING = '-'

/** A number with at most 6 significant digits, trailing zeros dropped: 0.1250000 -> "0.125". */
export function formatNumber(value: number | null): string {
  if (value === null) return MISSING
  if (!Number.isFinite(value)) return String(value)
  return String(Number(value.toPrecision(6)))
}

/** Seconds with two decimals: 2.5 -> "2.50". */
export function formatSeconds(seconds: number | null): string {
  return seconds === null ? MISSING : seconds.toFixed(2)
}

/** A fraction 0..1 as a percentage with two decimals ("62.50"), or '-' before any scored task. */
export function formatAccuracy(fraction: number | null): string {
  return fraction === null ? MISSING : formatPercent(fraction)
}

/** An ISO 8601 UTC time without milliseconds: "2026-11-26 06:53:01Z". */
export function formatTime(iso: string | null): string {
  if (iso === null) return MISSING
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(iso)
  return match ? `${match[1]} ${match[2]}Z` : iso
}

/** The provider used, saying when it differs from the one asked for or was never recorded. */
export function formatProvider(run: Pick<RunSummary, 'providerRequested' | 'providerUsed'>): string {
  if (run.providerUsed === null) return `${run.providerRequested} (requested)`
  if (run.providerUsed === run.providerRequested) return run.providerUsed
  return `${run.providerUsed} (asked ${run.providerRequested})`
}

/** Bytes in GiB with one decimal: 8589934592 -> "8.0 GiB". */
export function formatGibibytes(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`
}

/** `lines` each indented by two spaces. */
export function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `  ${line}`))
    .join('\n')
}

/** Words joined by ', ' and wrapped to lines of at most `width` characters. */
export function wrapList(words: readonly string[], width = 96): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    const next = line === '' ? word : `${line}, ${word}`
    if (next.length > width && line !== '') {
      lines.push(`${line},`)
      line = word
    } else {
      line = next
    }
  }
  if (line !== '') lines.push(line)
  return lines
}
