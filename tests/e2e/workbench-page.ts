// Page helpers for the workbench end-to-end test and the screenshot script: fill the Adapt form
// the way a user does (open the override's section, type or pick the value), start a run and wait
// for it, and read grids out of the DOM. Everything waits for a state, never for a fixed time.
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Locator, Page } from 'playwright-core'

/** Terminal statuses of a run as the progress panel shows them. */
const FINISHED = ['completed', 'cancelled', 'failed', 'interrupted']

/** Sets one config override in the Adapt form: a text field is typed into, a select is picked. */
export async function setOverride(page: Page, key: string, value: string): Promise<void> {
  const field = page.getByTestId(`override-${key}`)
  const section = page.locator('[data-testid="overrides-form"] details').filter({ has: field })
  // Evaluated in the page; typed without the DOM library, which the Node-side type-check lacks.
  if (!(await section.evaluate((details) => (details as unknown as { open: boolean }).open))) await section.locator('summary').click()
  const select = field.locator('select')
  if ((await select.count()) > 0) await select.selectOption(value)
  else await field.locator('input[type="text"]').fill(value)
}

/** The run the progress panel shows, once it is not `previous`. */
export async function watchedRunId(page: Page, previous: string | null, timeoutMs: number): Promise<string> {
  // A locator, not waitForFunction: the page's Content-Security-Policy forbids evaluating strings.
  const panel = page.locator(`[data-testid="run-progress"][data-run-id]${previous === null ? '' : `:not([data-run-id="${previous}"])`}`)
  await panel.waitFor({ timeout: timeoutMs })
  return (await panel.getAttribute('data-run-id'))!
}

/** Clicks Start and resolves to the id of the run the view then watches. */
export async function startRunFromForm(page: Page, previous: string | null, timeoutMs = 30_000): Promise<string> {
  await page.getByTestId('start-run').click()
  return watchedRunId(page, previous, timeoutMs)
}

/** Waits until the watched run reaches a terminal status and returns it (with the failure banner's text, if any). */
export async function waitForRunEnd(page: Page, runId: string, timeoutMs: number): Promise<{ status: string; message: string }> {
  const panel = page.locator(`[data-testid="run-progress"][data-run-id="${runId}"]`)
  await panel.and(page.locator(FINISHED.map((s) => `[data-status="${s}"]`).join(', '))).waitFor({ timeout: timeoutMs })
  const status = (await panel.getAttribute('data-status')) ?? ''
  const banner = panel.locator('[role="alert"]')
  const message = (await banner.count()) > 0 ? ((await banner.first().textContent()) ?? '') : ''
  return { status, message }
}

/** A grid element's size ("6x7") and its cell values, row-major. */
export async function readGrid(grid: Locator): Promise<{ size: string; cells: number[] }> {
  const size = (await grid.getAttribute('data-size')) ?? ''
  const cells = await grid.evaluate((element) =>
    Array.from((element as unknown as { children: ArrayLike<{ getAttribute(name: string): string | null }> }).children, (cell) => Number(cell.getAttribute('data-color')))
  )
  return { size, cells }
}

/** Scrolls the app's view (the shell's scrolling <main>) back to its top. */
export async function scrollViewToTop(page: Page): Promise<void> {
  await page.locator('main.view').evaluate((main) => (main as unknown as { scrollTop: number }).scrollTop = 0)
}

const nextFrames = 'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))'

/**
 * A screenshot at `path` (folders created). `fullPage`: the whole view. The app's shell is one
 * screen high and its <main> scrolls, so Playwright's fullPage would only see one screen: the
 * viewport is made as tall as the view's content for the shot, then put back.
 */
export async function screenshot(page: Page, path: string, fullPage = false): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const viewport = page.viewportSize()
  if (fullPage && viewport) {
    const extra = await page.locator('main.view').evaluate((main) => {
      const m = main as unknown as { scrollHeight: number; clientHeight: number }
      return m.scrollHeight - m.clientHeight
    })
    if (extra > 0) await page.setViewportSize({ width: viewport.width, height: viewport.height + extra })
  }
  // Charts redraw on resize and grids settle after their data arrives: let two frames pass.
  await page.evaluate(nextFrames)
  await page.screenshot({ path })
  if (viewport) await page.setViewportSize(viewport)
}
