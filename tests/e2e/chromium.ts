// Headless Chromium for the end-to-end tests and the screenshot script: the system browser at
// /usr/bin/chromium (or $ARC_TTT_CHROMIUM) through playwright-core, with a fresh profile (playwright passes the folder as
// --user-data-dir), and every page error and console error collected (a test ends by checking
// there were none).
import { existsSync } from 'node:fs'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = process.env.ARC_TTT_CHROMIUM || '/usr/bin/chromium'

/** Flags for a quiet, reproducible browser: no GPU, no network chatter, no first-run screens. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

/** Why the browser tests cannot run here, in one line; undefined when the browser is there. */
export function missingChromium(path = CHROMIUM): string | undefined {
  if (existsSync(path)) return undefined
  return (
    `Chromium not found at ${path}: the browser tests need it. Run scripts/install-chromium.sh (Debian/Ubuntu), ` +
    'or set ARC_TTT_CHROMIUM to a Chromium or Chrome binary.'
  )
}

/** Throws the one line of `missingChromium` without a stack trace, so a test run shows just that. */
export function requireChromium(): void {
  const problem = missingChromium()
  if (!problem) return
  const error = new Error(problem)
  error.stack = `Error: ${problem}`
  throw error
}

export interface Browser {
  readonly context: BrowserContext
  readonly page: Page
  /** Page errors and console errors so far, in order. */
  readonly errors: string[]
  close(): Promise<void>
}

export async function launchChromium(profileDir: string, viewport: { width: number; height: number }): Promise<Browser> {
  requireChromium()
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport })
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`)
  })
  return { context, page, errors, close: () => context.close() }
}
