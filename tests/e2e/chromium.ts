// Headless Chromium for the end-to-end tests and the screenshot script: the system browser at
// /usr/bin/chromium through playwright-core, with a fresh profile (playwright passes the folder as
// --user-data-dir), and every page error and console error collected (a test ends by checking
// there were none).
import { existsSync } from 'node:fs'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'

/** Flags for a quiet, reproducible browser: no GPU, no network chatter, no first-run screens. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export interface Browser {
  readonly context: BrowserContext
  readonly page: Page
  /** Page errors and console errors so far, in order. */
  readonly errors: string[]
  close(): Promise<void>
}

export async function launchChromium(profileDir: string, viewport: { width: number; height: number }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium); the end-to-end tests do not skip without it`)
  }
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport })
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`)
  })
  return { context, page, errors, close: () => context.close() }
}
