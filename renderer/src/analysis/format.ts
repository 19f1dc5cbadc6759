// How numbers appear in the tables: percentages, durations, dates, p-values.

export function percent(fraction: number | null | undefined, digits = 1): string {
  return fraction === null || fraction === undefined || !Number.isFinite(fraction) ? '—' : `${(fraction * 100).toFixed(digits)}%`
}

/** 0.4 s, 12.3 s, 4 m 05 s, 2 h 03 m. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—'
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} m ${String(Math.round(seconds % 60)).padStart(2, '0')} s`
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} m`
}

/** The local date and time of an ISO timestamp, to the minute: 2025-03-04 17:05. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** p-values: three significant digits, and a floor below which the exact figure means nothing. */
export function pValue(p: number): string {
  if (p < 1e-4) return '< 0.0001'
  return p >= 0.001 ? p.toFixed(3) : p.toPrecision(2)
}

/**
 * A run id short enough for a label. The runner's ids (run-20261126-085422-910b) share their
 * prefix with every run of the day, so the time and the random suffix are what tell them apart.
 */
export function shortId(id: string): string {
  const runnerId = /^run-\d{8}-(\d{6}-[0-9a-z]+)$/.exec(id)
  if (runnerId) return runnerId[1]!
  return id.length > 12 ? `${id.slice(0, 11)}…` : id
}
