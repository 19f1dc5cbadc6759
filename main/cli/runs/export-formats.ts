// The `runs export` formats built from a run's report: the submission and the CSV come from the
// module the workbench's export shares (main/engine/scoring/run-export.ts); JSON is the whole report.
import { formatCsv, submissionText, type RunSubmission } from '../../engine/scoring/run-export'
import { formatJson } from '../format-json'
import type { RunReport } from './run-report'

export const EXPORT_FORMATS = ['submission', 'csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The export's text and what it leaves out (submission only). */
export function exportText(report: RunReport, format: ExportFormat): { text: string; omitted: RunSubmission['omitted'] } {
  if (format === 'submission') return submissionText(report)
  return { text: format === 'csv' ? formatCsv(report) : `${formatJson(report)}\n`, omitted: [] }
}
