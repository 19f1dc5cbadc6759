// Records every state the Adapt view's progress panel goes through, inside the page. A tiny run
// finishes in seconds, faster than a test could poll it, so a MutationObserver samples the panel
// after each DOM update instead: the test then checks the whole history (the bar advanced task by
// task, rows streamed in one at a time, loss points arrived) rather than hoping to catch a moment.
import type { Page } from 'playwright-core'

export interface ProgressSample {
  readonly runId: string | null
  /** The panel's data-status: running, completed, cancelled, failed, interrupted. */
  readonly status: string | null
  /** The bar's data-done and data-total. */
  readonly done: number
  readonly total: number
  /** The progress line, e.g. "task 2 of 3". */
  readonly text: string
  /** Rows of the results table. */
  readonly rows: number
  /** Points of the live loss chart (its data-points). */
  readonly lossPoints: number
  /** The bar's fill width, e.g. "33%". */
  readonly fill: string
}

// A string, not a function: the Node-side type-check has no DOM library, and this runs in the page.
const INSTALL = `(() => {
  if (window.__arcProgress) return
  const samples = []
  window.__arcProgress = samples
  const attr = (selector, name) => document.querySelector(selector)?.getAttribute(name) ?? null
  const record = () => {
    const panel = document.querySelector('[data-testid="run-progress"]')
    if (!panel) return
    const sample = {
      runId: panel.getAttribute('data-run-id'),
      status: panel.getAttribute('data-status'),
      done: Number(attr('[data-testid="progress-bar"]', 'data-done') ?? 0),
      total: Number(attr('[data-testid="progress-bar"]', 'data-total') ?? 0),
      text: document.querySelector('[data-testid="progress-text"]')?.textContent?.trim() ?? '',
      rows: document.querySelectorAll('[data-testid="result-row"]').length,
      lossPoints: Number(attr('[data-testid="loss-chart"]', 'data-points') ?? 0),
      fill: document.querySelector('[data-testid="progress-bar"] .fill')?.style.width ?? ''
    }
    const last = samples[samples.length - 1]
    if (!last || JSON.stringify(last) !== JSON.stringify(sample)) samples.push(sample)
  }
  new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
  record()
})()`

/** Starts recording (idempotent within one page load). */
export async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(INSTALL)
}

/** The samples of one run so far, in order. */
export async function progressSamples(page: Page, runId: string): Promise<ProgressSample[]> {
  const all = (await page.evaluate('window.__arcProgress ?? []')) as ProgressSample[]
  return all.filter((sample) => sample.runId === runId)
}
